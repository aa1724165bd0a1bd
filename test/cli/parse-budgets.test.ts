import {describe, expect, it} from 'vitest';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {parseBudgets} from '../../source/cli/parse-budgets.js';
import {parseConfigFile} from '../../source/cli/config-file.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

describe('--budget and the config file key "budget"', () => {
	it('reads OPERATION=N pairs, case-insensitive names, and refuses more than a documented quota', () => {
		expect(parseBudgets('GetRun=8, listruns=2.5', '--budget')).toEqual({GetRun: 8, ListRuns: 2.5});
		expect(() => parseBudgets('GetRun=11', '--budget')).toThrow(
			'--budget: GetRun budget 11/s is above its documented quota of 10 TPS (https://docs.aws.amazon.com/omics/latest/dev/api-quotas.html)',
		);
		expect(() => parseBudgets('GetLogEvents=30', '--budget')).toThrow(
			/GetLogEvents budget 30\/s is above its documented quota of 25 TPS/,
		);
		expect(() => parseBudgets('GetRun', '--budget')).toThrow(/must be OPERATION=N/);
		expect(() => parseBudgets('StartRun=1', '--budget')).toThrow(/unknown operation "StartRun"/);
		// No quota is published for GetBatch: not capped (the emulator and scale tests poll faster).
		expect(parseBudgets('GetBatch=50', '--budget')).toEqual({GetBatch: 50});
	});

	it('takes an object in the config file, checked the same way', () => {
		const path = '/home/u/.config/batchtop/config.json';
		const read = (settings: unknown): unknown =>
			parseConfigFile({path, content: JSON.stringify(settings)}, '/home/u').settings;
		expect(read({budget: {GetRun: 4, ListRunsInBatch: 3}})).toMatchObject({
			budget: 'ListRunsInBatch=3,GetRun=4',
		});
		expect(read({budget: 'GetRun=4'})).toMatchObject({budget: 'GetRun=4'});
		expect(() => read({budget: {GetRun: 40}})).toThrow(
			`config file ${path}: "budget": GetRun budget 40/s is above its documented quota of 10 TPS`,
		);
		expect(() => read({budget: {GetRun: '4'}})).toThrow(/must map operations to numbers/);
	});

	it('the built CLI refuses a budget above the quota with one line and exit 2, before anything starts', () => {
		const result = spawnSync(process.execPath, [CLI, '--demo', '--once', '--budget', 'GetRun=20'], {
			encoding: 'utf8',
			timeout: 20_000,
		});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toEqual([
			'batchtop: --budget: GetRun budget 20/s is above its documented quota of 10 TPS (https://docs.aws.amazon.com/omics/latest/dev/api-quotas.html)',
		]);
	});
});
