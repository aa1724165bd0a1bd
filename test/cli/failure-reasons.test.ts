import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import {cliEnv, runCli} from '../helpers/run-cli.js';
import {BatchRecordSchema, parseEvents} from './ndjson-schema.js';
import {FAST_ACCOUNT, FAST_DEFAULTS} from '../helpers/fast-scenario.js';
import {ONCE_RUNS_READ} from '../../source/cli/run-once.js';
import {parseBudgets} from '../../source/cli/parse-budgets.js';
import {OperationBudgets, defaultBudgets} from '../../source/poller/operation-budgets.js';

// --plain and --json say why: a FAILED batch's reason (whole, sanitised), new failure groups with their
// reason, message and an example id (the script watch reads them itself), and what changed on each line.
const FAST = {...FAST_DEFAULTS, deleteRate: 20} as const;
// Longer than any terminal line, an S3 URI in it, and escape sequences a hostile service might add.
const REASON = `The run settings file s3://omics-batches-123456789012/${'q4/'.repeat(60)}settings.json changed after the batch started (ETag mismatch). Submit a new batch.`;
const SCENARIO: Scenario = {
	seed: 5,
	account: FAST_ACCOUNT,
	defaults: FAST as Scenario['defaults'],
	batches: [
		{
			name: 'fails-with-reason',
			totalRuns: 200,
			actions: [{at: 8, do: 'fail', reason: `\u001b]0;pwned\u0007${REASON}\u001b[2J`}],
		},
		{name: 'runs-fail', totalRuns: 40, runFailureShare: 0.4, submissionFailureShare: 0.2},
		{name: 'deleted', totalRuns: 400, deleteRate: 1, actions: [{at: 0, do: 'deleteRuns'}]},
	],
};
const POLL = ['--interval', '0.2:1', '--max-rps', '50'];

describe('the plain log and --json say why (built CLI against the emulator)', () => {
	let emulator: Emulator;
	const env = cliEnv();
	beforeAll(async () => {
		emulator = await startEmulator({scenario: SCENARIO, speed: 100});
	});
	afterAll(async () => emulator.stop());
	const args = (...rest: string[]) => [
		...emulator.batchIds,
		...rest,
		'--endpoint-url',
		emulator.url,
		'--region',
		'us-east-1',
		...POLL,
	];
	const id = (index: number) => emulator.batchIds[index] ?? '';
	const failing = () => id(0);
	const runsFail = () => id(1);
	const deleted = () => id(2);

	it('--plain prints the failure reason whole, new failure groups with an example id, and what changed', async () => {
		const result = await runCli(args('--plain', '--wait'), {env, timeoutMs: 60_000});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(3);
		const lines = result.stdout.trim().split('\n');
		expect(lines).toContain(
			lines.find((line) => line.endsWith(`${failing()} fails-with-reason failure reason: ${REASON}`)),
		);
		expect(result.stdout).toContain(`\n    failure reason: ${REASON}\n`);
		expect(result.stdout).not.toMatch(/\u001b|pwned/);
		expect(result.stdout).toMatch(
			new RegExp(
				`Z ${runsFail()} runs-fail new run failure group: [A-Z_]+: .+ \\(e\\.g\\. run \\d+\\)  \\(\\d+ of \\d+ failed runs read\\)`,
			),
		);
		expect(result.stdout).toMatch(
			new RegExp(
				`Z ${runsFail()} runs-fail new submission failure group: \\w+: .+ \\(e\\.g\\. run setting \\S+\\)`,
			),
		);
		expect(result.stdout).toMatch(
			new RegExp(`Z ${deleted()} deleted RUNS_DELETING .*\\(.*deleted [\\d,]+→[\\d,]+\\)`),
		);
		// No line repeats the previous one for the same batch (the time aside).
		const previous = new Map<string, string>();
		for (const line of lines.filter((line) => /^\d{4}-/.test(line))) {
			const text = line.slice(line.indexOf(' ') + 1);
			const id = text.split(' ')[0] ?? '';
			expect(previous.get(id), line).not.toBe(text);
			previous.set(id, text);
		}
	});

	it('--json has a failure-group record per new group, with reason, message, count and example ids', async () => {
		const logFile = join(mkdtempSync(join(tmpdir(), 'batchtop-groups-')), 'watch.ndjson');
		const result = await runCli(args('--json', '--wait', '--log', logFile), {env, timeoutMs: 60_000});
		expect(result.code).toBe(3);
		const events = parseEvents(result.stdout);
		// The --log file gets the same failure-group records as stdout.
		const logged = parseEvents(readFileSync(logFile, 'utf8')).filter(
			(event) => event.type === 'failure-group',
		);
		expect(logged.length).toBeGreaterThan(0);
		expect(logged.length).toBe(events.filter((event) => event.type === 'failure-group').length);
		const groups = events.filter((event) => event.type === 'failure-group');
		expect(groups.map((event) => `${event.id} ${event.kind}`)).toEqual(
			expect.arrayContaining([`${runsFail()} run`, `${runsFail()} submission`]),
		);
		for (const group of groups) {
			if (group.kind === 'run') for (const example of group.examples) expect(example).toMatch(/^\d+$/);
			expect(group.count).toBeLessThanOrEqual(group.loaded);
		}
		const keys = groups.map((event) => `${event.id} ${event.kind} ${event.reason} ${event.message}`);
		expect(new Set(keys).size).toBe(keys.length);
		const summary = events.at(-1);
		const batches = summary?.type === 'summary' ? summary.batches : [];
		expect(batches.find((batch) => batch.id === failing())).toMatchObject({failureReason: REASON});
	});

	it('--once prints the failure reason whole under the table, and failure groups it could read cheaply', async () => {
		const table = await runCli(args('--once'), {env});
		expect(table.code).toBe(0);
		const lines = table.stdout.trim().split('\n');
		expect(lines).toContain(`${failing()}: failure reason: ${REASON}`);
		expect(table.stdout).not.toMatch(/\u001b|pwned/);
		expect(table.stdout).toMatch(
			new RegExp(
				`^${runsFail()}: failed runs, \\d+ of \\d+ read: \\d+ × [A-Z_]+: .+ \\(e\\.g\\. run \\d+\\)$`,
				'm',
			),
		);
		expect(table.stdout).toMatch(
			new RegExp(
				`^${runsFail()}: failed submissions, \\d+ of \\d+ read: \\d+ × \\w+: .+ \\(e\\.g\\. run setting \\S+\\)$`,
				'm',
			),
		);
		const json = await runCli(args('--once', '--json'), {env});
		const records = json.stdout
			.trim()
			.split('\n')
			.map((line) => BatchRecordSchema.parse(JSON.parse(line)));
		const kinds = records
			.find((record) => record.id === runsFail())
			?.failureGroups?.map((group) => group.kind);
		expect(new Set(kinds)).toEqual(new Set(['run', 'submission']));
		expect(records.find((record) => record.id === failing())?.failureReason).toBe(REASON);
	});
});

// --once reads failure reasons only within each operation's burst, shared among the batches in table
// order: a batch gets all of its reads or none, and the first batches that fit get them.
describe('--once shares the failure reads in table order (built CLI against the emulator)', () => {
	const failingBatches = Array.from({length: 7}, (_, index) => ({
		name: `failing-${index}`,
		totalRuns: 30 + index * 5,
		runFailureShare: 0.3,
		submissionFailureShare: index % 2 === 0 ? 0.2 : 0,
	}));
	const scenario: Scenario = {
		seed: 11,
		account: FAST_ACCOUNT,
		defaults: FAST_DEFAULTS,
		batches: failingBatches,
	};
	const budgetFlag = 'ListRunsInBatch=2,ListRuns=3,GetRun=7';
	let emulator: Emulator;
	beforeAll(async () => {
		// Far enough in for every batch to have failed submissions or runs.
		emulator = await startEmulator({scenario, speed: 100});
		await new Promise((resolve) => setTimeout(resolve, 400));
	});
	afterAll(async () => emulator.stop());

	it('gives the reads to the first batches whose reads all fit, in the order of the table', async () => {
		const result = await runCli(
			[
				...emulator.batchIds,
				'--once',
				'--json',
				'--budget',
				budgetFlag,
				'--endpoint-url',
				emulator.url,
				'--region',
				'us-east-1',
			],
			{env: cliEnv()},
		);
		expect(result.code).toBe(0);
		const records = result.stdout
			.trim()
			.split('\n')
			.map((line) => BatchRecordSchema.parse(JSON.parse(line)));
		expect(records.map((record) => record.id)).toEqual(emulator.batchIds);
		const budgets = new OperationBudgets({...defaultBudgets(2), ...parseBudgets(budgetFlag, '--budget')});
		const left = new Map(
			(['ListRunsInBatch', 'ListRuns', 'GetRun'] as const).map((operation) => [
				operation,
				budgets.of(operation).burst,
			]),
		);
		budgets.close();
		const expected = records.map((record) => {
			const failedSubmissions = record.submissionSummary.failedStartSubmissionCount ?? 0;
			const failedRuns = record.runSummary.failedRunCount ?? 0;
			const cost = [
				...(failedSubmissions > 0 ? [['ListRunsInBatch', 1] as const] : []),
				...(failedRuns > 0
					? [['ListRuns', 1] as const, ['GetRun', Math.min(ONCE_RUNS_READ, failedRuns)] as const]
					: []),
			];
			if (cost.length === 0 || cost.some(([operation, count]) => count > (left.get(operation) ?? 0)))
				return false;
			for (const [operation, count] of cost) left.set(operation, (left.get(operation) ?? 0) - count);
			return true;
		});
		// The scenario leaves some batches without reads, or the order would not matter.
		expect(expected).toContain(true);
		expect(expected).toContain(false);
		expect(records.map((record) => 'failureGroups' in record)).toEqual(expected);
	});
});
