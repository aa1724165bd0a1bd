import type {BatchSnapshot} from '../../poller/poller-state.js';
import {BatchTally} from '../../poller/batch-changes.js';

/** Batches by state as the header counts them: listed-only batches (no GetBatch answer yet) in none. */
export interface HeaderCounts {
	readonly total: number;
	readonly active: number;
	readonly done: number;
	readonly failed: number;
	readonly stale: number;
}

type Counted = 'active' | 'done' | 'failed';

/** Where the header counts a batch: failed (the batch, or its run deletion), done (other ends), active; none without data. */
function stateOf(batch: BatchSnapshot): Counted | undefined {
	const view = batch.view;
	if (!view) return undefined;
	if (view.status === 'FAILED' || view.status === 'RUNS_DELETE_FAILED') return 'failed';
	return view.statusClass === 'terminal' ? 'done' : 'active';
}

/**
 * The header's counts of a batch list, kept from one list to the next: each batch changed adds and
 * takes away its own share, so a snapshot costs the batches that changed (the header and the terminal
 * title ask on every one).
 */
export class BatchCounts extends BatchTally {
	#total = 0;
	readonly #by: Record<Counted | 'stale', number> = {active: 0, done: 0, failed: 0, stale: 0};
	#answer: HeaderCounts | undefined;

	/** The counts of `batches`. */
	counts(batches: readonly BatchSnapshot[]): HeaderCounts {
		this.sync(batches);
		this.#answer ??= {total: this.#total, ...this.#by};
		return this.#answer;
	}

	protected add(batch: BatchSnapshot): void {
		this.#count(batch, 1);
	}

	protected remove(batch: BatchSnapshot): void {
		this.#count(batch, -1);
	}

	#count(batch: BatchSnapshot, sign: 1 | -1): void {
		this.#answer = undefined;
		this.#total += sign;
		if (batch.lastError) this.#by.stale += sign;
		const state = stateOf(batch);
		if (state) this.#by[state] += sign;
	}
}
