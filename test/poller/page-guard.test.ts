import {afterEach, describe, expect, it, vi} from 'vitest';
import {MAX_LISTED_ITEMS, MAX_PAGES, PageGuard} from '../../source/poller/page-guard.js';
import {discoverBatches} from '../../source/poller/discover-batches.js';
import {RequestBudget} from '../../source/poller/request-budget.js';
import {OPERATIONS, OperationBudgets, type Operation} from '../../source/poller/operation-budgets.js';
import {OmicsError} from '../../source/omics/omics-error.js';
import type {BatchFilter, Page} from '../../source/omics/batch-api.js';
import type {BatchListing} from '../../source/domain/raw-batch.js';
import {FakeBatchApi} from '../helpers/fake-batch-api.js';

/** ListBatch answers from a script: the page for the token asked for. Every call is counted. */
class ScriptedListing extends FakeBatchApi {
	readonly tokens: Array<string | undefined> = [];
	constructor(private readonly pageFor: (token: string | undefined, call: number) => Page<BatchListing>) {
		super();
	}
	override async listBatchPage(_filter: BatchFilter, nextToken?: string): Promise<Page<BatchListing>> {
		this.tokens.push(nextToken);
		return this.pageFor(nextToken, this.tokens.length - 1);
	}
}

const listing = (id: string, status = 'INPROGRESS'): BatchListing => ({id, status, name: `batch-${id}`});

const budgets: Array<RequestBudget | OperationBudgets> = [];
/** Budgets that never make these tests wait. */
function budget(): OperationBudgets {
	const made = new OperationBudgets(
		Object.fromEntries(OPERATIONS.map((operation) => [operation, 1_000_000])) as Record<Operation, number>,
	);
	budgets.push(made);
	return made;
}

const discover = (api: FakeBatchApi, includeFinished = false) =>
	discoverBatches(api, budget(), {filter: {}, includeFinished}, new AbortController().signal);

async function pagingError(promise: Promise<unknown>): Promise<OmicsError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(OmicsError);
	const omics = error as OmicsError;
	expect(omics.kind).toBe('bad-response');
	expect(omics.details.operation).toBe('ListBatch');
	expect(omics.message).toMatch(/ListBatch paging/);
	return omics;
}

afterEach(() => {
	for (const made of budgets.splice(0)) made.close();
	vi.useRealTimers();
});

describe('PageGuard through discoverBatches', () => {
	it('stops a service that answers the same page token forever, within a few pages', async () => {
		const api = new ScriptedListing((_token, call) => ({items: [listing(String(call + 1))], nextToken: 'A'}));
		const error = await pagingError(discover(api));
		expect(error.message).toMatch(/repeated a page token/);
		expect(api.tokens.length).toBeLessThanOrEqual(3);
		expect(api.tokens).toEqual([undefined, 'A']);
	});

	it('stops a cycle of tokens A -> B -> A', async () => {
		const next: Record<string, string> = {'': 'A', A: 'B', B: 'A'};
		const api = new ScriptedListing((token, call) => ({
			items: [listing(String(call + 1))],
			nextToken: next[token ?? ''] ?? '',
		}));
		const error = await pagingError(discover(api));
		expect(error.message).toMatch(/repeated a page token/);
		expect(api.tokens).toEqual([undefined, 'A', 'B']);
	});

	it(`stops endless distinct tokens after MAX_PAGES (${MAX_PAGES}) pages`, async () => {
		const api = new ScriptedListing((_token, call) => ({
			items: [listing(String(call + 1))],
			nextToken: `token-${call + 1}`,
		}));
		const error = await pagingError(discover(api));
		expect(error.message).toMatch(new RegExp(`past ${MAX_PAGES} pages`));
		expect(api.tokens).toHaveLength(MAX_PAGES);
		expect(error.message).toContain(`stopped after ${MAX_PAGES} pages (${MAX_PAGES} entries)`);
	});

	it('lists a batch that appears on several pages once', async () => {
		const pages: Array<Page<BatchListing>> = [
			{items: [listing('1'), listing('2')], nextToken: 'p2'},
			{items: [listing('2'), listing('3'), listing('1')], nextToken: 'p3'},
			{items: [listing('3'), listing('4'), listing('4')]},
		];
		const api = new ScriptedListing((_token, call) => pages[call] ?? {items: []});
		const found = await discover(api);
		expect(found.map((item) => item.id)).toEqual(['1', '2', '3', '4']);
		expect(api.tokens).toEqual([undefined, 'p2', 'p3']);
	});

	it('reads one page of 150,000 items without overflowing the stack, up to MAX_LISTED_ITEMS', async () => {
		const items = Array.from({length: 150_000}, (_, index) => listing(String(index + 1)));
		const api = new ScriptedListing(() => ({items}));
		const found = await discover(api);
		expect(found).toHaveLength(Math.min(items.length, MAX_LISTED_ITEMS));
		expect(found[0]?.id).toBe('1');
		expect(found.at(-1)?.id).toBe(String(MAX_LISTED_ITEMS));
	});

	it('drops finished batches unless includeFinished, keeping active and unknown statuses', async () => {
		const items = [
			listing('1', 'INPROGRESS'),
			listing('2', 'PROCESSED'),
			listing('3', 'FAILED'),
			listing('4', 'CANCELLED'),
			listing('5', 'SUBMITTING'),
			listing('6', 'SOMETHING_NEW'),
			listing('7', 'RUNS_DELETED'),
		];
		const api = new ScriptedListing(() => ({items}));
		expect((await discover(api)).map((item) => item.id)).toEqual(['1', '5', '6']);
		expect((await discover(api, true)).map((item) => item.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
	});

	it('spends one budget token per page', async () => {
		const pages: Array<Page<BatchListing>> = [
			{items: [listing('1')], nextToken: 'p2'},
			{items: [listing('2')], nextToken: 'p3'},
			{items: [listing('3')]},
		];
		const api = new ScriptedListing((_token, call) => pages[call] ?? {items: []});
		const counted = budget();
		await discoverBatches(api, counted, {filter: {}, includeFinished: false}, new AbortController().signal);
		expect(counted.of('ListBatch').grantedWithin(60_000)).toBe(3);
		expect(counted.of('GetBatch').grantedWithin(60_000)).toBe(0);
	});
});

describe('PageGuard directly', () => {
	it('counts entries, ends on an empty token, and names its operation in the error', () => {
		const guard = new PageGuard('ListRunsInBatch');
		expect(guard.fresh([{id: 'a'}, {id: 'b'}, {id: 'a'}], (item) => item.id)).toEqual([{id: 'a'}, {id: 'b'}]);
		expect(guard.count).toBe(2);
		expect(guard.next('t1')).toBe('t1');
		expect(guard.next('')).toBeUndefined();
		expect(guard.next(undefined)).toBeUndefined();
		guard.fresh([{id: 'c'}], (item) => item.id);
		expect(() => guard.next('t1')).toThrow(
			/^HealthOmics ListRunsInBatch paging repeated a page token; stopped after 2 pages \(3 entries\)$/,
		);
	});
});

describe('RequestBudget: burst cap after an idle spell', () => {
	it('saves up at most `burst` tokens however long it was idle', async () => {
		vi.useFakeTimers({now: 0});
		const made = new RequestBudget({ratePerSecond: 2, burst: 20, now: () => Date.now()});
		budgets.push(made);
		// Spend the initial burst, then stay idle for ten minutes (1,200 tokens' worth at 2/s).
		const first = await Promise.all(Array.from({length: 20}, () => made.acquire('high')));
		for (const release of first) release();
		await vi.advanceTimersByTimeAsync(10 * 60_000);

		const granted: number[] = [];
		const start = Date.now();
		for (let i = 0; i < 100; i++)
			void made.acquire('high').then((release) => {
				granted.push(Date.now() - start);
				release();
			});
		await vi.advanceTimersByTimeAsync(0);
		expect(granted).toHaveLength(20);
		await vi.advanceTimersByTimeAsync(499);
		expect(granted).toHaveLength(20);
		await vi.advanceTimersByTimeAsync(1);
		expect(granted).toHaveLength(21);
		expect(granted[20]).toBe(500);
		// From then on, the rate.
		await vi.advanceTimersByTimeAsync(40_000);
		expect(granted).toHaveLength(100);
		expect(granted.at(-1)).toBe(40_000);
	});

	it('maxInFlight: with tokens to spare, the 4th request waits until one of 3 in flight is released', async () => {
		vi.useFakeTimers({now: 0});
		const made = new RequestBudget({ratePerSecond: 100, burst: 100, maxInFlight: 3});
		budgets.push(made);
		const releases: Array<() => void> = [];
		let fourth = false;
		for (let i = 0; i < 3; i++) releases.push(await made.acquire('high'));
		void made.acquire('high').then((release) => {
			fourth = true;
			releases.push(release);
		});
		await vi.advanceTimersByTimeAsync(10_000);
		expect(fourth).toBe(false);
		expect(made.inFlight).toBe(3);
		expect(made.waiting).toBe(1);
		releases[0]?.();
		releases[0]?.(); // a second call of the same release frees nothing more
		await vi.advanceTimersByTimeAsync(0);
		expect(fourth).toBe(true);
		expect(made.inFlight).toBe(3);
		expect(made.waiting).toBe(0);
	});
});
