import {describe, expect, it} from 'vitest';
import {parseConfig, parseInterval} from '../../source/cli/parse-config.js';
import {parseDuration} from '../../source/cli/parse-duration.js';
import {UsageError} from '../../source/cli/exit-codes.js';

const tty = {stdinIsTty: true, stdoutIsTty: true};

describe('parseConfig', () => {
	it('chooses the TUI on a terminal and plain output otherwise', () => {
		expect(parseConfig(['1'], {}, tty, {})).toMatchObject({command: 'watch', output: 'tui'});
		expect(parseConfig(['1'], {}, {stdinIsTty: false, stdoutIsTty: true}, {})).toMatchObject({
			output: 'plain',
		});
		expect(parseConfig(['1'], {json: true}, tty, {})).toMatchObject({output: 'json'});
		expect(parseConfig(['1'], {once: true}, tty, {})).toMatchObject({output: 'plain', once: true});
	});

	it('discovers active batches without IDs, finished ones too with --all or a filter', () => {
		expect(parseConfig([], {}, tty, {})).toMatchObject({discovery: {filter: {}, includeFinished: false}});
		expect(parseConfig([], {all: true}, tty, {})).toMatchObject({discovery: {includeFinished: true}});
		expect(parseConfig([], {status: 'failed'}, tty, {})).toMatchObject({
			discovery: {filter: {status: 'FAILED'}, includeFinished: true},
		});
		expect(parseConfig([], {runGroup: '12'}, tty, {})).toMatchObject({
			discovery: {filter: {runGroupId: '12'}},
		});
	});

	it('maps --wait to --exit-status, and defaults the stale timeout to ten minutes', () => {
		expect(parseConfig(['1'], {wait: true}, tty, {})).toMatchObject({
			exitStatus: true,
			staleTimeoutMs: 600_000,
		});
	});

	it('honours NO_COLOR and TERM=dumb', () => {
		expect(parseConfig(['1'], {}, tty, {NO_COLOR: '1', TERM: 'dumb'})).toMatchObject({
			color: false,
			ascii: true,
		});
	});

	it.each([
		[['1', '1234567890123456789'], {}, /has 19 digits/],
		[['1'], {status: 'RUNNING'}, /not a batch status/],
		[['1'], {all: true}, /when no IDs are given/],
		[[], {status: 'FAILED', runGroup: '1'}, /one of --status, --name or --run-group/],
		[['1'], {plain: true, json: true}, /one of --plain and --json/],
		[['1'], {region: 'mars'}, /^--region must be an AWS region such as us-east-1, got "mars"$/],
		[['1'], {endpointUrl: 'ftp://x'}, /not an http\(s\) URL/],
		[[], {demo: true, region: 'us-east-1'}, /--demo runs its own emulator/],
		[['1'], {log: ' '}, /--log needs a file name/],
	])('rejects %j %j', (input, flags, message) => {
		expect(() => parseConfig(input, flags, tty, {})).toThrow(UsageError);
		expect(() => parseConfig(input, flags, tty, {})).toThrow(message);
	});
});

describe('durations and intervals', () => {
	it.each([
		['90', 90_000],
		['90s', 90_000],
		['5m', 300_000],
		['1h30m', 5_400_000],
		['2d', 172_800_000],
		['250ms', 250],
	])('%s is %i ms', (text, ms) => {
		expect(parseDuration('timeout', text)).toBe(ms);
	});

	it.each(['soon', '5 m', '-1s', '0s', '1x', '0', '0.0'])('rejects %j', (text) => {
		expect(() => parseDuration('timeout', text)).toThrow(/--timeout/);
	});

	it('reads MIN[:MAX]', () => {
		expect(parseInterval(undefined)).toEqual({minMs: 5000, maxMs: 60_000});
		expect(parseInterval('10')).toEqual({minMs: 10_000, maxMs: 60_000});
		expect(parseInterval('90')).toEqual({minMs: 90_000, maxMs: 90_000});
		expect(parseInterval('2:30')).toEqual({minMs: 2000, maxMs: 30_000});
		expect(() => parseInterval('30:2')).toThrow(/MAX must not be below MIN/);
		expect(() => parseInterval('fast')).toThrow(/MIN or MIN:MAX/);
	});
});

describe('flags that do not apply to the command', () => {
	it.each([
		[
			['emulator'],
			{json: true},
			'--json does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[
			['emulator'],
			{color: false},
			'--no-color does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[
			['emulator'],
			{wait: true},
			'--wait does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[
			['emulator'],
			{printConfig: true},
			'--print-config does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[['1'], {port: '4566'}, '--port applies only to batchtop emulator'],
		[
			[],
			{demo: true, host: '0.0.0.0'},
			'--host applies only to batchtop emulator (--demo listens on a free loopback port of its own)',
		],
		[['1'], {scenario: 'empty'}, '--scenario applies only to --demo and batchtop emulator'],
		[['1'], {fault: ['throttle=1']}, '--fault applies only to --demo and batchtop emulator'],
		[
			['1'],
			{once: true, wait: true},
			'--wait does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['1'],
			{once: true, exitStatus: true},
			'--exit-status does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['1'],
			{once: true, failFast: true},
			'--fail-fast does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['1'],
			{once: true, timeout: '5m'},
			'--timeout does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['1'],
			{once: true, staleTimeout: '5m'},
			'--stale-timeout does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['1'],
			{once: true, log: 'x.ndjson'},
			'--log does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['1'],
			{once: true, notify: true},
			'--notify does not apply to --once, which reads every batch once and exits; drop one of them',
		],
	])('%j %j: %s', (input, flags, message) => {
		expect(() => parseConfig(input, flags, tty, {})).toThrow(new UsageError(message));
	});

	it('accepts what does apply: the simulation flags with --demo and the emulator, display flags with --once', () => {
		const simulation = {
			scenario: 'empty',
			speed: '2',
			seed: '7',
			fault: ['throttle=0.1'],
			runSummaryLag: '3',
			s3SettingsRuns: '10',
		};
		expect(parseConfig([], {demo: true, ...simulation}, tty, {})).toMatchObject({
			command: 'watch',
			demo: {scenario: 'empty', speed: 2, seed: 7, faultSpecs: ['throttle=0.1'], runSummaryLagSeconds: 3},
		});
		expect(
			parseConfig(['emulator'], {port: '4566', host: '127.0.0.1', ...simulation}, tty, {}),
		).toMatchObject({command: 'emulator', options: {port: 4566, s3SettingsRuns: 10}});
		expect(
			parseConfig(
				['1'],
				{
					once: true,
					json: true,
					maxRps: '9',
					interval: '1:5',
					requestTimeout: '2s',
					color: false,
					ascii: true,
					altScreen: false,
					sort: 'age',
				},
				tty,
				{},
			),
		).toMatchObject({once: true, output: 'json', maxRequestsPerSecond: 9, requestTimeoutMs: 2000});
		// An empty --fault list is what meow gives when none is passed.
		expect(parseConfig(['1'], {fault: []}, tty, {})).toMatchObject({command: 'watch'});
	});
});

describe('colour and glyphs', () => {
	it('takes TERM=dumb as no colour as well as ASCII; FORCE_COLOR and --color still give colour', () => {
		expect(parseConfig(['1'], {}, tty, {TERM: 'dumb'})).toMatchObject({color: false, ascii: true});
		expect(parseConfig(['1'], {}, tty, {TERM: 'xterm-256color'})).toMatchObject({color: true, ascii: false});
		expect(parseConfig(['1'], {}, tty, {TERM: 'dumb', FORCE_COLOR: '1'})).toMatchObject({color: true});
		expect(parseConfig(['1'], {color: true}, tty, {TERM: 'dumb', NO_COLOR: '1'})).toMatchObject({
			color: true,
		});
		expect(parseConfig(['1'], {ascii: false}, tty, {TERM: 'dumb'})).toMatchObject({ascii: false});
		// TERM=linux draws ASCII (its font) but has colours.
		expect(parseConfig(['1'], {}, tty, {TERM: 'linux'})).toMatchObject({color: true, ascii: true});
	});
});

describe('the config file in the watch config', () => {
	const file = (settings: object) => ({
		path: '/home/u/.config/batchtop/config.json',
		content: JSON.stringify(settings),
	});

	it('fills in what flags and the environment leave open', () => {
		const config = parseConfig(
			['1'],
			{},
			tty,
			{HOME: '/home/u'},
			file({
				profile: 'lab',
				region: 'eu-west-1',
				interval: '2:30',
				maxRps: 4,
				sort: 'progress',
				ascii: true,
				color: false,
				notify: true,
				log: '~/batchtop.ndjson',
				requestTimeout: '20s',
				staleTimeout: 120,
			}),
		);
		expect(config).toMatchObject({
			command: 'watch',
			connection: {profile: 'lab', region: 'eu-west-1', requestTimeoutMs: 20_000},
			requestTimeoutMs: 20_000,
			interval: {minMs: 2000, maxMs: 30_000},
			maxRequestsPerSecond: 4,
			initialSort: 'progress',
			ascii: true,
			color: false,
			notify: true,
			logFile: '/home/u/batchtop.ndjson',
			staleTimeoutMs: 120_000,
		});
	});

	it('lets flags beat the environment and the environment beat the file', () => {
		const settings = file({profile: 'lab', region: 'eu-west-1', maxRps: 4, color: true, sort: 'age'});
		const env = {AWS_PROFILE: 'prod', AWS_REGION: 'us-west-2', NO_COLOR: '1'};
		const fromEnv = parseConfig(['1'], {}, tty, env, settings);
		// From the environment, resolve-region and the SDK read the same variables: nothing is passed on.
		expect(fromEnv).toMatchObject({
			connection: {},
			color: false,
			maxRequestsPerSecond: 4,
			initialSort: 'age',
		});
		expect(fromEnv.command === 'watch' && fromEnv.connection).toEqual({});
		const fromFlags = parseConfig(
			['1'],
			{profile: 'dev', region: 'ap-south-1', maxRps: '8', color: true, sort: 'name'},
			tty,
			env,
			settings,
		);
		expect(fromFlags).toMatchObject({
			connection: {profile: 'dev', region: 'ap-south-1'},
			color: true,
			maxRequestsPerSecond: 8,
			initialSort: 'name',
		});
	});

	it('keeps the defaults without a file, and with a missing one', () => {
		for (const source of [undefined, {path: '/nowhere/config.json', content: undefined}])
			expect(parseConfig(['1'], {}, tty, {}, source)).toMatchObject({
				connection: {},
				interval: {minMs: 5000, maxMs: 60_000},
				maxRequestsPerSecond: 2,
				initialSort: 'status',
				notify: false,
				color: true,
				ascii: false,
				staleTimeoutMs: 600_000,
			});
		const config = parseConfig(['1'], {}, tty, {});
		expect(config.command === 'watch' && 'logFile' in config).toBe(false);
		expect(config.command === 'watch' && 'requestTimeoutMs' in config).toBe(false);
	});

	it('does not use the file profile or region with --demo, and keeps its other settings', () => {
		const config = parseConfig(
			[],
			{demo: true},
			tty,
			{},
			file({profile: 'lab', region: 'eu-west-1', maxRps: 3}),
		);
		expect(config).toMatchObject({command: 'watch', connection: {}, maxRequestsPerSecond: 3});
		expect(parseConfig([], {demo: true}, tty, {}, file({}))).toMatchObject({
			interval: {minMs: 3000, maxMs: 20_000},
			maxRequestsPerSecond: 5,
		});
	});

	it("lets a batch ARN's region beat the file's", () => {
		const arn = 'arn:aws:omics:ap-southeast-2:111122223333:runBatch/4812375';
		expect(parseConfig([arn], {}, tty, {}, file({region: 'eu-west-1'}))).toMatchObject({
			connection: {region: 'ap-southeast-2'},
		});
	});

	it('reports a bad file before anything runs, even with --print-config', () => {
		const bad = file({maxRps: 'fast'});
		for (const flags of [{}, {printConfig: true}])
			expect(() => parseConfig(['1'], flags, tty, {}, bad)).toThrow(
				new UsageError(
					'config file /home/u/.config/batchtop/config.json: "maxRps" must be a number (requests per second), got "fast"',
				),
			);
	});

	it('returns the print-config command with every setting, not a watch', () => {
		const config = parseConfig(['1'], {printConfig: true, json: true}, tty, {}, file({sort: 'name'}));
		expect(config).toMatchObject({
			command: 'print-config',
			json: true,
			configFile: {path: '/home/u/.config/batchtop/config.json', found: true},
			settings: {sort: {value: 'name', source: {kind: 'config'}}},
		});
	});
});

describe('--title and --mouse', () => {
	const file = (settings: object) => ({
		path: '/home/u/.config/batchtop/config.json',
		content: JSON.stringify(settings),
	});

	it('are off unless asked for, by a flag or the config file; a flag wins over the file', () => {
		expect(parseConfig(['1'], {}, tty, {})).toMatchObject({title: false, mouse: false});
		expect(parseConfig(['1'], {title: true, mouse: true}, tty, {})).toMatchObject({title: true, mouse: true});
		expect(parseConfig(['1'], {}, tty, {HOME: '/home/u'}, file({title: true, mouse: true}))).toMatchObject({
			title: true,
			mouse: true,
		});
		expect(
			parseConfig(['1'], {mouse: false}, tty, {HOME: '/home/u'}, file({title: true, mouse: true})),
		).toMatchObject({title: true, mouse: false});
	});

	it('belong to the monitor: --once says they do not apply', () => {
		expect(() => parseConfig(['1'], {once: true, mouse: true}, tty, {})).toThrow(
			new UsageError(
				'--mouse does not apply to --once, which reads every batch once and exits; drop one of them',
			),
		);
		expect(() => parseConfig(['1'], {once: true, title: true}, tty, {})).toThrow(
			/--title does not apply to --once/,
		);
	});
});
