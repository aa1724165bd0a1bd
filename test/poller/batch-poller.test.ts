import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {BatchPoller, type PollerOptions} from '../../source/poller/batch-poller.js';
import {BURST_SECONDS} from '../../source/poller/request-budget.js';
import {OmicsError} from '../../source/omics/omics-error.js';
import type {PollerEvent, PollerSnapshot} from '../../source/poller/poller-state.js';
import {FakeBatchApi} from '../helpers/fake-batch-api.js';

const interval = {minMs: 5_000, maxMs: 60_000};

describe('BatchPoller (fake timers)', () => {
	let api: FakeBatchApi;
	let poller: BatchPoller | undefined;
	const start = (options: Partial<PollerOptions> = {}) => {
		poller = new BatchPoller({api, interval, random: () => 0.5, ...options});
		poller.start();
		return poller;
	};
	const watchedIds = () =>
		poller
			?.snapshot()
			.batches.map((batch) => batch.id)
			.sort();
	const gaps = (id: string) => {
		const times = api.calls
			.filter((call) => call.operation === 'GetBatch' && call.id === id)
			.map((call) => call.at);
		return times.slice(1).map((time, index) => time - (times[index] ?? 0));
	};

	beforeEach(() => {
		vi.useFakeTimers({now: Date.parse('2026-11-29T00:00:00Z')});
		api = new FakeBatchApi();
	});
	afterEach(() => {
		poller?.stop();
		vi.useRealTimers();
	});

	it('polls at MIN after news and grows the interval toward MAX while there is none', async () => {
		api.set('1', {status: 'INPROGRESS', runSummary: {runningRunCount: 10}});
		start({batchIds: ['1']});
		await vi.advanceTimersByTimeAsync(5 * 60_000);
		const quiet = gaps('1');
		expect(quiet.slice(0, 4)).toEqual([5_000, 7_500, 11_250, 16_875]);
		expect(quiet.every((gap, index) => index === 0 || gap >= (quiet[index - 1] ?? 0))).toBe(true);
		expect(Math.max(...quiet)).toBe(60_000);
		// Progress alone is not news: the interval stays at MAX.
		api.set('1', {status: 'INPROGRESS', runSummary: {runningRunCount: 9, completedRunCount: 1}});
		const beforeProgress = api.count('GetBatch', '1');
		await vi.advanceTimersByTimeAsync(120_000);
		expect(gaps('1').slice(beforeProgress, beforeProgress + 1)).toEqual([60_000]);
		// The first failure is.
		api.set('1', {
			status: 'INPROGRESS',
			runSummary: {runningRunCount: 8, completedRunCount: 1, failedRunCount: 1},
		});
		const before = api.count('GetBatch', '1');
		await vi.advanceTimersByTimeAsync(60_000); // the next poll sees the failure...
		await vi.advanceTimersByTimeAsync(5_000); // ...so the one after comes MIN later
		// gaps[before - 1] ends at the poll that saw it; the gap after it is MIN again, then it grows.
		expect(gaps('1').slice(before, before + 2)).toEqual([5_000, 7_500]);
	});

	it('never exceeds the request budget, with 1,000 batches due at once', async () => {
		const ids = Array.from({length: 1000}, (_, index) => String(index + 1));
		for (const id of ids) api.set(id, {});
		start({batchIds: ids, maxRequestsPerSecond: 2});
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		const times = api.calls.map((call) => call.at);
		expect(times.length).toBeGreaterThan(1100);
		for (let index = 0; index < times.length; index++) {
			const windowEnd = (times[index] ?? 0) + 10_000;
			let count = 0;
			for (let j = index; j < times.length && (times[j] ?? 0) < windowEnd; j++) count++;
			// burst (2/s × BURST_SECONDS) + rate × 10 s
			expect(count).toBeLessThanOrEqual(2 * BURST_SECONDS + 2 * 10);
		}
		// Every batch got its first poll, in order.
		expect(new Set(api.calls.slice(0, 1000).map((call) => call.id)).size).toBe(1000);
	});

	it('backs off on throttling, honouring Retry-After for every batch, then recovers', async () => {
		api.set('1', {});
		api.set('2', {});
		let throttled = 2;
		api.failures.set('1', () =>
			throttled-- > 0
				? new OmicsError('throttled', 'throttled', {
						operation: 'GetBatch',
						httpStatus: 429,
						retryAfterMs: 20_000,
					})
				: undefined,
		);
		const snapshots: PollerSnapshot[] = [];
		start({batchIds: ['1', '2']}).subscribe((snapshot) => snapshots.push(snapshot));
		await vi.advanceTimersByTimeAsync(1);
		const firstFailure = api.calls.find((call) => call.id === '1')?.at ?? 0;
		await vi.advanceTimersByTimeAsync(19_000);
		// Retry-After holds the whole budget: nobody was polled during the 20 s.
		expect(api.calls.filter((call) => call.at > firstFailure + 1)).toEqual([]);
		await vi.advanceTimersByTimeAsync(120_000);
		expect(gaps('1')[0]).toBeGreaterThanOrEqual(20_000);
		const last = snapshots.at(-1)?.batches.find((batch) => batch.id === '1');
		expect(last?.lastError).toBeUndefined();
		expect(last?.view?.status).toBe('INPROGRESS');
		expect(
			snapshots.some(
				(snapshot) => snapshot.batches.find((batch) => batch.id === '1')?.lastError?.kind === 'throttled',
			),
		).toBe(true);
	});

	it('retries an unreachable service forever with capped backoff, keeping the last good view', async () => {
		api.set('1', {});
		start({batchIds: ['1']});
		await vi.advanceTimersByTimeAsync(1);
		api.failures.set('1', () => new OmicsError('unavailable', 'down', {operation: 'GetBatch'}));
		await vi.advanceTimersByTimeAsync(30 * 60_000);
		const snapshot = poller?.snapshot().batches[0];
		expect(snapshot?.view?.status).toBe('INPROGRESS');
		expect(snapshot?.lastError?.kind).toBe('unavailable');
		expect(Math.max(...gaps('1'))).toBeLessThanOrEqual(60_000);
		expect(api.count('GetBatch', '1')).toBeGreaterThan(30);
	});

	it('polls a terminal batch once more to confirm, then never again', async () => {
		api.set('1', {status: 'PROCESSED', runSummary: {completedRunCount: 10}});
		start({batchIds: ['1']});
		await vi.advanceTimersByTimeAsync(60 * 60_000);
		expect(api.count('GetBatch', '1')).toBe(2);
		expect(poller?.snapshot().batches[0]?.done).toBe(true);
		expect(poller?.snapshot().batches[0]?.nextPollAt).toBeUndefined();
	});

	it('while paused, failure reasons do not load either: nothing is sent until resume', async () => {
		api.set('1', {runSummary: {failedRunCount: 1}});
		api.failedRuns.set('1', [{reason: 'TASK_FAILED', message: 'exit 137', example: 'r1'}]);
		start({batchIds: ['1']});
		await vi.advanceTimersByTimeAsync(1);
		poller?.pause();
		poller?.loadFailures('1');
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		expect([api.count('ListRuns'), api.count('GetRun')]).toEqual([0, 0]);
		poller?.resume();
		await vi.advanceTimersByTimeAsync(5_000);
		expect([api.count('ListRuns'), api.count('GetRun')]).toEqual([1, 1]);
		expect(poller?.snapshot().batches[0]?.failures?.runs.loaded).toBe(1);
	});

	it('stops polling while paused and picks up on resume', async () => {
		api.set('1', {});
		start({batchIds: ['1']});
		await vi.advanceTimersByTimeAsync(1);
		poller?.pause();
		const paused = api.count('GetBatch');
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		expect(api.count('GetBatch')).toBe(paused);
		expect(poller?.snapshot().paused).toBe(true);
		const pausedAt = Date.now() - 10 * 60_000;
		expect(poller?.snapshot().pauses).toEqual([{from: pausedAt}]);
		poller?.resume();
		await vi.advanceTimersByTimeAsync(1);
		expect(api.count('GetBatch')).toBe(paused + 1);
		// The span is kept, so that a stale clock can leave the paused time out; a second pause is not a new span.
		poller?.pause();
		poller?.pause();
		expect(poller?.snapshot().pauses).toEqual([
			{from: pausedAt, to: pausedAt + 10 * 60_000},
			{from: Date.now()},
		]);
	});

	it('coalesces repeated refresh-now into one request, and never has two in flight for one batch', async () => {
		api.set('1', {});
		api.delayMs = 3_000;
		start({batchIds: ['1']});
		await vi.advanceTimersByTimeAsync(4_000);
		const before = api.count('GetBatch', '1');
		for (let i = 0; i < 10; i++) poller?.refresh('1');
		poller?.refresh();
		await vi.advanceTimersByTimeAsync(1);
		expect(api.count('GetBatch', '1')).toBe(before + 1);
		for (let i = 0; i < 5; i++) poller?.refresh('1');
		await vi.advanceTimersByTimeAsync(10_000);
		expect(api.maxInFlight.get('1')).toBe(1);
	});

	it('slows polling of an unknown batch while the others keep updating', async () => {
		api.set('1', {});
		start({batchIds: ['1', '404']});
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		expect(api.count('GetBatch', '404')).toBeLessThanOrEqual(6);
		expect(api.count('GetBatch', '1')).toBeGreaterThan(api.count('GetBatch', '404'));
		expect(poller?.snapshot().batches.find((batch) => batch.id === '404')?.lastError?.kind).toBe('not-found');
	});

	it('reports a credentials problem once for all batches, and clears it on the next success', async () => {
		const expired = () => new OmicsError('expired-credentials', 'expired', {operation: 'GetBatch'});
		for (const id of ['1', '2', '3']) {
			api.set(id, {});
			api.failures.set(id, expired);
		}
		const events: PollerEvent[] = [];
		start({batchIds: ['1', '2', '3']}).subscribe((_snapshot, batch) => events.push(...batch));
		await vi.advanceTimersByTimeAsync(5 * 60_000);
		expect(events.filter((event) => event.type === 'credentials-problem')).toHaveLength(1);
		expect(poller?.snapshot().credentialsError?.kind).toBe('expired-credentials');
		for (const id of ['1', '2', '3']) api.failures.delete(id);
		await vi.advanceTimersByTimeAsync(2 * 60_000);
		expect(poller?.snapshot().credentialsError).toBeUndefined();
	});

	it('emits status, count, failure and finish events, batched into one notification per tick', async () => {
		api.set('1', {status: 'SUBMITTING'});
		api.set('2', {status: 'SUBMITTING'});
		const notifications: PollerEvent[][] = [];
		start({batchIds: ['1', '2'], maxRequestsPerSecond: 100}).subscribe((_snapshot, events) =>
			notifications.push([...events]),
		);
		await vi.advanceTimersByTimeAsync(1);
		expect(notifications.at(-1)?.map((event) => event.type)).toEqual(['batch-seen', 'batch-seen']);
		api.set('1', {status: 'PROCESSED', runSummary: {completedRunCount: 8, failedRunCount: 2}});
		api.set('2', {status: 'INPROGRESS', runSummary: {runningRunCount: 10}});
		await vi.advanceTimersByTimeAsync(5_000);
		const events = notifications.filter((batch) => batch.length > 0).at(-1) ?? [];
		expect(events.map((event) => `${event.type}:${'id' in event ? event.id : ''}`)).toEqual([
			'status-changed:1',
			'counts-changed:1',
			'failure-appeared:1',
			'batch-finished:1',
			'status-changed:2',
			'counts-changed:2',
		]);
		const finished = events.find((event) => event.type === 'batch-finished');
		expect(finished && 'verdict' in finished ? finished.verdict.kind : '').toBe('some-failed');
	});

	it('keeps snapshots immutable and reuses unchanged batch snapshots', async () => {
		api.set('1', {});
		api.set('2', {status: 'PROCESSED'});
		start({batchIds: ['1', '2']});
		await vi.advanceTimersByTimeAsync(6_000);
		const first = poller?.snapshot();
		expect(Object.isFrozen(first)).toBe(true);
		expect(Object.isFrozen(first?.batches[0])).toBe(true);
		api.set('1', {runSummary: {completedRunCount: 1}});
		await vi.advanceTimersByTimeAsync(10_000);
		const second = poller?.snapshot();
		expect(second).not.toBe(first);
		expect(second?.batches[1]).toBe(first?.batches[1]);
		expect(second?.batches[0]).not.toBe(first?.batches[0]);
	});

	it('discovers active batches through every ListBatch page and picks up new ones later', async () => {
		api.set('1', {status: 'INPROGRESS'});
		api.set('2', {status: 'PROCESSED'});
		api.set('3', {status: 'SUBMITTING'});
		const events: PollerEvent[] = [];
		start({discovery: {filter: {}, includeFinished: false, intervalMs: 60_000}}).subscribe(
			(_snapshot, batch) => events.push(...batch),
		);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(watchedIds()).toEqual(['1', '3']);
		expect(api.count('ListBatch')).toBe(2);
		api.set('4', {status: 'CREATING'});
		await vi.advanceTimersByTimeAsync(61_000);
		expect(watchedIds()).toEqual(['1', '3', '4']);
		expect(
			events
				.filter((event) => event.type === 'batch-discovered')
				.map((event) => ('id' in event ? event.id : '')),
		).toEqual(['1', '3', '4']);
		poller?.remove('4');
		await vi.advanceTimersByTimeAsync(61_000);
		expect(watchedIds()).toEqual(['1', '3']);
	});

	it('shows what ListBatch said about a discovered batch until its GetBatch answers', async () => {
		api.set('1', {status: 'INPROGRESS', name: 'wgs\u001b[2J', totalRuns: 500});
		api.delayMs = 5_000;
		start({discovery: {filter: {}, includeFinished: false, intervalMs: 60_000}});
		await vi.advanceTimersByTimeAsync(1_000);
		expect(poller?.snapshot().batches[0]).toMatchObject({
			id: '1',
			listing: {name: 'wgs', status: 'INPROGRESS', totalRuns: 500},
		});
		expect(poller?.snapshot().batches[0]?.view).toBeUndefined();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(poller?.snapshot().batches[0]?.view?.name).toBe('wgs');
		expect(poller?.snapshot().batches[0]?.listing).toBeUndefined();
	});

	it('loads failure reasons page after page from one call (no key press per page), grouped as they arrive', async () => {
		api.set('1', {
			status: 'INPROGRESS',
			submissionSummary: {failedStartSubmissionCount: 7},
			runSummary: {failedRunCount: 3},
		});
		api.failedSubmissions.set(
			'1',
			Array.from({length: 7}, (_, i) => ({
				reason: 'ValidationException',
				message: `bad input ${i}`,
				example: `s-${i}`,
			})),
		);
		api.failedRuns.set('1', [
			{reason: 'TASK_FAILED', message: 'exit 137', example: 'r1'},
			{reason: 'TASK_FAILED', message: 'exit 139', example: 'r2'},
			{reason: 'STORAGE_FULL', message: 'full', example: 'r3'},
		]);
		start({batchIds: ['1']});
		// Events reach the snapshot's ring with the notifications, which go only to listeners.
		poller?.subscribe(() => {});
		await vi.advanceTimersByTimeAsync(1);
		poller?.loadFailures('1');
		await vi.advanceTimersByTimeAsync(5_000);
		const detail = poller?.snapshot().batches[0]?.failures;
		expect(detail?.loading).toBe(false);
		expect(detail?.submissions).toMatchObject({loaded: 7, complete: true});
		expect(detail?.submissions.groups[0]).toMatchObject({reason: 'ValidationException', count: 7});
		expect(detail?.runs.groups.map((group) => [group.reason, group.count])).toEqual([
			['TASK_FAILED', 2],
			['STORAGE_FULL', 1],
		]);
		expect(detail?.runs.complete).toBe(true);
		// Two pages of submissions (the fake's pages hold 5), one of runs.
		expect(api.count('ListRunsInBatch')).toBe(2);
		expect(api.count('GetRun')).toBe(3);
		// Each group is news once, when the page that brought it arrives (for the timeline).
		const groups = (poller?.snapshot().recentEvents ?? []).filter((event) => event.type === 'failure-group');
		expect(groups.map((event) => `${event.kind} ${event.reason} ${event.message}`).sort()).toEqual([
			'run STORAGE_FULL full',
			'run TASK_FAILED exit 137',
			'submission ValidationException bad input 0',
		]);
	});

	it('reports a request rate that never exceeds what its budget allows over the same window', async () => {
		// 600 batches at 5/s (10/s even at the longest interval): the budget is always short, and the start-up burst is spent at once.
		const ids = Array.from({length: 600}, (_, index) => String(index + 1));
		for (const id of ids) api.set(id, {status: 'INPROGRESS', runSummary: {runningRunCount: 10}});
		start({batchIds: ids, maxRequestsPerSecond: 5});
		for (const seconds of [1, 5, 10, 20, 30, 60, 120, 300]) {
			await vi.advanceTimersByTimeAsync(seconds * 1000 - (Date.now() - Date.parse('2026-11-29T00:00:00Z')));
			const snapshot = poller?.snapshot();
			if (!snapshot) throw new Error('no snapshot');
			const allowedPerMinute = snapshot.budgetPerSecond * 60 + (snapshot.requestBurst ?? 0);
			expect(snapshot.requestsPerSecond * 60).toBeLessThanOrEqual(allowedPerMinute);
			expect(snapshot.requestsPerSecond).toBeGreaterThan(0);
		}
		// Busy for five minutes, the last minute is the rate itself.
		expect(poller?.snapshot().requestsPerSecond).toBeCloseTo(5, 1);
	});

	it('lists failures again when the count grows past a list that had ended (l after new failures)', async () => {
		const failed = (count: number) =>
			Array.from({length: count}, (_, i) => ({
				reason: 'ValidationException',
				message: 'bad',
				example: `s-${i}`,
			}));
		api.set('1', {status: 'SUBMITTING', submissionSummary: {failedStartSubmissionCount: 3}});
		api.failedSubmissions.set('1', failed(3));
		start({batchIds: ['1']});
		await vi.advanceTimersByTimeAsync(1);
		poller?.loadFailures('1');
		await vi.advanceTimersByTimeAsync(1_000);
		expect(poller?.snapshot().batches[0]?.failures?.submissions).toMatchObject({loaded: 3, complete: true});
		// Two more fail; the next poll sees the count grow; l lists them without listing the first three twice.
		api.set('1', {status: 'SUBMITTING', submissionSummary: {failedStartSubmissionCount: 5}});
		api.failedSubmissions.set('1', failed(5));
		await vi.advanceTimersByTimeAsync(6_000);
		expect(poller?.snapshot().batches[0]?.view?.submissions.failed).toBe(5);
		poller?.loadFailures('1');
		await vi.advanceTimersByTimeAsync(1_000);
		const submissions = poller?.snapshot().batches[0]?.failures?.submissions;
		expect(submissions).toMatchObject({loaded: 5, complete: true});
		expect(submissions?.groups[0]?.count).toBe(5);
		// Nothing new: l lists nothing again.
		const calls = api.count('ListRunsInBatch');
		poller?.loadFailures('1');
		await vi.advanceTimersByTimeAsync(1_000);
		expect(api.count('ListRunsInBatch')).toBe(calls);
	});
});
