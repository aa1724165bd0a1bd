import {groupFailures, type FailureItem} from '../domain/failure-groups.js';
import type {BatchApi} from '../omics/batch-api.js';
import type {RequestBudget} from './request-budget.js';
import type {FailureDetail} from './poller-state.js';

const GET_RUN_CONCURRENCY = 4;

/** Cursor state of one batch's failure listing between page loads. */
interface Cursor {
	items: FailureItem[];
	nextToken?: string;
	started: boolean;
	complete: boolean;
}

/**
 * Loads failure reasons for one batch a page at a time, at low priority on the shared budget:
 * failed submissions from ListRunsInBatch, failed runs from ListRuns + GetRun (a few at once).
 */
export class FailureLoader {
	readonly #submissions: Cursor = {items: [], started: false, complete: false};
	readonly #runs: Cursor = {items: [], started: false, complete: false};

	constructor(
		private readonly api: BatchApi,
		private readonly budget: RequestBudget,
		private readonly batchId: string,
	) {}

	/** Reads one more page of each kind that still has pages (and has failures at all). */
	async loadMore(wanted: {submissions: boolean; runs: boolean}, signal: AbortSignal): Promise<void> {
		const tasks: Array<Promise<void>> = [];
		if (wanted.submissions)
			tasks.push(
				this.#page(this.#submissions, signal, (token) =>
					this.api.listFailedSubmissionsPage(this.batchId, token, signal),
				),
			);
		if (wanted.runs) {
			tasks.push(
				this.#page(this.#runs, signal, async (token) => {
					const page = await this.api.listFailedRunsPage(this.batchId, token, signal);
					const items = await this.#reasons(
						page.items.map((run) => run.id),
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
			loaded: cursor.items.length,
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
		await this.budget.acquire('low', signal);
		const page = await fetchPage(cursor.started ? cursor.nextToken : undefined);
		cursor.started = true;
		cursor.items.push(...page.items);
		cursor.nextToken = page.nextToken;
		cursor.complete = !page.nextToken;
	}

	async #reasons(runIds: readonly string[], signal: AbortSignal): Promise<FailureItem[]> {
		const results: FailureItem[] = new Array<FailureItem>(runIds.length);
		let next = 0;
		const worker = async (): Promise<void> => {
			while (next < runIds.length) {
				const index = next++;
				const id = runIds[index] ?? '';
				await this.budget.acquire('low', signal);
				results[index] = await this.api.getRunFailure(id, signal);
			}
		};
		await Promise.all(Array.from({length: Math.min(GET_RUN_CONCURRENCY, runIds.length)}, worker));
		return results;
	}
}
