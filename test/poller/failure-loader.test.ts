import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {FailureLoader} from '../../source/poller/failure-loader.js';
import {MAX_LISTED_ITEMS} from '../../source/poller/page-guard.js';
import {OPERATIONS, OperationBudgets, type Operation} from '../../source/poller/operation-budgets.js';
import {BatchPoller} from '../../source/poller/batch-poller.js';
import {OmicsError} from '../../source/omics/omics-error.js';
import type {BatchFilter, FailedRunRef, Page} from '../../source/omics/batch-api.js';
import type {BatchListing} from '../../source/domain/raw-batch.js';
import type {FailureItem} from '../../source/domain/failure-groups.js';
import type {PollerEvent, PollerSnapshot} from '../../source/poller/poller-state.js';
import {FakeBatchApi} from '../helpers/fake-batch-api.js';

/** Failure listings from scripts (the page for each call), every call recorded by FakeBatchApi. */
class ScriptedFailures extends FakeBatchApi {
	submissionPages: (token: string | undefined, call: number) => Page<FailureItem> = () => ({items: []});
	runPages: (token: string | undefined, call: number) => Page<FailedRunRef> = () => ({items: []});
	readonly submissionTokens: Array<string | undefined> = [];
	readonly runTokens: Array<string | undefined> = [];

	override async listFailedSubmissionsPage(batchId: string, nextToken?: string): Promise<Page<FailureItem>> {
		this.calls.push({operation: 'ListRunsInBatch', id: batchId, at: Date.now()});
		this.submissionTokens.push(nextToken);
		return this.submissionPages(nextToken, this.submissionTokens.length - 1);
	}

	override async listFailedRunsPage(batchId: string, nextToken?: string): Promise<Page<FailedRunRef>> {
		this.calls.push({operation: 'ListRuns', id: batchId, at: Date.now()});
		this.runTokens.push(nextToken);
		return this.runPages(nextToken, this.runTokens.length - 1);
	}

	override async getRunFailure(runId: string): Promise<FailureItem> {
		this.calls.push({operation: 'GetRun', id: runId, at: Date.now()});
		return {example: runId, reason: 'OutOfMemory', message: `run ${runId} ran out of memory`};
	}
}

const submission = (runSettingId: string): FailureItem => ({
	example: runSettingId,
	reason: 'ValidationException',
	message: 'the sample sheet names no input',
});

/** Budgets that never make these tests wait. */
const unlimited = (): OperationBudgets =>
	new OperationBudgets(
		Object.fromEntries(OPERATIONS.map((operation) => [operation, 1_000_000])) as Record<Operation, number>,
	);

describe('FailureLoader', () => {
	let api: ScriptedFailures;
	let budget: OperationBudgets;
	const signal = new AbortController().signal;
	// Counts as GetBatch gives them; at most what these tests list, so nothing is listed twice.
	const submissionsOnly = {submissions: 1, runs: 0};
	const runsOnly = {submissions: 0, runs: 1};

	beforeEach(() => {
		api = new ScriptedFailures();
		budget = unlimited();
	});
	afterEach(() => budget.close());

	it('loads one ListRunsInBatch page of 150,000 failed submissions without overflowing the stack', async () => {
		const items = Array.from({length: 150_000}, (_, index) => submission(`rs-${index + 1}`));
		api.submissionPages = () => ({items});
		const loader = new FailureLoader(api, budget, '1');
		await loader.loadMore(submissionsOnly, signal);
		const detail = loader.detail(false).submissions;
		expect(detail.loaded).toBe(Math.min(items.length, MAX_LISTED_ITEMS));
		expect(detail.complete).toBe(true);
		expect(detail.groups).toHaveLength(1);
		expect(detail.groups[0]?.count).toBe(detail.loaded);
	});

	it('counts failed runs as their reasons arrive, so "N loaded" moves during a page (found by a new user: 0 of 27 until done)', async () => {
		api.runPages = () => ({items: Array.from({length: 6}, (_, index) => ({id: `r${index + 1}`}))});
		const seen: number[] = [];
		const loader = new FailureLoader(api, budget, '1', () => seen.push(loader.detail(true).runs.loaded));
		await loader.loadMore({submissions: 0, runs: 6}, signal);
		expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
		// Once the page is in, the count is the list's own, not doubled.
		expect(loader.detail(false).runs).toMatchObject({loaded: 6, complete: true});
	});

	it('stops on a repeated ListRunsInBatch token with an error naming ListRunsInBatch, not ListRuns', async () => {
		api.submissionPages = (_token, call) => ({items: [submission(`rs-${call + 1}`)], nextToken: 'same'});
		const loader = new FailureLoader(api, budget, '1');
		await loader.loadMore(submissionsOnly, signal);
		expect(loader.detail(false).submissions).toMatchObject({loaded: 1, complete: false});

		const error = await loader.loadMore(submissionsOnly, signal).then(
			() => undefined,
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(OmicsError);
		const omics = error as OmicsError;
		expect(omics.kind).toBe('bad-response');
		expect(omics.details.operation).toBe('ListRunsInBatch');
		expect(omics.action).toBe('omics:ListRunsInBatch');
		expect(omics.message).toMatch(/^HealthOmics ListRunsInBatch paging repeated a page token/);
		expect(loader.detail(false).submissions).toMatchObject({loaded: 2, complete: true});

		// Complete: no further calls.
		await loader.loadMore(submissionsOnly, signal);
		expect(api.submissionTokens).toEqual([undefined, 'same']);
	});

	it('counts a runSettingId listed on several pages once', async () => {
		const pages: Array<Page<FailureItem>> = [
			{items: [submission('a'), submission('b')], nextToken: 'p2'},
			{items: [submission('b'), submission('c'), submission('a')], nextToken: 'p3'},
			{items: [submission('c'), submission('d')]},
		];
		api.submissionPages = (_token, call) => pages[call] ?? {items: []};
		const loader = new FailureLoader(api, budget, '1');
		for (let i = 0; i < 3; i++) await loader.loadMore(submissionsOnly, signal);
		const detail = loader.detail(false).submissions;
		expect(detail).toMatchObject({loaded: 4, complete: true});
		expect(detail.groups[0]?.count).toBe(4);
		expect(api.submissionTokens).toEqual([undefined, 'p2', 'p3']);
	});

	it('makes one GetRun per failed run, however many ListRuns pages name it', async () => {
		const pages: Array<Page<FailedRunRef>> = [
			{items: [{id: '11'}, {id: '12'}], nextToken: 'p2'},
			{items: [{id: '12'}, {id: '13'}, {id: '11'}], nextToken: 'p3'},
			{items: [{id: '13'}, {id: '14'}]},
		];
		api.runPages = (_token, call) => pages[call] ?? {items: []};
		const loader = new FailureLoader(api, budget, '1');
		for (let i = 0; i < 3; i++) await loader.loadMore(runsOnly, signal);
		expect(
			api.calls
				.filter((call) => call.operation === 'GetRun')
				.map((call) => call.id)
				.sort(),
		).toEqual(['11', '12', '13', '14']);
		const detail = loader.detail(false).runs;
		expect(detail).toMatchObject({loaded: 4, complete: true});
		expect(detail.groups).toHaveLength(1);
		expect(detail.groups[0]?.count).toBe(4);
	});
});

describe('FailureLoader listing again', () => {
	const signal = new AbortController().signal;

	it('lists a finished listing again from its first page once the count grows, each entry once', async () => {
		const api = new FakeBatchApi(); // five entries a page, page tokens '5', '10', ...
		const budget = unlimited();
		const failed = (count: number) =>
			Array.from({length: count}, (_, i) => ({example: `s-${i}`, reason: 'ValidationException'}));
		api.failedSubmissions.set('1', failed(7));
		const loader = new FailureLoader(api, budget, '1');
		await loader.loadMore({submissions: 7, runs: 0}, signal);
		await loader.loadMore({submissions: 7, runs: 0}, signal);
		expect(loader.detail(false).submissions).toMatchObject({loaded: 7, complete: true});
		api.failedSubmissions.set('1', failed(9));
		// The same page tokens come again: that is a new listing, not a loop.
		await loader.loadMore({submissions: 9, runs: 0}, signal);
		await loader.loadMore({submissions: 9, runs: 0}, signal);
		const detail = loader.detail(false).submissions;
		expect(detail).toMatchObject({loaded: 9, complete: true});
		expect(detail.groups[0]?.count).toBe(9);
		expect(api.count('ListRunsInBatch')).toBe(4);
		budget.close();
	});
});

describe('BatchPoller discovery errors (fake timers)', () => {
	/** ListBatch fails while `failure` is set; otherwise lists the batches FakeBatchApi holds. */
	class FlakyListing extends FakeBatchApi {
		failure: (() => Error) | undefined;
		override async listBatchPage(filter: BatchFilter, nextToken?: string): Promise<Page<BatchListing>> {
			if (this.failure) {
				this.calls.push({operation: 'ListBatch', id: nextToken ?? '', at: Date.now()});
				throw this.failure();
			}
			return super.listBatchPage(filter, nextToken);
		}
	}

	const interval = {minMs: 5_000, maxMs: 60_000};
	const discovery = {filter: {}, includeFinished: false, intervalMs: 10_000};
	let api: FlakyListing;
	let poller: BatchPoller | undefined;
	let events: PollerEvent[];
	let snapshots: PollerSnapshot[];

	const start = () => {
		poller = new BatchPoller({api, interval, discovery, random: () => 0.5});
		poller.subscribe((snapshot, batch) => {
			snapshots.push(snapshot);
			events.push(...batch);
		});
		poller.start();
		return poller;
	};
	const ofType = <T extends PollerEvent['type']>(type: T) =>
		events.filter((event): event is Extract<PollerEvent, {type: T}> => event.type === type);

	beforeEach(() => {
		vi.useFakeTimers({now: Date.parse('2026-11-29T00:00:00Z')});
		api = new FlakyListing();
		events = [];
		snapshots = [];
	});
	afterEach(() => {
		poller?.stop();
		poller = undefined;
		vi.useRealTimers();
	});

	it('an access-denied ListBatch is a discoveryError and an error event without id; recovery is announced', async () => {
		api.failure = () =>
			new OmicsError('access-denied', 'access denied: these credentials may not call omics:ListBatch', {
				operation: 'ListBatch',
				httpStatus: 403,
				requestId: 'req-1',
			});
		start();
		await vi.advanceTimersByTimeAsync(1);
		const errors = ofType('error');
		expect(errors).toHaveLength(1);
		expect(errors[0]).not.toHaveProperty('id');
		expect(errors[0]?.error).toMatchObject({
			kind: 'access-denied',
			action: 'omics:ListBatch',
			requestId: 'req-1',
		});
		expect(snapshots.at(-1)?.discoveryError?.kind).toBe('access-denied');
		expect(poller?.snapshot().discoveryError?.kind).toBe('access-denied');
		expect(poller?.snapshot().credentialsError).toBeUndefined();
		expect(ofType('credentials-problem')).toEqual([]);

		// Still failing: retried, but the same error is not announced again.
		await vi.advanceTimersByTimeAsync(60_000);
		expect(api.count('ListBatch')).toBeGreaterThan(1);
		expect(ofType('error')).toHaveLength(1);

		api.failure = undefined;
		api.set('7', {name: 'found-later'});
		await vi.advanceTimersByTimeAsync(discovery.intervalMs + 1);
		const recovered = ofType('recovered');
		expect(recovered).toHaveLength(1);
		expect(recovered[0]).not.toHaveProperty('id');
		expect(poller?.snapshot().discoveryError).toBeUndefined();
		expect(poller?.snapshot().lastDiscoveryAt).toBeDefined();
		expect(ofType('batch-discovered').map((event) => event.id)).toEqual(['7']);
	});

	it('expired credentials on ListBatch set credentialsError with one credentials-problem event', async () => {
		api.failure = () =>
			new OmicsError('expired-credentials', 'AWS credentials expired or were rejected', {
				operation: 'ListBatch',
				httpStatus: 403,
			});
		start();
		await vi.advanceTimersByTimeAsync(5 * 60_000);
		expect(ofType('credentials-problem')).toHaveLength(1);
		expect(ofType('error')).toHaveLength(1);
		expect(ofType('error')[0]).not.toHaveProperty('id');
		expect(poller?.snapshot().credentialsError?.kind).toBe('expired-credentials');
		expect(poller?.snapshot().discoveryError?.kind).toBe('expired-credentials');

		api.failure = undefined;
		await vi.advanceTimersByTimeAsync(discovery.intervalMs + 1);
		expect(ofType('recovered')).toHaveLength(1);
		expect(ofType('recovered')[0]).not.toHaveProperty('id');
		expect(poller?.snapshot().discoveryError).toBeUndefined();
	});

	it('a ListBatch that succeeds again clears credentialsError, even with no batch to GetBatch', async () => {
		// "A credentials problem ... reported once here until a call succeeds" (poller-state.ts).
		api.failure = () =>
			new OmicsError('expired-credentials', 'AWS credentials expired or were rejected', {
				operation: 'ListBatch',
				httpStatus: 403,
			});
		start();
		await vi.advanceTimersByTimeAsync(1);
		expect(poller?.snapshot().credentialsError?.kind).toBe('expired-credentials');

		api.failure = undefined; // the user ran "aws sso login"; the account has no active batch
		await vi.advanceTimersByTimeAsync(discovery.intervalMs + 1);
		expect(api.count('ListBatch')).toBeGreaterThanOrEqual(1);
		expect(poller?.snapshot().discoveryError).toBeUndefined();
		expect(poller?.snapshot().credentialsError).toBeUndefined();
	});
});
