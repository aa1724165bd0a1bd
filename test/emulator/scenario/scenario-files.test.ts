import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ScenarioError, loadScenario, parseScenario} from '../../../source/emulator/scenario/load-scenario.js';

async function fileWith(content: string): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'batchtop-scenario-'));
	const path = join(dir, 'scenario.json');
	await writeFile(path, content);
	return path;
}

describe('scenario files', () => {
	it('loads the built-in demo and empty scenarios', async () => {
		expect((await loadScenario('demo')).batches.length).toBeGreaterThanOrEqual(7);
		expect((await loadScenario('empty')).batches).toEqual([]);
	});

	it('loads a valid file', async () => {
		const path = await fileWith(
			JSON.stringify({seed: 3, batches: [{totalRuns: 5, actions: [{at: 10, do: 'cancel'}]}]}),
		);
		expect((await loadScenario(path)).seed).toBe(3);
	});

	it.each([
		[{batches: [{totalRuns: 0}]}, /batches\[0\]\.totalRuns: .*>=1/],
		[{batches: [{totalRuns: 100_001}]}, /batches\[0\]\.totalRuns: .*100000/],
		[{batches: [{totalRuns: 5, runFailureShare: 1.5}]}, /batches\[0\]\.runFailureShare/],
		[
			{batches: [{totalRuns: 5, durations: {running: [60, 10]}}]},
			/batches\[0\]\.durations\.running: expected \[min, max\] with min <= max/,
		],
		[{batches: [{totalRuns: 5, actions: [{at: 1, do: 'explode'}]}]}, /batches\[0\]\.actions\[0\]\.do/],
		[{batches: [{totalRuns: 5, colour: 'red'}]}, /batches\[0\]: .*colour/],
		[{batches: [{totalRuns: 5, workflowId: 'abc'}]}, /workflowId: expected 1-18 digits/],
		[{region: 'moon-1', batches: []}, /region: expected a region/],
		[{}, /batches: /],
	])('rejects %j with a message naming the field', (input, message) => {
		expect(() => parseScenario(input, 'test.json')).toThrow(ScenarioError);
		expect(() => parseScenario(input, 'test.json')).toThrow(message);
	});

	it('names the file and the problem for a missing file and for bad JSON', async () => {
		await expect(loadScenario('/definitely/not/here.json')).rejects.toThrow(
			/cannot read scenario file \/definitely\/not\/here\.json: no such file/,
		);
		const broken = await fileWith('{"batches": [');
		await expect(loadScenario(broken)).rejects.toThrow(/is not valid JSON/);
	});
});
