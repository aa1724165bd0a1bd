/** A binary min-heap of (time, run index) kept in typed arrays: no object per scheduled run. */
export class EventHeap {
	#times: Float64Array;
	#items: Uint32Array;
	#size = 0;

	constructor(capacity: number) {
		this.#times = new Float64Array(Math.max(1, capacity));
		this.#items = new Uint32Array(Math.max(1, capacity));
	}

	get size(): number {
		return this.#size;
	}

	/** Time of the earliest entry, or Infinity when empty. */
	peekTime(): number {
		return this.#size > 0 ? (this.#times[0] as number) : Number.POSITIVE_INFINITY;
	}

	push(time: number, item: number): void {
		if (this.#size === this.#times.length) this.#grow();
		let index = this.#size++;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if ((this.#times[parent] as number) <= time) break;
			this.#times[index] = this.#times[parent] as number;
			this.#items[index] = this.#items[parent] as number;
			index = parent;
		}
		this.#times[index] = time;
		this.#items[index] = item;
	}

	/** Removes the earliest entry and returns its item. */
	pop(): number {
		if (this.#size === 0) throw new Error('pop from an empty heap');
		const top = this.#items[0] as number;
		const size = --this.#size;
		const lastTime = this.#times[size] as number;
		const lastItem = this.#items[size] as number;
		let index = 0;
		for (;;) {
			let child = 2 * index + 1;
			if (child >= size) break;
			if (child + 1 < size && (this.#times[child + 1] as number) < (this.#times[child] as number)) child += 1;
			if ((this.#times[child] as number) >= lastTime) break;
			this.#times[index] = this.#times[child] as number;
			this.#items[index] = this.#items[child] as number;
			index = child;
		}
		this.#times[index] = lastTime;
		this.#items[index] = lastItem;
		return top;
	}

	/** Empties the heap and returns every item it held (order unspecified). */
	drain(): Uint32Array {
		const items = this.#items.slice(0, this.#size);
		this.#size = 0;
		return items;
	}

	#grow(): void {
		const times = new Float64Array(this.#times.length * 2);
		const items = new Uint32Array(this.#items.length * 2);
		times.set(this.#times);
		items.set(this.#items);
		this.#times = times;
		this.#items = items;
	}
}
