import {
	failureId,
	failureKeyOf,
	groupFailures,
	type FailureGroup,
	type FailureItem,
} from '../domain/failure-groups.js';
import type {BatchApi} from '../omics/batch-api.js';
import {PageGuard} from './page-guard.js';
import type {OperationBudgets} from './operation-budgets.js';
import type {FailureDetail} from './poller-state.js';
import type {FailureEntry, FailureEntryWindow} from './drill-down-state.js';

/**
 * GetRun calls in flight at once for one batch: enough to use a GetRun budget of 10/s at 800 ms a call;
 * the budget, not this, sets the pace.
 */
export const GET_RUN_CONCURRENCY = 8;

/** While a page loads, the groups are rebuilt from what has arrived at most this often (ms): regrouping is O(loaded). */
export const REGROUP_EVERY_MS = 250;

let unnamed = 0;
/** Failed submissions are told apart by their run setting id; one without an id is its own entry. */
const submissionKey = (item: FailureItem): string => (item.example === '?' ? `?${unnamed++}` : item.example);

/** Cursor state of one batch's failure listing between page loads. */
interface Cursor {
	items: FailureItem[];
	nextToken?: string;
	started: boolean;
	complete: boolean;
	/** Ended by a paging error (a looping service): never listed again. */
	broken: boolean;
	readonly guard: PageGuard;
	/** The groups of `items` when last built, and how many items they hold. */
	grouped: {groups: FailureGroup[]; count: number; at: number};
	/** Group key → positions in `items`, kept as items arrive: a window of entries costs its size, not the list's. */
	readonly index: Map<string, number[]>;
}

const newCursor = (operation: 'ListRunsInBatch' | 'ListRuns'): Cursor => ({
	items: [],
	started: false,
	complete: false,
	broken: false,
	guard: new PageGuard(operation),
	grouped: {groups: [], count: 0, at: Number.NEGATIVE_INFINITY},
	index: new Map(),
});

/** Adds one failure to a listing and to its group's positions. */
function addItem(cursor: Cursor, item: FailureItem): void {
	const {key} = failureKeyOf(item);
	let positions = cursor.index.get(key);
	if (!positions) {
		positions = [];
		cursor.index.set(key, positions);
	}
	positions.push(cursor.items.length);
	cursor.items.push(item);
}

/** A loaded failure as the drill-down lists it; a run's runSettingId is looked up apart (entry facts). */
function entryOf(kind: FailureEntry['kind'], item: FailureItem): FailureEntry {
	const {reason, message} = failureKeyOf(item);
	if (kind === 'run') return {kind, runId: failureId(item.runId ?? item.example), reason, message};
	const runSettingId = failureId(item.runSettingId ?? (item.example === '?' ? undefined : item.example));
	return {kind, ...(runSettingId ? {runSettingId} : {}), reason, message};
}

/**
 * Loads failure reasons for one batch a page at a time, each call on its operation's budget:
 * failed submissions from ListRunsInBatch, failed runs from ListRuns + GetRun (GET_RUN_CONCURRENCY at
 * once); each failed run's reason joins its group as it arrives.
 */
export class FailureLoader {
	readonly #submissions = newCursor('ListRunsInBatch');
	readonly #runs = newCursor('ListRuns');
	/**
	 * Failed runs listed whose GetRun has not answered: a stop (the pane closed) or an error leaves
	 * them here, and the next load asks them first, since the listing will not name them again.
	 */
	readonly #pending: string[] = [];

	constructor(
		private readonly api: BatchApi,
		private readonly budgets: OperationBudgets,
		private readonly batchId: string,
		/** Called as each failed run's reason arrives, so that "N loaded" moves during a page. */
		private readonly onProgress: () => void = () => {},
	) {}

	/**
	 * Reads one more page of each kind that has failures (`counts`, from GetBatch) and still has pages.
	 * A kind listed to its end with fewer entries than its count now has is listed again from the start:
	 * the failures that came after are on its pages, and the ones listed before are not listed twice.
	 * A kind with `maxPerKind` failures read is not read further (script watches bound what they read).
	 */
	async loadMore(
		counts: {submissions: number; runs: number},
		signal: AbortSignal,
		maxPerKind = Number.POSITIVE_INFINITY,
	): Promise<void> {
		for (const [cursor, count] of [
			[this.#submissions, counts.submissions],
			[this.#runs, counts.runs],
		] as const) {
			if (cursor.complete && !cursor.broken && cursor.items.length < count) {
				cursor.complete = false;
				cursor.started = false;
				cursor.nextToken = undefined;
				cursor.guard.restart();
			}
		}
		const wanted = {
			submissions: counts.submissions > 0 && this.#submissions.items.length < maxPerKind,
			runs: counts.runs > 0 && this.#runs.items.length < maxPerKind,
		};
		const tasks: Array<Promise<void>> = [];
		if (wanted.submissions)
			tasks.push(
				this.#page(this.#submissions, signal, (token) =>
					this.budgets.run('ListRunsInBatch', 'low', signal, () =>
						this.api.listFailedSubmissionsPage(this.batchId, token, signal),
					),
				),
			);
		if (wanted.runs) {
			tasks.push(
				this.#page(this.#runs, signal, async (token) => {
					await this.#reasons(signal);
					const page = await this.budgets.run('ListRuns', 'low', signal, () =>
						this.api.listFailedRunsPage(this.batchId, token, signal),
					);
					// A run listed on an earlier page needs no second GetRun.
					const fresh = this.#runs.guard.fresh(page.items, (run) => run.id);
					for (const run of fresh) this.#pending.push(run.id);
					await this.#reasons(signal);
					// The reasons are in the list already, one by one as they came.
					return {items: [], ...(page.nextToken ? {nextToken: page.nextToken} : {})};
				}),
			);
		}
		await Promise.all(tasks);
	}

	/** Whether both kinds have read their last page (until the counts grow: loadMore lists again). */
	get complete(): boolean {
		return this.#submissions.complete && this.#runs.complete;
	}

	/**
	 * The detail as loaded so far: groups of everything loaded (rebuilt at most every REGROUP_EVERY_MS
	 * while `loading`, so that a 100,000-run listing does not regroup on every reason), and the count.
	 */
	detail(loading: boolean): Omit<FailureDetail, 'error'> {
		const list = (cursor: Cursor) => {
			const now = Date.now();
			if (
				cursor.grouped.count !== cursor.items.length &&
				(!loading || now - cursor.grouped.at >= REGROUP_EVERY_MS)
			)
				cursor.grouped = {groups: groupFailures(cursor.items), count: cursor.items.length, at: now};
			return {groups: cursor.grouped.groups, loaded: cursor.items.length, complete: cursor.complete};
		};
		return {submissions: list(this.#submissions), runs: list(this.#runs), loading};
	}

	/** Entries [start, start + count) of one group in load order, and how many that group has loaded. */
	entries(kind: FailureEntry['kind'], groupKey: string, start: number, count: number): FailureEntryWindow {
		const cursor = kind === 'run' ? this.#runs : this.#submissions;
		const positions = cursor.index.get(groupKey) ?? [];
		const from = Math.max(0, Math.floor(start));
		const to = Math.min(positions.length, from + Math.max(0, Math.floor(count)));
		const entries: FailureEntry[] = [];
		for (let i = from; i < to; i++) {
			const item = cursor.items[positions[i] ?? -1];
			if (item) entries.push(entryOf(kind, item));
		}
		return {entries, loaded: positions.length};
	}

	/** Failures loaded of both kinds: it only grows, so a change in it is a change of some group's entries. */
	get loaded(): number {
		return this.#submissions.items.length + this.#runs.items.length;
	}

	async #page(
		cursor: Cursor,
		signal: AbortSignal,
		fetchPage: (token?: string) => Promise<{items: readonly FailureItem[]; nextToken?: string}>,
	): Promise<void> {
		if (cursor.complete) return;
		const token = cursor.started ? cursor.nextToken : undefined;
		const page = await fetchPage(token);
		cursor.started = true;
		// Failed runs were deduplicated before their GetRun calls.
		const items = cursor === this.#runs ? page.items : cursor.guard.fresh(page.items, submissionKey);
		// A loop, not push(...items): a page can be as large as the service makes it.
		for (const item of items) addItem(cursor, item);
		try {
			cursor.nextToken = cursor.guard.next(page.nextToken);
		} catch (error) {
			cursor.nextToken = undefined;
			cursor.complete = true;
			cursor.broken = true;
			throw error;
		}
		cursor.complete = cursor.nextToken === undefined;
	}

	/** One GetRun per pending failed run, GET_RUN_CONCURRENCY at once, each reason listed as it arrives. */
	async #reasons(signal: AbortSignal): Promise<void> {
		const worker = async (): Promise<void> => {
			for (let id = this.#pending.shift(); id !== undefined; id = this.#pending.shift()) {
				const runId = id;
				try {
					const item = await this.budgets.run('GetRun', 'low', signal, () =>
						this.api.getRunFailure(runId, signal),
					);
					addItem(this.#runs, item);
				} catch (error) {
					// Asked again by the next load, first.
					this.#pending.unshift(runId);
					throw error;
				}
				this.onProgress();
			}
		};
		const workers = Math.min(GET_RUN_CONCURRENCY, this.#pending.length);
		// Every worker settles before the error goes on, so that each unanswered id is back in #pending.
		const results = await Promise.allSettled(Array.from({length: workers}, worker));
		const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
		if (failed) throw failed.reason;
	}
}
