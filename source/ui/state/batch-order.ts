import {failureCount} from '../../domain/batch-verdict.js';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import type {SortMode} from './ui-state.js';
import {compareNames} from './compare-names.js';
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
		const changes = changedBatches(before, after);
		if (changes.gone.length + changes.fresh.length > after.length * RESORT_SHARE) return undefined;
		const compare = (a: BatchSnapshot, b: BatchSnapshot) => compareBatches(sort, a, b);
		const fresh = changes.fresh.filter((batch) => passesFilter(batch, needle, failuresOnly)).sort(compare);
		if (changes.gone.length === 0 && fresh.length === 0) return sorted;
		for (const batch of fresh) this.#ranks.add(sortKeysOf(batch).name);
		const gone = new Set(changes.gone);
		const kept = gone.size === 0 ? sorted : sorted.filter((batch) => !gone.has(batch));
		if (fresh.length === 0) return kept;
		const merged: BatchSnapshot[] = [];
		let from = 0;
		for (const batch of fresh) {
			// The first kept batch that sorts after this one, searched from where the last one went.
			let low = from;
			let high = kept.length;
			while (low < high) {
				const middle = (low + high) >>> 1;
				if (compare(kept[middle]!, batch) < 0) low = middle + 1;
				else high = middle;
			}
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

/**
 * What differs between two snapshots' batch lists, by object identity: the snapshots that left (changed
 * or vanished) and the ones that came (changed or new). The poller keeps its batches in one order and
 * appends new ones, so a walk side by side is the common case; anything else is matched by id.
 */
function changedBatches(
	before: readonly BatchSnapshot[],
	after: readonly BatchSnapshot[],
): {gone: BatchSnapshot[]; fresh: BatchSnapshot[]} {
	const gone: BatchSnapshot[] = [];
	const fresh: BatchSnapshot[] = [];
	let aligned = after.length >= before.length;
	for (let index = 0; aligned && index < before.length; index++) {
		const old = before[index]!;
		const now = after[index]!;
		if (old === now) continue;
		if (old.id !== now.id) aligned = false;
		else {
			gone.push(old);
			fresh.push(now);
		}
	}
	if (aligned) {
		for (let index = before.length; index < after.length; index++) fresh.push(after[index]!);
		return {gone, fresh};
	}
	gone.length = 0;
	fresh.length = 0;
	const previous = new Map(before.map((batch) => [batch.id, batch]));
	for (const batch of after) {
		const old = previous.get(batch.id);
		if (old !== undefined) previous.delete(batch.id);
		if (old === batch) continue;
		if (old !== undefined) gone.push(old);
		fresh.push(batch);
	}
	// What is left has vanished.
	for (const old of previous.values()) gone.push(old);
	return {gone, fresh};
}
