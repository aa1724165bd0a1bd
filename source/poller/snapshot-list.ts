import type {BatchSnapshot} from './poller-state.js';

/**
 * The snapshot's batch list, in watch order, kept from one snapshot to the next: a new list copies the
 * last one and puts in only the batches changed since (and appends those added), instead of walking
 * every watched batch. With 10,000 batches each poll answer made a list of all of them. A removal
 * builds the whole list again (rare: a batch the user stops watching).
 */
export class SnapshotList<T extends object> {
	#batches: readonly BatchSnapshot[] = [];
	/** Each listed item's index in #batches (by item: an item no longer watched is not found, even with its id back). */
	readonly #place = new Map<T, number>();
	readonly #changed = new Set<T>();
	#appended: T[] = [];
	#whole = true;

	/** A batch that starts being watched: appended to the list. */
	added(item: T): void {
		this.#appended.push(item);
	}

	/** A batch no longer watched: the next list is built whole. */
	removed(): void {
		this.#whole = true;
	}

	/** A watched batch whose snapshot object was dropped (it changed). */
	changed(item: T): void {
		if (!this.#whole) this.#changed.add(item);
	}

	/**
	 * The list: every item of `all` (the watch order) as `snapshotOf` gives it. Only the items reported
	 * changed or added since the last list are asked again; the others keep their objects.
	 */
	build(all: Iterable<T>, snapshotOf: (item: T) => BatchSnapshot): readonly BatchSnapshot[] {
		let next: BatchSnapshot[];
		if (this.#whole) {
			next = [];
			this.#place.clear();
			for (const item of all) {
				this.#place.set(item, next.length);
				next.push(snapshotOf(item));
			}
		} else {
			next = this.#batches.slice();
			for (const item of this.#changed) {
				const index = this.#place.get(item);
				if (index !== undefined) next[index] = snapshotOf(item);
			}
			for (const item of this.#appended) {
				if (this.#place.has(item)) continue;
				this.#place.set(item, next.length);
				next.push(snapshotOf(item));
			}
		}
		this.#changed.clear();
		this.#appended = [];
		this.#whole = false;
		this.#batches = Object.freeze(next);
		return this.#batches;
	}
}
