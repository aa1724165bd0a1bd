import {doneRuns} from '../../domain/batch-view.js';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {compareNames} from './compare-names.js';

const STATUS_ORDER: Record<string, number> = {
	RUNS_DELETING: 0,
	STOPPING: 1,
	SUBMITTING: 2,
	INPROGRESS: 3,
	PENDING: 4,
	CREATING: 5,
	FAILED: 6,
	RUNS_DELETE_FAILED: 7,
	PROCESSED: 8,
	CANCELLED: 9,
	RUNS_DELETED: 10,
};

/** What the list sorts a batch by, computed once per snapshot object (snapshots are never mutated). */
export interface SortKeys {
	/** Unknown statuses first (they need a look), then active ones, then finished. */
	readonly status: number;
	readonly progress: number;
	readonly created: number;
	readonly name: string;
}

const KEYS = new WeakMap<BatchSnapshot, SortKeys>();

/** The sort keys of one batch snapshot, cached by object identity. */
export function sortKeysOf(batch: BatchSnapshot): SortKeys {
	let keys = KEYS.get(batch);
	if (!keys) {
		const view = batch.view;
		keys = {
			status: STATUS_ORDER[view?.status ?? ''] ?? -1,
			progress: view && view.totalRuns > 0 ? doneRuns(view) / view.totalRuns : 0,
			created: view?.createdAt?.getTime() ?? 0,
			name: view?.label ?? batch.id,
		};
		KEYS.set(batch, keys);
	}
	return keys;
}

/**
 * Every name seen, in collation order, with its rank: a whole-list sort compares integers rather than
 * asking Intl.Collator ~N log N times (most batches share a status, so the name decides nearly every
 * comparison). Names are added a few at a time as batches appear; ranks are renumbered only when asked.
 */
export class NameRanks {
	#sorted: string[] = [];
	/** Whether each name collates equal to the one before it (equal names sit together). */
	#tied: boolean[] = [];
	#rank = new Map<string, number>();
	#stale = false;

	/** Adds a name (binary insertion: log n collator comparisons). */
	add(name: string): void {
		if (this.#rank.has(name)) return;
		let low = 0;
		let high = this.#sorted.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (compareNames(this.#sorted[middle]!, name) <= 0) low = middle + 1;
			else high = middle;
		}
		// After every name not greater: the next one is strictly greater, so only this one's tie is new.
		this.#tied.splice(low, 0, low > 0 && compareNames(this.#sorted[low - 1]!, name) === 0);
		this.#sorted.splice(low, 0, name);
		this.#rank.set(name, -1);
		this.#stale = true;
	}

	/** The rank of a name added before; names that compare equal get the same rank. */
	rank(name: string): number {
		if (this.#stale) this.#renumber();
		return this.#rank.get(name) ?? -1;
	}

	/** How many names are kept. */
	get size(): number {
		return this.#sorted.length;
	}

	/** Forgets every name (when the kept names far outnumber the batches watched). */
	clear(): void {
		this.#sorted = [];
		this.#tied = [];
		this.#rank.clear();
		this.#stale = false;
	}

	#renumber(): void {
		let rank = 0;
		for (let index = 0; index < this.#sorted.length; index++) {
			if (!this.#tied[index]) rank = index;
			this.#rank.set(this.#sorted[index]!, rank);
		}
		this.#stale = false;
	}
}
