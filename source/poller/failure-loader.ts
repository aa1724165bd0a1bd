import {groupFailures, type FailureItem} from '../domain/failure-groups.js';
import type {BatchApi} from '../omics/batch-api.js';
import {PageGuard} from './page-guard.js';
import type {RequestBudget} from './request-budget.js';
import type {FailureDetail} from './poller-state.js';

const GET_RUN_CONCURRENCY = 4;

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
	/** Reasons of the page being read that have arrived (GetRun by GetRun), not yet in `items`. */
	arrived: number;
	readonly guard: PageGuard;
}

/**
 * Loads failure reasons for one batch a page at a time, at low priority on the shared budget:
 * failed submissions from ListRunsInBatch, failed runs from ListRuns + GetRun (a few at once).
 */
export class FailureLoader {
	readonly #submissions: Cursor = {
		items: [],
		started: false,
		complete: false,
		broken: false,
		arrived: 0,
		guard: new PageGuard('ListRunsInBatch'),
	};
	readonly #runs: Cursor = {
		items: [],
		started: false,
		complete: false,
		broken: false,
		arrived: 0,
		guard: new PageGuard('ListRuns'),
	};

	constructor(
		private readonly api: BatchApi,
		private readonly budget: RequestBudget,
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
					this.budget.run('low', signal, () =>
						this.api.listFailedSubmissionsPage(this.batchId, token, signal),
					),
				),
			);
		if (wanted.runs) {
			tasks.push(
				this.#page(this.#runs, signal, async (token) => {
					const page = await this.budget.run('low', signal, () =>
						this.api.listFailedRunsPage(this.batchId, token, signal),
					);
					// A run listed on an earlier page needs no second GetRun.
					const fresh = this.#runs.guard.fresh(page.items, (run) => run.id);
					const items = await this.#reasons(
						fresh.map((run) => run.id),
						signal,
					);
					return {items, ...(page.nextToken ? {nextToken: page.nextToken} : {})};
				}),
			);
		}
		await Promise.all(tasks);
	}

	/** The detail as loaded so far. */
	detail(loading: boolean): Omit<FailureDetail, 'error'> {
		const list = (cursor: Cursor) => ({
			groups: groupFailures(cursor.items),
			loaded: cursor.items.length + cursor.arrived,
			complete: cursor.complete,
		});
		return {submissions: list(this.#submissions), runs: list(this.#runs), loading};
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
		for (const item of items) cursor.items.push(item);
		cursor.arrived = 0;
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

	async #reasons(runIds: readonly string[], signal: AbortSignal): Promise<FailureItem[]> {
		const results: FailureItem[] = new Array<FailureItem>(runIds.length);
		let next = 0;
		const worker = async (): Promise<void> => {
			while (next < runIds.length) {
				const index = next++;
				const id = runIds[index] ?? '';
				results[index] = await this.budget.run('low', signal, () => this.api.getRunFailure(id, signal));
				this.#runs.arrived += 1;
				this.onProgress();
			}
		};
		await Promise.all(Array.from({length: Math.min(GET_RUN_CONCURRENCY, runIds.length)}, worker));
		return results;
	}
}
