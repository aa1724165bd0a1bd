import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	GetRunTaskCommand,
	ListRunsCommand,
	ListRunsInBatchCommand,
	ListRunTasksCommand,
} from '@aws-sdk/client-omics';
import {GetLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {parseFaultSpecs, startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import {createOmicsClient} from '../../source/omics/omics-client.js';
import {createBatchApi} from '../../source/omics/batch-api.js';
import {createRunDetailApi, type RunDetailApi} from '../../source/omics/run-detail-api.js';
import {parseLogStreamArn} from '../../source/domain/run-detail.js';
import {BatchPoller} from '../../source/poller/batch-poller.js';
import {DrillDown, type DrillDownHandle, type RunView} from '../../source/poller/drill-down.js';
import {OPERATIONS, OperationBudgets, type Operation} from '../../source/poller/operation-budgets.js';
import {FAST_ACCOUNT, FAST_DEFAULTS} from '../helpers/fast-scenario.js';
import {logsClient, omicsClient} from '../helpers/omics-test-client.js';
import {waitFor} from '../helpers/wait-for.js';

const SCENARIO: Scenario = {
	seed: 11,
	account: FAST_ACCOUNT,
	defaults: {
		...FAST_DEFAULTS,
		durations: {...FAST_DEFAULTS?.durations, running: [5, 10]},
	} as Scenario['defaults'],
	batches: [{name: 'fails', totalRuns: 40, runFailureShare: 0.5, submissionFailureShare: 0.2}],
};

/** Budgets that never make these tests wait long (the emulator has no quota). */
const fast = Object.fromEntries(OPERATIONS.map((operation) => [operation, 1000])) as Record<
	Operation,
	number
>;

const connectionOf = (url: string) => ({
	endpointUrl: url,
	region: 'us-east-1',
	credentials: {accessKeyId: 'a', secretAccessKey: 'b'},
	direct: true,
});

const detailApiOf = (url: string): RunDetailApi =>
	createRunDetailApi(createOmicsClient(connectionOf(url)), {logsConnection: connectionOf(url)});

interface Stats {
	byOperation: Record<string, {total: number}>;
}
const requests = async (url: string): Promise<Record<string, number>> => {
	const stats = (await (await fetch(`${url}/__emulator/stats`)).json()) as Stats;
	return Object.fromEntries(
		Object.entries(stats.byOperation).map(([operation, {total}]) => [operation, total]),
	);
};
const resetStats = (url: string) => fetch(`${url}/__emulator/stats/reset`, {method: 'POST'});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A poller with the drill-down, its batch's failures loaded to the end. */
async function loadedPoller(url: string, batchId: string) {
	const poller = new BatchPoller({
		api: createBatchApi(createOmicsClient(connectionOf(url))),
		batchIds: [batchId],
		budgets: fast,
		maxRequestsPerSecond: 50,
		detail: detailApiOf(url),
	});
	poller.start();
	await waitFor(() => poller.snapshot().batches[0]?.view, 'the batch');
	poller.loadFailures(batchId);
	const failures = await waitFor(() => {
		const detail = poller.snapshot().batches[0]?.failures;
		return detail && !detail.loading && detail;
	}, 'the failures loaded');
	expect(failures.error).toBeUndefined();
	const drill = poller.drill;
	if (!drill) throw new Error('the poller has no drill-down');
	return {poller, failures, drill};
}

const settled = (drill: DrillDownHandle, runId: string): Promise<RunView> =>
	waitFor(() => {
		const view = drill.runView(runId);
		return view && !view.loading && view;
	}, `run ${runId} loaded`);

/** The whole stream, read from its head with the Logs SDK itself. */
async function wholeStream(url: string, arn: string): Promise<string[]> {
	const name = parseLogStreamArn(arn);
	const logs = logsClient(url);
	const whole = await logs.send(
		new GetLogEventsCommand({
			logGroupName: name?.group,
			logStreamName: name?.stream,
			startFromHead: true,
			limit: 10_000,
		}),
	);
	return (whole.events ?? []).map((event) => (event.message ?? '').trimEnd());
}

describe('the drill-down against the emulator (real SDK)', () => {
	let emulator: Emulator;
	let batchId = '';
	let failedRuns: string[] = [];
	let setup: Awaited<ReturnType<typeof loadedPoller>>;
	beforeAll(async () => {
		emulator = await startEmulator({scenario: SCENARIO, speed: 1000, catchUpFirst: true});
		batchId = emulator.batchIds[0] ?? '';
		const listed = await omicsClient(emulator.url).send(
			new ListRunsCommand({batchId, status: 'FAILED', maxResults: 100}),
		);
		failedRuns = (listed.items ?? []).map((run) => run.id ?? '');
		setup = await loadedPoller(emulator.url, batchId);
	});
	afterAll(async () => {
		setup?.poller.stop();
		await emulator.stop();
	});

	it('lists every entry of each group, in windows, as the groups count them', async () => {
		const {drill, failures} = setup;
		const submissions = await omicsClient(emulator.url).send(
			new ListRunsInBatchCommand({batchId, submissionStatus: 'FAILED', maxItems: 100}),
		);
		expect(failedRuns.length).toBeGreaterThan(3);
		expect(submissions.runs?.length).toBeGreaterThan(0);
		for (const [kind, list, expected] of [
			['run', failures.runs, failedRuns],
			['submission', failures.submissions, (submissions.runs ?? []).map((run) => run.runSettingId ?? '')],
		] as const) {
			const ids: string[] = [];
			for (const group of list.groups) {
				const all = drill.failureEntries(batchId, kind, group.key, 0, 10_000);
				expect(all.loaded).toBe(group.count);
				expect(all.entries).toHaveLength(group.count);
				for (const entry of all.entries) expect(entry).toMatchObject({kind, reason: group.reason});
				// A window is the same entries, from where it starts.
				const window = drill.failureEntries(batchId, kind, group.key, 1, 2);
				expect(window).toEqual({entries: all.entries.slice(1, 3), loaded: group.count});
				for (const entry of all.entries) ids.push((kind === 'run' ? entry.runId : entry.runSettingId) ?? '');
			}
			expect(ids.sort()).toEqual([...expected].sort());
		}
		expect(drill.failureEntries(batchId, 'run', 'no such group', 0, 10)).toEqual({entries: [], loaded: 0});
	});

	it('looks up the runSettingId and failed task of the entries on screen, as ListRunsInBatch and ListRunTasks say', async () => {
		const {drill} = setup;
		const client = omicsClient(emulator.url);
		const wanted = failedRuns.slice(0, 3);
		drill.wantEntryFacts(batchId, wanted);
		for (const runId of wanted) {
			const facts = await waitFor(() => {
				const found = drill.entryFacts(runId);
				return found && !found.loading && found;
			}, `facts of run ${runId}`);
			const entry = await client.send(new ListRunsInBatchCommand({batchId, runId}));
			const tasks = await client.send(new ListRunTasksCommand({id: runId, status: 'FAILED'}));
			const task = await client.send(
				new GetRunTaskCommand({id: runId, taskId: tasks.items?.[0]?.taskId ?? ''}),
			);
			expect(facts).toEqual({
				loading: false,
				runSettingId: entry.runs?.[0]?.runSettingId,
				failedTask: task.name,
			});
		}
		// Not on screen any more: a run never asked for has no facts.
		expect(drill.entryFacts(failedRuns.at(-1) ?? '')).toBeUndefined();
	});

	it('loads a run view: GetRun, its runSettingId, each failed task and the tails of its log and the engine log', async () => {
		const {drill} = setup;
		const runId = failedRuns[0] ?? '';
		drill.openRun(batchId, runId);
		expect(drill.runView(runId)?.loading).toBe(true);
		const view = await settled(drill, runId);
		const tasks = await omicsClient(emulator.url).send(
			new ListRunTasksCommand({id: runId, status: 'FAILED'}),
		);
		expect(view.run).toMatchObject({id: runId, status: 'FAILED', batchId});
		expect(view.runSettingId).toBeTruthy();
		expect(view.error).toBeUndefined();
		expect(view.tasks?.map((task) => task.task.taskId)).toEqual(tasks.items?.map((task) => task.taskId));
		for (const {task, log} of view.tasks ?? []) {
			const whole = await wholeStream(emulator.url, task.logStream ?? '');
			expect(log?.lines.map((line) => line.message)).toEqual(whole.slice(-100));
			expect(log?.complete).toBe(whole.length <= 100);
		}
		const engine = await wholeStream(emulator.url, view.run?.engineLogStream ?? '');
		expect(engine.length).toBeGreaterThan(0);
		expect(view.engineLog?.lines.map((line) => line.message)).toEqual(engine.slice(-100));
		drill.closeRun(runId);
	});

	it('pages a log back: older lines go before, never twice, until the stream is complete', async () => {
		const budgets = new OperationBudgets(fast);
		const drill = new DrillDown({
			budgets,
			detail: detailApiOf(emulator.url),
			loaderOf: () => undefined,
			subscribePoller: () => () => {},
			signal: new AbortController().signal,
			tailLines: 4,
		});
		try {
			const runId = failedRuns[1] ?? '';
			drill.openRun(batchId, runId);
			const view = await settled(drill, runId);
			const log = view.tasks?.[0]?.log;
			const whole = await wholeStream(emulator.url, log?.streamArn ?? '');
			expect(whole.length).toBeGreaterThan(8);
			expect(log?.lines.map((line) => line.message)).toEqual(whole.slice(-4));
			let pages = 0;
			for (;;) {
				const current = drill.runView(runId)?.tasks?.[0]?.log;
				if (!current || current.complete) break;
				drill.loadOlderLines(runId, current.streamArn);
				await settled(drill, runId);
				pages++;
				expect(pages).toBeLessThan(100);
			}
			const done = drill.runView(runId)?.tasks?.[0]?.log;
			expect(done?.complete).toBe(true);
			expect(done?.lines.map((line) => line.message)).toEqual(whole);
		} finally {
			budgets.close();
		}
	});

	it('sends nothing while paused, and a closed view sends nothing after; opening again loads what is missing', async () => {
		const {drill, poller} = setup;
		const runId = failedRuns[2] ?? '';
		poller.pause();
		await resetStats(emulator.url);
		drill.openRun(batchId, runId);
		drill.wantEntryFacts(batchId, [failedRuns[3] ?? '']);
		await pause(300);
		expect(await requests(emulator.url)).toEqual({});
		expect(drill.runView(runId)?.loading).toBe(true);
		drill.closeRun(runId);
		drill.wantEntryFacts(batchId, []);
		expect(drill.runView(runId)?.loading).toBe(false);
		poller.resume();
		await pause(300);
		const after = await requests(emulator.url);
		for (const operation of ['ListRunsInBatch', 'GetRun', 'ListRunTasks', 'GetRunTask', 'GetLogEvents'])
			expect(`${operation}: ${after[operation] ?? 0}`).toBe(`${operation}: 0`);
		drill.openRun(batchId, runId);
		const view = await settled(drill, runId);
		expect(view.run?.id).toBe(runId);
		expect(view.tasks?.length).toBeGreaterThan(0);
		expect(view.engineLog?.lines.length).toBeGreaterThan(0);
		drill.closeRun(runId);
	});

	it('a failing GetLogEvents is an error on each log; the run and its tasks still show', async () => {
		const {drill} = setup;
		const runId = failedRuns[3] ?? '';
		emulator.setFaults(parseFaultSpecs(['GetLogEvents:deny=1']));
		try {
			drill.openRun(batchId, runId);
			const view = await settled(drill, runId);
			expect(view.run?.id).toBe(runId);
			expect(view.runSettingId).toBeTruthy();
			expect(view.error).toBeUndefined();
			expect(view.tasks?.length).toBeGreaterThan(0);
			for (const log of [view.engineLog, ...(view.tasks ?? []).map((task) => task.log)]) {
				expect(log?.error?.kind).toBe('access-denied');
				expect(log?.lines).toEqual([]);
			}
		} finally {
			emulator.setFaults({});
			drill.closeRun(runId);
		}
	});
});

describe('the drill-down on hostile text', () => {
	it('holds no control or bidi character in any entry, fact or run view', async () => {
		const hostile = await startEmulator({scenario: 'hostile', speed: 1000, catchUpFirst: true});
		const pollers: BatchPoller[] = [];
		try {
			const seen: unknown[] = [];
			for (const batchId of hostile.batchIds) {
				const {poller, failures, drill} = await loadedPoller(hostile.url, batchId);
				pollers.push(poller);
				const runIds: string[] = [];
				for (const [kind, list] of [
					['run', failures.runs],
					['submission', failures.submissions],
				] as const)
					for (const group of list.groups) {
						const window = drill.failureEntries(batchId, kind, group.key, 0, 50);
						seen.push(window);
						for (const entry of window.entries) if (entry.runId) runIds.push(entry.runId);
					}
				const some = runIds.slice(0, 3);
				drill.wantEntryFacts(batchId, some);
				for (const runId of some) {
					seen.push(
						await waitFor(() => {
							const facts = drill.entryFacts(runId);
							return facts && !facts.loading && facts;
						}, `facts of ${runId}`),
					);
					drill.openRun(batchId, runId);
					seen.push(await settled(drill, runId));
				}
			}
			expect(seen.length).toBeGreaterThan(3);
			expect(JSON.stringify(seen)).toMatch(/"runId":"\d+"/);
			expect(JSON.stringify(seen)).not.toMatch(
				/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\\u00/,
			);
		} finally {
			for (const poller of pollers) poller.stop();
			await hostile.stop();
		}
	});
});
