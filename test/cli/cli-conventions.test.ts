import {spawnSync} from 'node:child_process';
import {createServer, type Server} from 'node:http';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, cliEnv, runCli} from '../helpers/run-cli.js';

// The built CLI's command-line conventions: help and version anywhere, flags that do not apply
// rejected in one line, the config file and --print-config.

/** No config file from the machine running the tests: each test names its own (or none). */
const env = (extra: Record<string, string | undefined> = {}) =>
	cliEnv({BATCHTOP_CONFIG: '/nonexistent/batchtop.json', ...extra});

function run(args: string[], extra: Record<string, string | undefined> = {}) {
	return spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', timeout: 10_000, env: env(extra)});
}

describe('help and version anywhere on the line', () => {
	// A service that counts requests: printing help must not reach it.
	let server: Server;
	let url = '';
	let requests = 0;
	beforeAll(async () => {
		server = createServer((_request, response) => {
			requests += 1;
			response.writeHead(500).end();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it.each([
		[['3150620', '--help']],
		[['3150620', '-h']],
		[['-h']],
		[['emulator', '--help']],
		[['emulator', '--port', '0', '-h']],
		[['--demo', '--help']],
		[['--once', '--json', '--bogus-flag', '--help']],
		[['3150620', '--endpoint-url', 'URL', '--region', 'us-east-1', '--once', '--help']],
	])('%j prints the help and exits 0 without starting anything', async (args) => {
		const result = await runCli(
			args.map((argument) => (argument === 'URL' ? url : argument)),
			{env: env(), timeoutMs: 10_000},
		);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Usage');
		expect(result.stdout).toContain('$ batchtop emulator');
		expect(result.stdout).toContain('--print-config');
		expect(result.stdout).not.toContain('listening on');
		expect(requests).toBe(0);
	});

	it.each([[['3150620', '--version']], [['emulator', '--version']], [['--demo', '--once', '--version']]])(
		'%j prints the version and exits 0',
		async (args) => {
			const result = await runCli([...args, '--endpoint-url', url], {env: env(), timeoutMs: 10_000});
			expect(result).toMatchObject({code: 0, stderr: '', stdout: '0.1.0\n'});
			expect(requests).toBe(0);
		},
	);

	it('treats --help after -- as an argument, not a request for help', () => {
		const result = run(['--', '--help']);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^batchtop: "--help" is not a batch ID or ARN/);
	});
});

describe('flags that do not apply to the command: one line, exit 2', () => {
	it.each([
		[
			['emulator', '--json'],
			'batchtop: --json does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[
			['emulator', '--no-color'],
			'batchtop: --no-color does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[
			['emulator', '--once'],
			'batchtop: --once does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[
			['emulator', '--region', 'us-east-1'],
			'batchtop: --region does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[
			['emulator', '--print-config'],
			'batchtop: --print-config does not apply to batchtop emulator (it is a watch option); see batchtop --help',
		],
		[['3150620', '--port', '4566'], 'batchtop: --port applies only to batchtop emulator'],
		[
			['--demo', '--host', '0.0.0.0'],
			'batchtop: --host applies only to batchtop emulator (--demo listens on a free loopback port of its own)',
		],
		[['3150620', '--speed', '10'], 'batchtop: --speed applies only to --demo and batchtop emulator'],
		[
			['3150620', '--once', '--wait'],
			'batchtop: --wait does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['3150620', '--once', '--fail-fast'],
			'batchtop: --fail-fast does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['3150620', '--once', '--timeout', '1m'],
			'batchtop: --timeout does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['3150620', '--once', '--log', '/tmp/x'],
			'batchtop: --log does not apply to --once, which reads every batch once and exits; drop one of them',
		],
		[
			['3150620', '--region', 'us-east-1', '--region', 'eu-west-1'],
			'batchtop: --region can be given only once',
		],
		[['3150620', '--max-rps', '1', '--max-rps', '2'], 'batchtop: --max-rps can be given only once'],
		[
			['3150620', '--sort', 'size'],
			'batchtop: --sort must be one of status, name, progress, age, got "size"',
		],
	])('%j', (args, message) => {
		const result = run(args);
		expect(result.stderr).toBe(`${message}\n`);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
	});

	it('still runs what applies: --demo with the simulation flags, --once --json', () => {
		const result = run(['--demo', '--once', '--json', '--scenario', 'demo', '--speed', '2', '--seed', '3']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout.trim().split('\n').length).toBeGreaterThan(5);
	});
});

describe('the config file and --print-config', () => {
	let dir: string;
	let config: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'batchtop-cli-config-'));
		config = join(dir, 'config.json');
	});
	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	const write = (settings: unknown) =>
		writeFileSync(config, typeof settings === 'string' ? settings : JSON.stringify(settings));

	it('prints each setting with its source: flag, env, config file, default', () => {
		write({profile: 'lab', region: 'eu-west-1', maxRps: 4, sort: 'name', notify: true, staleTimeout: '5m'});
		const result = run(['--print-config', '--max-rps', '9'], {
			BATCHTOP_CONFIG: config,
			NO_COLOR: '1',
			AWS_PROFILE: 'prod',
		});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe(`config file ${config}`);
		const row = (key: string) => lines.find((line) => line.startsWith(`${key} `))?.split(/ {2,}/);
		expect(row('profile')).toEqual(['profile', 'prod', 'env AWS_PROFILE']);
		expect(row('region')).toEqual(['region', 'eu-west-1', `config ${config}`]);
		expect(row('maxRps')).toEqual(['maxRps', '9', 'flag --max-rps']);
		expect(row('sort')).toEqual(['sort', 'name', `config ${config}`]);
		expect(row('color')).toEqual(['color', 'false', 'env NO_COLOR']);
		expect(row('notify')).toEqual(['notify', 'true', `config ${config}`]);
		expect(row('staleTimeout')).toEqual(['staleTimeout', '5m', `config ${config}`]);
		expect(row('interval')).toEqual(['interval', '5:60', 'default']);
		expect(lines).toHaveLength(15);
	});

	it('--print-config --json is one object', () => {
		write({interval: '2:30', color: true});
		const result = run(['--print-config', '--json'], {BATCHTOP_CONFIG: config, TERM: 'dumb'});
		expect(result.status).toBe(0);
		expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
		const record = JSON.parse(result.stdout) as {settings: Record<string, Record<string, unknown>>};
		expect(record).toMatchObject({
			configFile: {path: config, found: true},
			settings: {
				interval: {value: '2:30', source: 'config', file: config},
				// TERM=dumb is the environment: it beats the file's colour.
				color: {value: false, source: 'env', variable: 'TERM'},
				ascii: {value: true, source: 'env', variable: 'TERM'},
				maxRps: {value: 2, source: 'default'},
			},
		});
	});

	it('reads $XDG_CONFIG_HOME/batchtop/config.json, and a missing file is fine', () => {
		const xdg = join(dir, 'xdg');
		const found = run(['--print-config'], {BATCHTOP_CONFIG: undefined, XDG_CONFIG_HOME: xdg});
		expect(found.status).toBe(0);
		expect(found.stdout.split('\n')[0]).toBe(
			`config file ${join(xdg, 'batchtop', 'config.json')} (not found: no settings from a file)`,
		);
	});

	it('uses the file for a real run: its maxRps paces --once --demo', () => {
		write({maxRps: 0.1});
		// One request per 10 s at most: the demo's 12 batches cannot be read in 3 s.
		const slow = spawnSync(process.execPath, [CLI, '--demo', '--once'], {
			encoding: 'utf8',
			timeout: 3_000,
			env: env({BATCHTOP_CONFIG: config}),
		});
		expect((slow.error as NodeJS.ErrnoException | undefined)?.code).toBe('ETIMEDOUT');
		write({maxRps: 1000});
		const fast = run(['--demo', '--once'], {BATCHTOP_CONFIG: config});
		expect(fast.status).toBe(0);
	});

	it.each([
		[
			{maxRPS: 3},
			(file: string) =>
				`batchtop: config file ${file}: unknown key "maxRPS" (did you mean "maxRps"?); the keys are profile, region, interval, maxRps, budget, sort, ascii, color, notify, title, mouse, log, requestTimeout, staleTimeout`,
		],
		[
			{ascii: 'yes'},
			(file: string) => `batchtop: config file ${file}: "ascii" must be true or false, got "yes"`,
		],
		[
			{interval: '30:2'},
			(file: string) => `batchtop: config file ${file}: "interval" MAX must not be below MIN, got "30:2"`,
		],
		[
			'{"region": "eu-west-1",}',
			(file: string) =>
				`batchtop: config file ${file} is not valid JSON: Expected double-quoted property name at line 1, column 24`,
		],
	])(
		'a bad config file %j: exit 2, one line naming the file and the key, nothing started',
		(settings, message) => {
			write(settings);
			for (const args of [['--demo', '--once'], ['--print-config'], ['3150620']]) {
				const result = run(args, {BATCHTOP_CONFIG: config});
				expect(result.stderr).toBe(`${message(config)}\n`);
				expect(result.status).toBe(2);
				expect(result.stdout).toBe('');
			}
		},
	);

	it('a config file that is a directory is an error naming it; the emulator does not read the file', () => {
		const result = run(['--print-config'], {BATCHTOP_CONFIG: dir});
		expect(result.stderr).toBe(`batchtop: config file ${dir} is a directory, not a file\n`);
		expect(result.status).toBe(2);
		write('{not json');
		const emulator = spawnSync(process.execPath, [CLI, 'emulator', '--port', 'x'], {
			encoding: 'utf8',
			timeout: 10_000,
			env: env({BATCHTOP_CONFIG: config}),
		});
		expect(emulator.stderr).toBe('batchtop: --port must be a whole number from 0 to 65535, got "x"\n');
	});
});
