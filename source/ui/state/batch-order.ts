import {failureCount} from '../../domain/batch-verdict.js';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import type {SortMode} from './ui-state.js';
import {compareNames} from './compare-names.js';
import {batchChanges} from '../../poller/batch-changes.js';
import {NameRanks, sortKeysOf, type SortKeys} from './batch-sort-keys.js';

type CompareKeys = (a: SortKeys, b: SortKeys) => number;

const BY: Record<SortMode, CompareKeys> = {
	status: (a, b) => a.status - b.status,
	// The name is every mode's tie-break.
	name: () => 0,
	progress: (a, b) => a.progress - b.progress,
	age: (a, b) => b.created - a.created,
};

/** The list's order: the sort mode's key, then the name, then the id (ids are unique: a total order). */
export function compareBatches(sort: SortMode, a: BatchSnapshot, b: BatchSnapshot): number {
	const keysA = sortKeysOf(a);
	const keysB = sortKeysOf(b);
	return BY[sort](keysA, keysB) || compareNames(keysA.name, keysB.name) || compareNames(a.id, b.id);
}

/** Whether a batch passes the text filter (name, id or status, lower-cased needle) and failures-only. */
export function passesFilter(batch: BatchSnapshot, needle: string, failuresOnly: boolean): boolean {
	if (failuresOnly && !(batch.view && (failureCount(batch.view) > 0 || batch.view.status === 'FAILED')))
		return false;
	if (!needle) return true;
	return [batch.id, batch.view?.name ?? '', batch.view?.status ?? ''].some((field) =>
		field.toLowerCase().includes(needle),
	);
}

/** Above this share of batches changed since the last order, sorting all of them again is cheaper. */
const RESORT_SHARE = 0.25;

/** Up to this many changes, each is spliced in or out (a memmove each); more are merged in one pass. */
const SPLICE_CHANGES = 16;

/** The first index from `low` whose batch does not sort before `batch` (binary search of a sorted list). */
function firstNotBefore(
	sorted: readonly BatchSnapshot[],
	batch: BatchSnapshot,
	compare: (a: BatchSnapshot, b: BatchSnapshot) => number,
	low = 0,
): number {
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (compare(sorted[middle]!, batch) < 0) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * The filtered, sorted batches, kept from one poller snapshot to the next: the poller keeps each
 * unchanged batch's snapshot object, so only the batches whose object changed (or that came or went)
 * leave their place and are inserted again (binary search), and the rest keep theirs. A change of
 * filter, failures-only or sort mode sorts everything again, on precomputed keys.
 */
export class BatchOrder {
	#ranks = new NameRanks();
	#last?: {
		batches: readonly BatchSnapshot[];
		needle: string;
		failuresOnly: boolean;
		sort: SortMode;
		sorted: BatchSnapshot[];
	};

	/** The batches that pass the filter, in the sort mode's order (a new array only when it changed). */
	order(
		batches: readonly BatchSnapshot[],
		filter: string,
		failuresOnly: boolean,
		sort: SortMode,
	): BatchSnapshot[] {
		const needle = filter.trim().toLowerCase();
		const last = this.#last;
		let sorted: BatchSnapshot[] | undefined;
		if (last && last.needle === needle && last.failuresOnly === failuresOnly && last.sort === sort) {
			if (last.batches === batches) return last.sorted;
			sorted = this.#update(last.sorted, last.batches, batches, needle, failuresOnly, sort);
		}
		sorted ??= this.#sortAll(batches, needle, failuresOnly, sort);
		this.#last = {batches, needle, failuresOnly, sort, sorted};
		return sorted;
	}

	/** Moves only what changed; undefined when so much changed that sorting everything is cheaper. */
	#update(
		sorted: BatchSnapshot[],
		before: readonly BatchSnapshot[],
		after: readonly BatchSnapshot[],
		needle: string,
		failuresOnly: boolean,
		sort: SortMode,
	): BatchSnapshot[] | undefined {
		const changes = batchChanges(before, after);
		if (changes.gone.length + changes.fresh.length > after.length * RESORT_SHARE) return undefined;
		const compare = (a: BatchSnapshot, b: BatchSnapshot) => compareBatches(sort, a, b);
		const fresh = changes.fresh.filter((batch) => passesFilter(batch, needle, failuresOnly)).sort(compare);
		if (changes.gone.length === 0 && fresh.length === 0) return sorted;
		for (const batch of fresh) this.#ranks.add(sortKeysOf(batch).name);
		// A few changes (a poll result): each found and placed by binary search, the array moved in place.
		if (changes.gone.length + fresh.length <= SPLICE_CHANGES) {
			const next = sorted.slice();
			for (const batch of changes.gone) {
				// Past the batches that tie with it (a name and an id the collator holds equal), to its own object.
				let index = firstNotBefore(next, batch, compare);
				while (index < next.length && next[index] !== batch && compare(next[index]!, batch) === 0) index++;
				if (next[index] === batch) next.splice(index, 1);
			}
			for (const batch of fresh) next.splice(firstNotBefore(next, batch, compare), 0, batch);
			return next;
		}
		const gone = new Set(changes.gone);
		const kept = gone.size === 0 ? sorted : sorted.filter((batch) => !gone.has(batch));
		if (fresh.length === 0) return kept;
		const merged: BatchSnapshot[] = [];
		let from = 0;
		for (const batch of fresh) {
			// The first kept batch that sorts after this one, searched from where the last one went.
			const low = firstNotBefore(kept, batch, compare, from);
			for (let index = from; index < low; index++) merged.push(kept[index]!);
			merged.push(batch);
			from = low;
		}
		for (let index = from; index < kept.length; index++) merged.push(kept[index]!);
		return merged;
	}

	#sortAll(
		batches: readonly BatchSnapshot[],
		needle: string,
		failuresOnly: boolean,
		sort: SortMode,
	): BatchSnapshot[] {
		// Names of batches long gone would pile up over days of discovery: start afresh when they dominate.
		if (this.#ranks.size > 2 * batches.length + 1000) this.#ranks.clear();
		const passing = batches.filter((batch) => passesFilter(batch, needle, failuresOnly));
		for (const batch of passing) this.#ranks.add(sortKeysOf(batch).name);
		const by = BY[sort];
		return passing
			.map((batch) => {
				const keys = sortKeysOf(batch);
				return {batch, keys, name: this.#ranks.rank(keys.name)};
			})
			.sort((a, b) => by(a.keys, b.keys) || a.name - b.name || compareNames(a.batch.id, b.batch.id))
			.map((entry) => entry.batch);
	}
}
