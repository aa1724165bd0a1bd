import type {BatchSnapshot} from './poller-state.js';

/** What differs between two batch lists, by object identity: the snapshots that left and those that came. */
export interface BatchChanges {
	/** In the list before, not in the list after (changed, or no longer there). */
	readonly gone: readonly BatchSnapshot[];
	/** In the list after, not in the list before (changed, or new). */
	readonly fresh: readonly BatchSnapshot[];
}

const NO_CHANGES: BatchChanges = {gone: [], fresh: []};

/**
 * The last few answers: the order, the names, the widths and the counts ask the same question of each
 * snapshot. A few entries, not a map by list: an entry holds its `before`, and a chain of them would
 * keep every list ever seen.
 */
const RECENT: Array<{
	before: readonly BatchSnapshot[];
	after: readonly BatchSnapshot[];
	changes: BatchChanges;
}> = [];
const RECENT_SIZE = 4;

/**
 * What changed between two batch lists, by object identity (the poller keeps an unchanged batch's
 * snapshot object, a changed one gets a new object). A walk side by side: where both lists hold the
 * same object there is nothing to do (most of 10,000 batches); the objects where they differ are
 * matched as sets, so a batch that moved (a sorted list) is neither gone nor fresh. Each object is in
 * a list once, so a batch off its place on one side cannot sit at a matching place on the other.
 */
export function batchChanges(
	before: readonly BatchSnapshot[],
	after: readonly BatchSnapshot[],
): BatchChanges {
	if (before === after) return NO_CHANGES;
	for (const entry of RECENT) if (entry.after === after && entry.before === before) return entry.changes;
	const left: BatchSnapshot[] = [];
	const came: BatchSnapshot[] = [];
	const common = Math.min(before.length, after.length);
	for (let index = 0; index < common; index++) {
		const old = before[index]!;
		const now = after[index]!;
		if (old === now) continue;
		left.push(old);
		came.push(now);
	}
	for (let index = common; index < before.length; index++) left.push(before[index]!);
	for (let index = common; index < after.length; index++) came.push(after[index]!);
	let changes: BatchChanges;
	if (left.length === 0 || came.length === 0) changes = {gone: left, fresh: came};
	else {
		const wasThere = new Set(left);
		const isThere = new Set(came);
		changes = {
			gone: left.filter((batch) => !isThere.has(batch)),
			fresh: came.filter((batch) => !wasThere.has(batch)),
		};
	}
	RECENT.unshift({before, after, changes});
	RECENT.length = Math.min(RECENT.length, RECENT_SIZE);
	return changes;
}

/**
 * Something kept from a sequence of batch lists by applying only what changed from one to the next
 * (`remove` for every batch gone, then `add` for every batch fresh), so that a new snapshot costs the
 * batches that changed rather than all of them. Any sequence of lists works: one unlike the last costs
 * its size once.
 */
export abstract class BatchTally {
	#last: readonly BatchSnapshot[] = [];

	/** Brings the tally to `batches`. */
	protected sync(batches: readonly BatchSnapshot[]): void {
		if (batches === this.#last) return;
		const {gone, fresh} = batchChanges(this.#last, batches);
		for (const batch of gone) this.remove(batch);
		for (const batch of fresh) this.add(batch);
		this.#last = batches;
	}

	/** Forgets everything: the next sync adds every batch again (after the subclass cleared its own state). */
	protected forget(): void {
		this.#last = [];
	}

	protected abstract add(batch: BatchSnapshot): void;
	protected abstract remove(batch: BatchSnapshot): void;
}
