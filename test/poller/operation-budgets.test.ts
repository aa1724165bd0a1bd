import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {BatchPoller} from '../../source/poller/batch-poller.js';
import {
	OPERATIONS,
	OPERATION_QUOTAS,
	budgetProblem,
	burstOf,
	defaultBudgets,
	type Operation,
} from '../../source/poller/operation-budgets.js';
import type {PollerSnapshot} from '../../source/poller/poller-state.js';
import {requestRateText} from '../../source/ui/lines/header-line.js';
import {FakeBatchApi} from '../helpers/fake-batch-api.js';

const interval = {minMs: 5_000, maxMs: 60_000};
const FAILED_RUNS = 700;

/** 50 running batches (demand beyond the 2/s polling budget), batch 1 with 700 failed runs and 20 failed submissions. */
function busyAccount(): FakeBatchApi {
	const api = new FakeBatchApi();
	for (let id = 1; id <= 50; id++)
		api.set(String(id), {
			status: 'INPROGRESS',
			runSummary: {runningRunCount: 10, ...(id === 1 ? {failedRunCount: FAILED_RUNS} : {})},
			...(id === 1 ? {submissionSummary: {failedStartSubmissionCount: 20}} : {}),
		});
	api.failedRuns.set(
		'1',
		Array.from({length: FAILED_RUNS}, (_, i) => ({
			reason: i % 3 === 0 ? 'STORAGE_FULL' : 'TASK_FAILED',
			message: `exit ${i}`,
			example: `r${i}`,
		})),
	);
	api.failedSubmissions.set(
		'1',
		Array.from({length: 20}, (_, i) => ({reason: 'ValidationException', message: 'bad', example: `s${i}`})),
	);
	return api;
}

/** The most calls of `operation` in any span of `ms` starting at a call. */
function mostWithin(api: FakeBatchApi, operation: string, ms: number): number {
	const times = api.calls.filter((call) => call.operation === operation).map((call) => call.at);
	let most = 0;
	for (let i = 0, j = 0; i < times.length; i++) {
		while (j < times.length && (times[j] ?? 0) < (times[i] ?? 0) + ms) j++;
		most = Math.max(most, j - i);
	}
	return most;
}

describe('one budget per operation (fake timers)', () => {
	let pollers: BatchPoller[] = [];
	beforeEach(() => vi.useFakeTimers({now: Date.parse('2026-11-29T00:00:00Z')}));
	afterEach(() => {
		for (const poller of pollers) poller.stop();
		pollers = [];
		vi.useRealTimers();
	});
	const start = (api: FakeBatchApi): BatchPoller => {
		const poller = new BatchPoller({
			api,
			batchIds: Array.from({length: 50}, (_, i) => String(i + 1)),
			interval,
			random: () => 0.5,
		});
		pollers.push(poller);
		poller.subscribe(() => {});
		poller.start();
		return poller;
	};

	it('keeps every operation within burst + rate × t while polling and loading 700 failures at once', async () => {
		const api = busyAccount();
		const poller = start(api);
		await vi.advanceTimersByTimeAsync(1);
		poller.loadFailures('1');
		await vi.advanceTimersByTimeAsync(300_000);
		const failures = poller.snapshot().batches.find((batch) => batch.id === '1')?.failures;
		expect(failures).toMatchObject({loading: false, runs: {loaded: FAILED_RUNS, complete: true}});
		const rates = defaultBudgets(2);
		for (const operation of ['GetBatch', 'ListRunsInBatch', 'ListRuns', 'GetRun'] as const) {
			for (const ms of [1_000, 10_000, 60_000]) {
				const allowed = burstOf(operation, rates[operation]) + (rates[operation] * ms) / 1000;
				expect(mostWithin(api, operation, ms), `${operation} over ${ms} ms`).toBeLessThanOrEqual(allowed);
			}
		}
		// The documented quotas hold with the defaults, in any second (burst included).
		for (const operation of ['ListRuns', 'GetRun'] as const)
			expect(mostWithin(api, operation, 1_000)).toBeLessThanOrEqual(OPERATION_QUOTAS[operation].quotaTps);
		expect(api.count('GetRun')).toBe(FAILED_RUNS);
	});

	it('polls at the same pace while 700 failures load as when none do (no starvation either way)', async () => {
		// Two accounts on one clock: one poller loads failures, the other does not.
		const quiet = busyAccount();
		start(quiet);
		const busy = busyAccount();
		const loading = start(busy);
		await vi.advanceTimersByTimeAsync(1);
		loading.loadFailures('1');
		await vi.advanceTimersByTimeAsync(120_000);
		expect(busy.count('GetBatch')).toBe(quiet.count('GetBatch'));
		// Meanwhile GetRun went at its own budget: about 5/s for two minutes, not a share of GetBatch's 2/s.
		expect(busy.count('GetRun')).toBeGreaterThan(500);
	});

	it('shows progress while loading: the count grows, the groups hold what has loaded, partial until complete', async () => {
		const api = busyAccount();
		const poller = start(api);
		await vi.advanceTimersByTimeAsync(1);
		poller.loadFailures('1');
		const seen: number[] = [];
		for (let second = 0; second < 30; second++) {
			await vi.advanceTimersByTimeAsync(1_000);
			const runs = poller.snapshot().batches.find((batch) => batch.id === '1')?.failures?.runs;
			if (!runs) throw new Error('no failures');
			seen.push(runs.loaded);
			const grouped = runs.groups.reduce((sum, group) => sum + group.count, 0);
			// Groups are rebuilt at most every REGROUP_EVERY_MS: never more than loaded, and filling.
			expect(grouped).toBeLessThanOrEqual(runs.loaded);
			if (second > 2) expect(grouped).toBeGreaterThan(0);
			expect(runs.complete).toBe(false);
		}
		expect(seen.every((count, index) => index === 0 || count > (seen[index - 1] ?? 0))).toBe(true);
		expect(poller.snapshot().batches[0]?.failures?.loading).toBe(true);
	});

	it('stops loading when told (the pane closed), and sends nothing while paused', async () => {
		const api = busyAccount();
		const poller = start(api);
		await vi.advanceTimersByTimeAsync(1);
		poller.loadFailures('1');
		await vi.advanceTimersByTimeAsync(5_000);
		poller.stopFailures('1');
		await vi.advanceTimersByTimeAsync(1_000);
		const stoppedAt = api.count('GetRun');
		await vi.advanceTimersByTimeAsync(30_000);
		expect(api.count('GetRun')).toBe(stoppedAt);
		expect(poller.snapshot().batches[0]?.failures?.loading).toBe(false);
		// Loading again goes on from where it stopped; pausing stops every budget.
		poller.loadFailures('1');
		await vi.advanceTimersByTimeAsync(2_000);
		poller.pause();
		await vi.advanceTimersByTimeAsync(1_000);
		const pausedAt = api.calls.length;
		await vi.advanceTimersByTimeAsync(30_000);
		expect(api.calls.length).toBe(pausedAt);
		poller.resume();
		await vi.advanceTimersByTimeAsync(300_000);
		expect(poller.snapshot().batches[0]?.failures?.runs).toMatchObject({loaded: FAILED_RUNS, complete: true});
		expect(api.count('GetRun')).toBe(FAILED_RUNS);
	});

	it('reports each operation against its own budget, and the header shows the busiest one whose figures add up', async () => {
		const api = busyAccount();
		const poller = start(api);
		await vi.advanceTimersByTimeAsync(1);
		poller.loadFailures('1');
		await vi.advanceTimersByTimeAsync(60_000);
		const snapshot: PollerSnapshot = poller.snapshot();
		const operations = snapshot.operations ?? [];
		expect(operations.map((rate) => rate.operation)).toEqual([...OPERATIONS]);
		const since = Date.now() - 60_000;
		for (const rate of operations) {
			const calls = api.calls.filter((call) => call.operation === rate.operation && call.at >= since).length;
			expect(Math.round(rate.requestsPerSecond * 60), rate.operation).toBe(calls);
		}
		// GetRun at 5/s for a minute of its 5 × 60 + 5 is the busiest; the header's figures are its own.
		expect(snapshot.busiestOperation).toBe('GetRun');
		const getRun = operations.find((rate) => rate.operation === 'GetRun');
		const used = api.calls.filter((call) => call.operation === 'GetRun' && call.at >= since).length;
		expect(requestRateText(snapshot)).toBe(
			`GetRun ${used}/${Math.round((getRun?.budgetPerSecond ?? 0) * 60 + (getRun?.burst ?? 0))} req/min`,
		);
		expect(used).toBeLessThanOrEqual(305);
	});
});

describe('the budget table', () => {
	it('defaults every operation to half its quota, polling to --max-rps', () => {
		const budgets = defaultBudgets(2);
		expect(budgets.GetBatch).toBe(2);
		expect(budgets.ListBatch).toBe(2);
		for (const operation of OPERATIONS.filter(
			(op): op is Exclude<Operation, 'GetBatch' | 'ListBatch'> => op !== 'GetBatch' && op !== 'ListBatch',
		))
			expect(budgets[operation]).toBe(OPERATION_QUOTAS[operation].quotaTps / 2);
	});

	it('refuses a budget above a documented quota, naming the limit; an undocumented one is not capped', () => {
		expect(budgetProblem('GetRun', 10)).toBeUndefined();
		expect(budgetProblem('GetRun', 11)).toBe(
			'GetRun budget 11/s is above its documented quota of 10 TPS (https://docs.aws.amazon.com/omics/latest/dev/api-quotas.html)',
		);
		expect(budgetProblem('GetLogEvents', 26)).toMatch(/documented quota of 25 TPS/);
		expect(budgetProblem('GetBatch', 50)).toBeUndefined();
		expect(budgetProblem('ListRuns', 0)).toMatch(/positive/);
	});
});
