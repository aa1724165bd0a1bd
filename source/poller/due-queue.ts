interface Entry<T> {
	readonly at: number;
	readonly rank: number;
	readonly item: T;
}

/**
 * Items by the time they are next due, earliest first, ties in `rank` order: a binary heap, so that
 * finding what is due costs log n per item rather than a scan of every watched batch per request.
 * Entries are dropped lazily: one whose item is no longer `live` at that time is skipped when it surfaces.
 */
export class DueQueue<T> {
	#heap: Entry<T>[] = [];
	readonly #live: (item: T, at: number) => boolean;

	constructor(live: (item: T, at: number) => boolean) {
		this.#live = live;
	}

	/** How many entries are kept, stale ones included. */
	get size(): number {
		return this.#heap.length;
	}

	/** Files an item as due at `at` (an infinite time is never due and is not kept). */
	push(item: T, at: number, rank: number): void {
		if (!Number.isFinite(at)) return;
		const heap = this.#heap;
		heap.push({at, rank, item});
		let index = heap.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!before(heap[index]!, heap[parent]!)) break;
			[heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
			index = parent;
		}
	}

	/** When the earliest live item is due; infinity when none is. */
	nextAt(): number {
		this.#dropStale();
		return this.#heap[0]?.at ?? Number.POSITIVE_INFINITY;
	}

	/** Removes and returns the earliest live item if it is due by `now`. */
	popDue(now: number): T | undefined {
		this.#dropStale();
		const top = this.#heap[0];
		if (!top || top.at > now) return undefined;
		this.#removeTop();
		return top.item;
	}

	/** Forgets every entry (to file the live items again). */
	clear(): void {
		this.#heap = [];
	}

	#dropStale(): void {
		while (this.#heap.length > 0 && !this.#live(this.#heap[0]!.item, this.#heap[0]!.at)) this.#removeTop();
	}

	#removeTop(): void {
		const heap = this.#heap;
		const last = heap.pop()!;
		if (heap.length === 0) return;
		heap[0] = last;
		let index = 0;
		for (;;) {
			const left = index * 2 + 1;
			const right = left + 1;
			let smallest = index;
			if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
			if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
			if (smallest === index) return;
			[heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
			index = smallest;
		}
	}
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
	return a.at < b.at || (a.at === b.at && a.rank < b.rank);
}
