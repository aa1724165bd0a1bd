import {describe, expect, it} from 'vitest';
import {parseConfig} from '../../source/cli/parse-config.js';
import {printConfigLines, printConfigRecord} from '../../source/cli/print-config.js';
import type {PrintConfig} from '../../source/cli/watch-config.js';

const tty = {stdinIsTty: true, stdoutIsTty: true};
const PATH = '/home/u/.config/batchtop/config.json';

function printConfig(
	flags: Parameters<typeof parseConfig>[1],
	env: NodeJS.ProcessEnv,
	content: string | undefined,
): PrintConfig {
	const config = parseConfig([], {printConfig: true, ...flags}, tty, env, {path: PATH, content});
	if (config.command !== 'print-config') throw new Error(`expected print-config, got ${config.command}`);
	return config;
}

describe('--print-config', () => {
	it('prints one aligned line per setting: key, value, source', () => {
		const lines = printConfigLines(
			printConfig(
				{maxRps: '8', color: false, mouse: true},
				{AWS_REGION: 'us-west-2', HOME: '/home/u'},
				JSON.stringify({profile: 'lab', interval: 10, log: 'b.ndjson', staleTimeout: '90s', title: true}),
			),
		);
		expect(lines).toEqual([
			`config file ${PATH}`,
			`profile         lab                                config ${PATH}`,
			'region          us-west-2                          env AWS_REGION',
			`interval        10:60                              config ${PATH}`,
			'maxRps          8                                  flag --max-rps',
			'budget          -                                  default (half of each documented quota; see README)',
			'sort            status                             default',
			'ascii           false                              default',
			'color           false                              flag --no-color',
			'notify          false                              default',
			`title           true                               config ${PATH}`,
			'mouse           true                               flag --mouse',
			`log             /home/u/.config/batchtop/b.ndjson  config ${PATH}`,
			'requestTimeout  15s                                default',
			`staleTimeout    90s                                config ${PATH}`,
		]);
	});

	it('says when the file is missing, and what an unset value means', () => {
		const lines = printConfigLines(printConfig({}, {}, undefined));
		expect(lines[0]).toBe(`config file ${PATH} (not found: no settings from a file)`);
		expect(lines).toContain("region          -       default (the profile's, else a batch ARN's)");
	});

	it('--json: one object whose values a config file could hold', () => {
		const record = printConfigRecord(
			printConfig(
				{json: true, sort: 'age'},
				{NO_COLOR: '1'},
				JSON.stringify({maxRps: 3, requestTimeout: 0.25}),
			),
		);
		expect(record).toEqual({
			configFile: {path: PATH, found: true},
			settings: {
				profile: {value: null, source: 'default', note: 'the SDK default chain'},
				region: {value: null, source: 'default', note: "the profile's, else a batch ARN's"},
				interval: {value: '5:60', source: 'default'},
				maxRps: {value: 3, source: 'config', file: PATH},
				budget: {value: null, source: 'default', note: 'half of each documented quota; see README'},
				sort: {value: 'age', source: 'flag', flag: '--sort'},
				ascii: {value: false, source: 'default'},
				color: {value: false, source: 'env', variable: 'NO_COLOR'},
				notify: {value: false, source: 'default'},
				title: {value: false, source: 'default'},
				mouse: {value: false, source: 'default'},
				log: {value: null, source: 'default'},
				requestTimeout: {value: '250ms', source: 'config', file: PATH},
				staleTimeout: {value: '10m', source: 'default'},
			},
		});
	});
});
