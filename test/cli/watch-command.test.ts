import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import {cliEnv, runCli} from '../helpers/run-cli.js';
import {BatchRecordSchema, parseEvents} from './ndjson-schema.js';
import {FAST_ACCOUNT, FAST_DEFAULTS} from '../helpers/fast-scenario.js';

// Every mode of the built CLI against an emulator on an ephemeral port. The emulator runs 100x real
// time and the CLI polls every 0.2-1 s, so whole batch lifetimes take a couple of seconds.
const FAST = FAST_DEFAULTS;
const SCENARIO: Scenario = {
	seed: 3,
	account: FAST_ACCOUNT,
	defaults: FAST as Scenario['defaults'],
	batches: [
		{name: 'clean', totalRuns: 20},
		{name: 'some-runs-fail', totalRuns: 20, runFailureShare: 0.5},
		{name: 'batch-fails', totalRuns: 200, actions: [{at: 8, do: 'fail', reason: 'ETag changed'}]},
		{name: 'cancelled', totalRuns: 200, actions: [{at: 8, do: 'cancel'}]},
		{name: 'done-long-ago', totalRuns: 5, createdAgo: 86_400, runGroupId: '4242'},
	],
};
const POLL = ['--interval', '0.2:1', '--max-rps', '50'];

describe('batchtop watch modes (built CLI against the emulator)', () => {
	let emulator: Emulator;
	let ids: Record<string, string>;
	let env: NodeJS.ProcessEnv;
	const args = (...rest: string[]) => [
		...rest,
		'--endpoint-url',
		emulator.url,
		'--region',
		'us-east-1',
		...POLL,
	];

	beforeAll(async () => {
		emulator = await startEmulator({scenario: SCENARIO, speed: 100});
		ids = Object.fromEntries(
			SCENARIO.batches.map((batch, index) => [batch.name ?? '', emulator.batchIds[index] ?? '']),
		);
		env = cliEnv();
	});
	afterAll(async () => emulator.stop());

	/** A fresh copy of the scenario, so a test sees its batches from the start of their lives. */
	async function fresh(run: (url: string, batch: Record<string, string>) => Promise<void>): Promise<void> {
		const own = await startEmulator({scenario: SCENARIO, speed: 100});
		try {
			await run(
				own.url,
				Object.fromEntries(
					SCENARIO.batches.map((batch, index) => [batch.name ?? '', own.batchIds[index] ?? '']),
				),
			);
		} finally {
			await own.stop();
		}
	}
	const at = (url: string, ...rest: string[]) => [
		...rest,
		'--endpoint-url',
		url,
		'--region',
		'us-east-1',
		...POLL,
	];

	it('--wait exits 0 when every batch succeeded, with a line per change and a summary', async () => {
		const result = await runCli(args(ids['clean'] ?? '', ids['done-long-ago'] ?? '', '--wait'), {env});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \d+ \S+ [A-Z_]+ {2}starts /);
		expect(result.stdout).toMatch(/-> PROCESSED/);
		expect(result.stdout).toMatch(/finished: PROCESSED, succeeded/);
		expect(lines.at(-1)).toBe('exit 0: all 2 batches finished; all 2 succeeded');
	});

	it('--wait exits 1 when runs failed, 3 when a batch FAILED or was CANCELLED', async () => {
		expect((await runCli(args(ids['some-runs-fail'] ?? '', '--wait'), {env})).code).toBe(1);
		const failed = await runCli(args(ids['batch-fails'] ?? '', ids['clean'] ?? '', '--wait'), {env});
		expect(failed.code).toBe(3);
		expect(failed.stdout).toMatch(/exit 3: .*FAILED/);
		expect((await runCli(args(ids['cancelled'] ?? '', '--exit-status'), {env})).code).toBe(3);
	});

	it('without --exit-status a finished watch exits 0 whatever the outcome', async () => {
		expect((await runCli(args(ids['batch-fails'] ?? ''), {env})).code).toBe(0);
	});

	it('--fail-fast stops at the first failure, while other batches still run', async () => {
		await fresh(async (url, batch) => {
			const result = await runCli(
				at(url, batch['some-runs-fail'] ?? '', batch['clean'] ?? '', '--fail-fast'),
				{env},
			);
			expect(result.code).toBe(1);
			expect(result.stdout).toMatch(/exit 1: stopped at the first failure \(\d+ some-runs-fail\)/);
			expect(result.stdout).toMatch(/clean {2}(SUBMITTING|INPROGRESS) {2}running/);
		});
		// Already failed when first seen counts as well.
		expect((await runCli(args(ids['batch-fails'] ?? '', '--fail-fast'), {env})).code).toBe(3);
	});

	it('--timeout exits 5 while batches are still running', async () => {
		const slow = await startEmulator({scenario: {batches: [{totalRuns: 1000}]}, speed: 1});
		try {
			const result = await runCli(
				[
					'--endpoint-url',
					slow.url,
					'--region',
					'us-east-1',
					slow.batchIds[0] ?? '',
					'--timeout',
					'1500ms',
					'--wait',
				],
				{env},
			);
			expect(result.code).toBe(5);
			expect(result.stdout).toMatch(/exit 5: timed out after 2s with 1 batch still running/);
		} finally {
			await slow.stop();
		}
	});

	it('--json writes NDJSON that matches the documented schema, ending with a summary', async () => {
		let output = '';
		await fresh(async (url, batch) => {
			const result = await runCli(
				at(url, batch['some-runs-fail'] ?? '', batch['batch-fails'] ?? '', '--json', '--wait'),
				{env},
			);
			expect(result.code).toBe(3);
			output = result.stdout;
		});
		const events = parseEvents(output);
		const types = new Set(events.map((event) => event.type));
		for (const type of ['seen', 'progress', 'status', 'failures', 'finished', 'summary'])
			expect(types, type).toContain(type);
		const summary = events.at(-1);
		expect(summary?.type).toBe('summary');
		expect(summary && 'exitCode' in summary ? summary.exitCode : undefined).toBe(3);
	});

	it('--once prints a table, or one JSON object per batch with --json', async () => {
		const table = await runCli(args(ids['clean'] ?? '', ids['done-long-ago'] ?? '', '--once'), {env});
		expect(table.code).toBe(0);
		const rows = table.stdout.trim().split('\n');
		expect(rows[0]).toMatch(/^ID\s+NAME\s+STATUS\s+RUNS DONE\s+FAILED\s+STARTS\s+VERDICT$/);
		expect(rows[2]).toMatch(
			new RegExp(`^${ids['done-long-ago']}\\s+done-long-ago\\s+PROCESSED\\s+5/5\\s+0\\s+5/5\\s+succeeded$`),
		);
		const json = await runCli(args(ids['done-long-ago'] ?? '', '--once', '--json'), {env});
		const record = BatchRecordSchema.parse(JSON.parse(json.stdout));
		expect(record).toMatchObject({
			id: ids['done-long-ago'],
			status: 'PROCESSED',
			verdict: 'succeeded',
			totalRuns: 5,
		});
	});

	it('--once on a 100-batch account lists every batch', async () => {
		const big = await startEmulator({
			scenario: {
				batches: Array.from({length: 100}, (_, index) => ({
					name: `b${index}`,
					totalRuns: 3,
					createdAgo: 10 + index,
				})),
			},
			clock: 'manual',
		});
		try {
			const result = await runCli(
				['--endpoint-url', big.url, '--region', 'us-east-1', '--once', '--json', '--max-rps', '100'],
				{env},
			);
			expect(result.code).toBe(0);
			const records = result.stdout
				.trim()
				.split('\n')
				.map((line) => BatchRecordSchema.parse(JSON.parse(line)));
			expect(records).toHaveLength(100);
			expect(new Set(records.map((record) => record.name)).size).toBe(100);
		} finally {
			await big.stop();
		}
	});

	it('without IDs watches the active batches; --all adds finished ones; --status / --name / --run-group filter', async () => {
		const once = async (...flags: string[]) =>
			(await runCli(args('--once', '--json', ...flags), {env})).stdout
				.trim()
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line) as {name: string; status: string});
		const all = await once('--all');
		expect(all.map((batch) => batch.name).sort()).toEqual([
			'batch-fails',
			'cancelled',
			'clean',
			'done-long-ago',
			'some-runs-fail',
		]);
		const active = await once();
		expect(
			active.every(
				(batch) =>
					!['PROCESSED', 'FAILED', 'CANCELLED'].includes(batch.status) || batch.name !== 'done-long-ago',
			),
		).toBe(true);
		expect(active.map((batch) => batch.name)).not.toContain('done-long-ago');
		expect((await once('--name', 'clean')).map((batch) => batch.name)).toEqual(['clean']);
		expect((await once('--run-group', '4242')).map((batch) => batch.name)).toEqual(['done-long-ago']);
		expect((await once('--status', 'processed')).map((batch) => batch.name)).toContain('done-long-ago');
	});

	it('honours AWS_ENDPOINT_URL_OMICS, AWS_REGION and a profile from the shared config files', async () => {
		const byEnv = await runCli([ids['done-long-ago'] ?? '', '--once'], {
			env: cliEnv({AWS_ENDPOINT_URL_OMICS: emulator.url, AWS_REGION: 'us-east-1'}),
		});
		expect(byEnv.code).toBe(0);
		expect(byEnv.stdout).toContain('done-long-ago');
		const dir = mkdtempSync(join(tmpdir(), 'batchtop-profile-'));
		writeFileSync(join(dir, 'config'), '[profile lab]\nregion = us-east-1\n');
		writeFileSync(
			join(dir, 'credentials'),
			'[lab]\naws_access_key_id = AKIDLAB\naws_secret_access_key = secret\n',
		);
		const byProfile = await runCli(
			[ids['done-long-ago'] ?? '', '--once', '--profile', 'lab', '--endpoint-url', emulator.url],
			{
				env: cliEnv({
					AWS_ACCESS_KEY_ID: undefined,
					AWS_SECRET_ACCESS_KEY: undefined,
					AWS_CONFIG_FILE: join(dir, 'config'),
					AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
				}),
			},
		);
		expect(byProfile.stderr).toBe('');
		expect(byProfile.code).toBe(0);
		const arn = `arn:aws:omics:us-east-1:123456789012:runBatch/${ids['done-long-ago']}`;
		const byArn = await runCli([arn, '--once', '--endpoint-url', emulator.url], {env});
		expect(byArn.code).toBe(0);
	});

	it('--log writes whole NDJSON lines even when killed, and the next run says what changed since', async () => {
		const log = join(mkdtempSync(join(tmpdir(), 'batchtop-log-')), 'watch.ndjson');
		const slow = await startEmulator({
			scenario: {
				account: FAST_ACCOUNT,
				defaults: FAST as Scenario['defaults'],
				batches: [{name: 'slowly', totalRuns: 400}],
			},
			speed: 20,
		});
		try {
			const watch = [
				'--endpoint-url',
				slow.url,
				'--region',
				'us-east-1',
				slow.batchIds[0] ?? '',
				'--log',
				log,
				...POLL,
			];
			const killed = await runCli(watch, {
				env,
				onStart: (child) => setTimeout(() => child.kill('SIGKILL'), 2500),
			});
			expect(killed.signal).toBe('SIGKILL');
			const text = readFileSync(log, 'utf8');
			expect(text.endsWith('\n')).toBe(true);
			const events = parseEvents(text);
			expect(events.length).toBeGreaterThan(2);
			await new Promise((resolve) => setTimeout(resolve, 1500));
			const again = await runCli([...watch, '--timeout', '1s'], {env});
			expect(again.stdout).toMatch(
				new RegExp(
					`^since last time \\(.+\\): ${slow.batchIds[0]} slowly (SUBMITTING|INPROGRESS) -> \\w+|still \\w+, \\+[\\d,]+ runs done, \\+\\d+ failed$`,
					'm',
				),
			);
			expect(parseEvents(readFileSync(log, 'utf8')).some((event) => event.type === 'since-last-time')).toBe(
				true,
			);
		} finally {
			await slow.stop();
		}
	});

	it('--notify rings the bell only when there is a terminal to ring', async () => {
		const result = await runCli(args(ids['clean'] ?? '', '--wait', '--notify'), {env});
		expect(result.code).toBe(0);
		expect(result.stdout).not.toContain('\u0007');
	});

	it.each([
		['SIGINT', 130],
		['SIGTERM', 143],
	] as const)('%s ends the watch with a summary and exit %i', async (signal, code) => {
		const slow = await startEmulator({scenario: {batches: [{totalRuns: 100}]}});
		try {
			const result = await runCli(
				['--endpoint-url', slow.url, '--region', 'us-east-1', slow.batchIds[0] ?? '', ...POLL],
				{env, onStart: (child) => setTimeout(() => child.kill(signal), 1500)},
			);
			expect(result.code).toBe(code);
			expect(result.stdout).toMatch(new RegExp(`exit ${code}: (interrupted|terminated)`));
		} finally {
			await slow.stop();
		}
	});
});

describe('problems get one line and a documented exit code', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({scenario: {batches: [{name: 'x', totalRuns: 3}]}, clock: 'manual'});
	});
	afterAll(async () => emulator.stop());

	const cases: Array<[string, () => string[], NodeJS.ProcessEnv | undefined, number, RegExp]> = [
		[
			'an invalid ID',
			() => ['12ab', '--once'],
			undefined,
			2,
			/^batchtop: "12ab" is not a batch ID or ARN: IDs are digits only/,
		],
		[
			'an invalid ARN',
			() => ['arn:aws:omics:us-east-1:123456789012:run/5', '--once'],
			undefined,
			2,
			/^batchtop: ".*" is not a run batch ARN; expected arn:aws:omics:REGION:ACCOUNT:runBatch\/ID/,
		],
		[
			'an unknown flag',
			() => ['--colour'],
			undefined,
			2,
			/^batchtop: unknown option --colour; see batchtop --help/,
		],
		[
			'a non-number',
			() => ['1', '--max-rps', 'lots'],
			undefined,
			2,
			/^batchtop: --max-rps must be a number from 0.1 to 1000, got "lots"/,
		],
		[
			'a bad --status',
			() => ['--status', 'DONE'],
			undefined,
			2,
			/^batchtop: --status "DONE" is not a batch status; use one of CREATING, PENDING, .*RUNS_DELETE_FAILED/,
		],
		[
			'two filters',
			() => ['--status', 'FAILED', '--name', 'x'],
			undefined,
			2,
			/one of --status, --name or --run-group at a time/,
		],
		[
			'a bad --interval',
			() => ['1', '--interval', '60:5'],
			undefined,
			2,
			/--interval MAX must not be below MIN/,
		],
		[
			'a bad --timeout',
			() => ['1', '--timeout', 'soon'],
			undefined,
			2,
			/--timeout takes a duration such as 90s/,
		],
		[
			'an unreadable scenario',
			() => ['--demo', '--scenario', '/no/such/file.json', '--once'],
			undefined,
			2,
			/cannot read scenario file \/no\/such\/file\.json: no such file/,
		],
		[
			'a missing region',
			() => ['1', '--once', '--endpoint-url', emulator.url],
			{AWS_REGION: undefined},
			2,
			/^batchtop: no AWS region: pass --region, set AWS_REGION/,
		],
		[
			'no credentials',
			() => ['1', '--once', '--region', 'us-east-1', '--endpoint-url', emulator.url],
			{AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined},
			4,
			/^batchtop: no AWS credentials found: run "aws sso login", pass --profile, .*or try --demo/,
		],
		[
			'AccessDenied',
			() => [
				emulator.batchIds[0] ?? '',
				'--once',
				'--region',
				'us-east-1',
				'--endpoint-url',
				`${emulator.url}`,
			],
			{FAULT: 'deny'},
			4,
			/omics:GetBatch/,
		],
		[
			'a refused connection',
			() => ['1', '--once', '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:9'],
			undefined,
			6,
			/^batchtop: cannot reach HealthOmics at us-east-1 \(http:\/\/127\.0\.0\.1:9\): ECONNREFUSED; check --endpoint-url/,
		],
		[
			'an unknown batch',
			() => ['1234', '--once', '--region', 'us-east-1', '--endpoint-url', emulator.url],
			undefined,
			2,
			/^1234\s+ERROR\s+not found: batch 1234/m,
		],
	];

	it.each(cases)('%s', async (_label, argv, extraEnv, code, message) => {
		if (extraEnv?.['FAULT']) emulator.setFaults({GetBatch: {deny: 1}});
		try {
			const result = await runCli(argv(), {env: cliEnv({...extraEnv, FAULT: undefined})});
			expect(result.code).toBe(code);
			const output = code === 2 && /ERROR/.test(message.source) ? result.stdout : result.stderr;
			expect(output).toMatch(message);
			if (output === result.stderr) expect(result.stderr.trim().split('\n')).toHaveLength(1);
			expect(result.stderr).not.toMatch(/\n\s+at /);
		} finally {
			emulator.setFaults({});
		}
	});

	it('a watch against a refused connection exits 6 once --stale-timeout passes', async () => {
		const result = await runCli(
			[
				'1',
				'--plain',
				'--region',
				'us-east-1',
				'--endpoint-url',
				'http://127.0.0.1:9',
				'--stale-timeout',
				'2s',
				'--interval',
				'0.2:1',
			],
			{env: cliEnv()},
		);
		expect(result.code).toBe(6);
		expect(result.stdout).toMatch(/exit 6: cannot reach HealthOmics/);
	});

	it('expired credentials during a watch exit 4', async () => {
		emulator.setFaults({'*': {expiredToken: 1}});
		try {
			const result = await runCli(
				[
					emulator.batchIds[0] ?? '',
					'--plain',
					'--region',
					'us-east-1',
					'--endpoint-url',
					emulator.url,
					'--interval',
					'0.2:1',
				],
				{env: cliEnv()},
			);
			expect(result.code).toBe(4);
			expect(result.stdout).toMatch(/exit 4: AWS credentials expired or were rejected: run "aws sso login"/);
		} finally {
			emulator.setFaults({});
		}
	});
});
