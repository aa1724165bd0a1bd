import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execFileSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {configFilePath, parseConfigFile, readConfigFile} from '../../source/cli/config-file.js';
import {UsageError} from '../../source/cli/exit-codes.js';
import {CONFIG_KEYS, resolveSettings, type SettingsInput} from '../../source/cli/settings.js';
import {FLAGS} from '../../source/cli/cli-flags.js';

const PATH = '/home/u/.config/batchtop/config.json';
const parse = (content: string) => parseConfigFile({path: PATH, content}, '/home/u');
const problem = (content: string) => {
	try {
		parse(content);
	} catch (error) {
		expect(error).toBeInstanceOf(UsageError);
		return (error as Error).message;
	}
	throw new Error(`no problem found in ${content}`);
};

describe('where the config file is', () => {
	it('takes BATCHTOP_CONFIG, then an absolute XDG_CONFIG_HOME, then ~/.config', () => {
		expect(configFilePath({BATCHTOP_CONFIG: '/tmp/b.json', XDG_CONFIG_HOME: '/x'}, '/home/u')).toBe(
			'/tmp/b.json',
		);
		expect(configFilePath({XDG_CONFIG_HOME: '/x'}, '/home/u')).toBe('/x/batchtop/config.json');
		// The XDG spec: a relative XDG_CONFIG_HOME is ignored; so is an empty BATCHTOP_CONFIG.
		expect(configFilePath({XDG_CONFIG_HOME: 'rel', BATCHTOP_CONFIG: ''}, '/home/u')).toBe(PATH);
		expect(configFilePath({HOME: '/home/v'})).toBe('/home/v/.config/batchtop/config.json');
		expect(configFilePath({}, undefined)).toBeUndefined();
	});
});

describe('validating the config file', () => {
	it('reads every documented key, in the forms the README gives', () => {
		const file = parse(
			JSON.stringify({
				profile: 'lab',
				region: 'eu-west-1',
				interval: 10,
				maxRps: 0.5,
				sort: 'age',
				ascii: true,
				color: false,
				notify: true,
				title: true,
				mouse: false,
				log: 'logs/batchtop.ndjson',
				requestTimeout: 2.5,
				staleTimeout: '1h30m',
			}),
		);
		expect(file).toEqual({
			path: PATH,
			found: true,
			settings: {
				profile: 'lab',
				region: 'eu-west-1',
				interval: {minMs: 10_000, maxMs: 60_000},
				maxRps: 0.5,
				sort: 'age',
				ascii: true,
				color: false,
				notify: true,
				title: true,
				mouse: false,
				// Relative to the config file's directory, not to wherever batchtop is started.
				log: '/home/u/.config/batchtop/logs/batchtop.ndjson',
				requestTimeout: 2500,
				staleTimeout: 5_400_000,
			},
		});
		expect(parse('{"interval": "5:60", "log": "~/b.ndjson"}').settings).toEqual({
			interval: {minMs: 5000, maxMs: 60_000},
			log: '/home/u/b.ndjson',
		});
		expect(parse('{"log": "/var/log/b.ndjson"}').settings).toEqual({log: '/var/log/b.ndjson'});
	});

	it('treats a missing file, an empty one and {} as no settings', () => {
		expect(parseConfigFile({path: PATH, content: undefined}, undefined)).toEqual({
			path: PATH,
			found: false,
			settings: {},
		});
		expect(parse('  \n')).toEqual({path: PATH, found: true, settings: {}});
		expect(parse('\uFEFF{}')).toEqual({path: PATH, found: true, settings: {}});
	});

	it('knows exactly the keys that are flags too', () => {
		for (const key of CONFIG_KEYS) expect(Object.keys(FLAGS)).toContain(key);
		expect([...CONFIG_KEYS].sort()).toEqual(
			[
				'ascii',
				'budget',
				'color',
				'interval',
				'log',
				'maxRps',
				'notify',
				'profile',
				'region',
				'requestTimeout',
				'sort',
				'staleTimeout',
				'title',
				'mouse',
			].sort(),
		);
	});

	it.each([
		['{"a": }', `config file ${PATH} is not valid JSON: Unexpected token '}'`],
		[
			'{"maxRps": 1,}',
			`config file ${PATH} is not valid JSON: Expected double-quoted property name at line 1, column 14`,
		],
		['[1]', `config file ${PATH} must hold a JSON object such as {"region": "us-east-1"}, got an array`],
		[
			'"us-east-1"',
			`config file ${PATH} must hold a JSON object such as {"region": "us-east-1"}, got "us-east-1"`,
		],
		[
			'{"maxRPS": 3}',
			`config file ${PATH}: unknown key "maxRPS" (did you mean "maxRps"?); the keys are ${CONFIG_KEYS.join(', ')}`,
		],
		[
			'{"max-rps": 3}',
			`config file ${PATH}: unknown key "max-rps" (did you mean "maxRps"?); the keys are ${CONFIG_KEYS.join(', ')}`,
		],
		[
			'{"endpointUrl": "http://x"}',
			`config file ${PATH}: unknown key "endpointUrl"; the keys are ${CONFIG_KEYS.join(', ')}`,
		],
		['{"maxRps": "3"}', `config file ${PATH}: "maxRps" must be a number (requests per second), got "3"`],
		['{"maxRps": 0}', `config file ${PATH}: "maxRps" must be a number from 0.1 to 1000, got "0"`],
		['{"ascii": "yes"}', `config file ${PATH}: "ascii" must be true or false, got "yes"`],
		['{"notify": 1}', `config file ${PATH}: "notify" must be true or false, got 1`],
		['{"mouse": "on"}', `config file ${PATH}: "mouse" must be true or false, got "on"`],
		['{"color": null}', `config file ${PATH}: "color" must be true or false, got null`],
		['{"profile": 7}', `config file ${PATH}: "profile" must be text, got 7`],
		['{"profile": " "}', `config file ${PATH}: "profile" needs a profile name`],
		[
			'{"region": "mars"}',
			`config file ${PATH}: "region" must be an AWS region such as us-east-1, got "mars"`,
		],
		[
			'{"sort": "size"}',
			`config file ${PATH}: "sort" must be one of status, name, progress, age, got "size"`,
		],
		[
			'{"interval": "fast"}',
			`config file ${PATH}: "interval" takes MIN or MIN:MAX in seconds, such as 5 or 5:60, got "fast"`,
		],
		['{"interval": "30:2"}', `config file ${PATH}: "interval" MAX must not be below MIN, got "30:2"`],
		[
			'{"interval": [5, 60]}',
			`config file ${PATH}: "interval" must be text such as "5:60" or a number of seconds, got [5,60]`,
		],
		[
			'{"requestTimeout": "1ms"}',
			`config file ${PATH}: "requestTimeout" must be between 100ms and 10m, such as 15s, got "1ms"`,
		],
		[
			'{"requestTimeout": true}',
			`config file ${PATH}: "requestTimeout" must be text such as "15s" or a number of seconds, got true`,
		],
		[
			'{"staleTimeout": "soon"}',
			`config file ${PATH}: "staleTimeout" takes a duration such as 90s, 5m, 1h30m or 2d, got "soon"`,
		],
		['{"log": ""}', `config file ${PATH}: "log" needs a file name`],
		['{"log": {"path": "x"}}', `config file ${PATH}: "log" must be text, got {"path":"x"}`],
	])('%s: %s', (content, message) => {
		expect(problem(content)).toBe(message);
	});

	it('needs a home directory for ~ in log', () => {
		expect(() => parseConfigFile({path: PATH, content: '{"log": "~/b"}'}, undefined)).toThrow(
			new UsageError(
				`config file ${PATH}: "log" starts with ~ but there is no home directory (HOME is unset)`,
			),
		);
	});

	it('keeps an over-long value short, on one line', () => {
		const message = problem(JSON.stringify({profile: 'x'.repeat(500).split('')}));
		expect(message.length).toBeLessThan(150);
		expect(message).not.toContain('\n');
	});
});

describe('reading the config file', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'batchtop-config-'));
	});
	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	it('reads a file, and a missing one is no file', () => {
		const path = join(dir, 'config.json');
		writeFileSync(path, '{"sort": "name"}');
		expect(readConfigFile(path)).toEqual({path, content: '{"sort": "name"}'});
		expect(readConfigFile(join(dir, 'absent.json'))).toEqual({
			path: join(dir, 'absent.json'),
			content: undefined,
		});
		expect(readConfigFile('/dev/null')).toEqual({path: '/dev/null', content: ''});
	});

	it('refuses a directory, a FIFO (without blocking), a non-directory in the path and an unreadable file', () => {
		const sub = join(dir, 'sub');
		mkdirSync(sub);
		expect(() => readConfigFile(sub)).toThrow(
			new UsageError(`config file ${sub} is a directory, not a file`),
		);
		const fifo = join(dir, 'fifo');
		execFileSync('mkfifo', [fifo]);
		expect(() => readConfigFile(fifo)).toThrow(new UsageError(`config file ${fifo} is not a regular file`));
		const file = join(dir, 'plain');
		writeFileSync(file, '{}');
		expect(() => readConfigFile(join(file, 'config.json'))).toThrow(
			new UsageError(
				`cannot read config file ${join(file, 'config.json')}: a part of the path is not a directory`,
			),
		);
		if (process.getuid?.() !== 0) {
			const locked = join(dir, 'locked.json');
			writeFileSync(locked, '{}');
			chmodSync(locked, 0o000);
			expect(() => readConfigFile(locked)).toThrow(
				new UsageError(`cannot read config file ${locked}: permission denied`),
			);
		}
	});

	it('refuses a file over 1 MiB', () => {
		const big = join(dir, 'big.json');
		writeFileSync(big, ' '.repeat(1024 * 1024 + 1));
		expect(() => readConfigFile(big)).toThrow(/is 1048577 bytes; a config file is at most 1 MiB/);
	});
});

describe('precedence: flag, then environment, then config file, then default', () => {
	const file = {
		path: PATH,
		settings: parse(
			JSON.stringify({profile: 'lab', region: 'eu-west-1', color: true, ascii: false, maxRps: 4}),
		).settings,
	};
	const settings = (input: Partial<SettingsInput>) =>
		resolveSettings({flags: {}, env: {}, demo: false, references: [], ...input});

	it('names each source', () => {
		expect(settings({}).maxRps).toEqual({value: 2, source: {kind: 'default'}});
		expect(settings({file}).maxRps).toEqual({value: 4, source: {kind: 'config', file: PATH}});
		expect(settings({file, flags: {maxRps: '7'}}).maxRps).toEqual({
			value: 7,
			source: {kind: 'flag', flag: '--max-rps'},
		});
		expect(settings({file, env: {AWS_PROFILE: 'prod'}}).profile).toEqual({
			value: 'prod',
			source: {kind: 'env', variable: 'AWS_PROFILE'},
		});
		expect(settings({file, env: {AWS_PROFILE: ''}}).profile.source).toEqual({kind: 'config', file: PATH});
		expect(settings({file, env: {AWS_PROFILE: 'prod'}, flags: {profile: 'dev'}}).profile.source).toEqual({
			kind: 'flag',
			flag: '--profile',
		});
	});

	it('takes the region from --region, AWS_REGION, AWS_DEFAULT_REGION, a batch ARN (over the file), the file', () => {
		const arn = [{id: '1', region: 'ap-south-1'}];
		expect(settings({file, env: {AWS_DEFAULT_REGION: 'us-west-1'}}).region.source).toEqual({
			kind: 'env',
			variable: 'AWS_DEFAULT_REGION',
		});
		expect(
			settings({file, env: {AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-west-1'}}).region.value,
		).toBe('us-west-2');
		expect(settings({file, references: arn}).region).toMatchObject({
			value: 'ap-south-1',
			source: {kind: 'arn'},
		});
		expect(settings({file}).region.value).toBe('eu-west-1');
		// Without a file region, the ARN's is left to resolve-region (after the profile's), as before.
		expect(settings({references: arn}).region).toMatchObject({value: undefined, source: {kind: 'default'}});
	});

	it.each([
		[{NO_COLOR: '1'}, false, 'NO_COLOR'],
		[{TERM: 'dumb'}, false, 'TERM'],
		[{FORCE_COLOR: '0'}, false, 'FORCE_COLOR'],
		[{FORCE_COLOR: '1', NO_COLOR: '1', TERM: 'dumb'}, true, 'FORCE_COLOR'],
		[{NO_COLOR: '1', TERM: 'dumb'}, false, 'NO_COLOR'],
		[{FORCE_COLOR: '', TERM: 'dumb'}, false, 'TERM'],
	])('colour from %j is %s, named %s, over the file', (env, value, variable) => {
		expect(settings({file, env}).color).toEqual({value, source: {kind: 'env', variable}});
	});

	it('takes colour and ASCII from the file when the environment says nothing, and flags over both', () => {
		expect(settings({file, env: {TERM: 'xterm-256color', NO_COLOR: ''}}).color.source).toEqual({
			kind: 'config',
			file: PATH,
		});
		const dark = {path: PATH, settings: {color: false, ascii: true}};
		expect(settings({file: dark})).toMatchObject({color: {value: false}, ascii: {value: true}});
		expect(settings({file: dark, env: {TERM: 'dumb'}, flags: {color: true, ascii: false}})).toMatchObject({
			color: {value: true, source: {kind: 'flag', flag: '--color'}},
			ascii: {value: false, source: {kind: 'flag', flag: '--no-ascii'}},
		});
		expect(settings({env: {TERM: 'dumb'}}).ascii).toEqual({
			value: true,
			source: {kind: 'env', variable: 'TERM'},
		});
	});

	it('uses the demo defaults and no profile or region with --demo', () => {
		const demo = settings({demo: true, file, env: {AWS_PROFILE: 'prod', AWS_REGION: 'us-west-2'}});
		expect(demo.profile).toEqual({
			value: undefined,
			source: {kind: 'default'},
			note: "the config file's is not used with --demo",
		});
		expect(demo.region.value).toBeUndefined();
		expect(settings({demo: true})).toMatchObject({
			interval: {value: {minMs: 3000, maxMs: 20_000}},
			maxRps: {value: 5},
			requestTimeout: {value: 5000},
		});
	});

	it("keeps the demo's events out of the config file's log (a real run would compare with them), not out of --log", () => {
		const withLog = {path: PATH, settings: parse(JSON.stringify({log: '/var/log/batchtop.ndjson'})).settings};
		expect(settings({file: withLog}).log.value).toBe('/var/log/batchtop.ndjson');
		expect(settings({demo: true, file: withLog}).log).toEqual({
			value: undefined,
			source: {kind: 'default'},
			note: "the config file's is not used with --demo",
		});
		expect(settings({demo: true, file: withLog, flags: {log: '/tmp/demo.ndjson'}}).log.value).toBe(
			'/tmp/demo.ndjson',
		);
	});
});
