// Keeps the first `k` items of a stream of items in a total order, without sorting them all:
// DescribeLogStreams by last event wants one page of an account's streams, not a million sorted ones.

/** The `k` smallest items under `before` (a strict order), in order; O(n log k) time, O(k) space. */
export class TopK<T> {
	readonly #heap: T[] = [];
	#seen = 0;

	/** `before(a, b)`: a comes first. The heap's root is the last item kept, the first to go. */
	constructor(
		readonly k: number,
		readonly before: (a: T, b: T) => boolean,
	) {}

	/** How many items were offered in all. */
	get seen(): number {
		return this.#seen;
	}

	/** Whether an item with this key would be kept now (lets a caller skip building it). */
	wouldKeep(probe: T): boolean {
		return this.#heap.length < this.k || this.before(probe, this.#heap[0] as T);
	}

	/** Counts an item, keeping it if it is among the first k so far. */
	offer(item: T): void {
		this.#seen += 1;
		if (this.k === 0) return;
		const heap = this.#heap;
		if (heap.length < this.k) {
			heap.push(item);
			this.#up(heap.length - 1);
		} else if (this.before(item, heap[0] as T)) {
			heap[0] = item;
			this.#down(0);
		}
	}

	/** The items kept, first first. */
	sorted(): T[] {
		return [...this.#heap].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
	}

	// A max-heap under `before`: every parent comes after its children.
	#up(at: number): void {
		const heap = this.#heap;
		while (at > 0) {
			const parent = (at - 1) >> 1;
			if (!this.before(heap[parent] as T, heap[at] as T)) return;
			[heap[parent], heap[at]] = [heap[at] as T, heap[parent] as T];
			at = parent;
		}
	}

	#down(at: number): void {
		const heap = this.#heap;
		for (;;) {
			let last = at;
			for (const child of [2 * at + 1, 2 * at + 2])
				if (child < heap.length && this.before(heap[last] as T, heap[child] as T)) last = child;
			if (last === at) return;
			[heap[last], heap[at]] = [heap[at] as T, heap[last] as T];
			at = last;
		}
	}
}
