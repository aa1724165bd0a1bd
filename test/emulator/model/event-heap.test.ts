import {describe, expect, it} from 'vitest';
import {EventHeap} from '../../../source/emulator/model/event-heap.js';
import {SeededSequence} from '../../../source/emulator/model/seeded-random.js';

describe('EventHeap', () => {
	it('pops items in time order, growing past its initial capacity', () => {
		const heap = new EventHeap(4);
		const random = new SeededSequence(9);
		const entries = Array.from({length: 5000}, (_, item) => ({time: Math.floor(random.next() * 1000), item}));
		for (const {time, item} of entries) heap.push(time, item);
		expect(heap.size).toBe(5000);
		const times: number[] = [];
		while (heap.size > 0) {
			times.push(heap.peekTime());
			heap.pop();
		}
		expect(times).toEqual(entries.map((entry) => entry.time).sort((a, b) => a - b));
		expect(heap.peekTime()).toBe(Number.POSITIVE_INFINITY);
		expect(() => heap.pop()).toThrow();
	});

	it('drains every item and empties', () => {
		const heap = new EventHeap(2);
		[5, 3, 9].forEach((time, item) => heap.push(time, item));
		expect([...heap.drain()].sort()).toEqual([0, 1, 2]);
		expect(heap.size).toBe(0);
	});
});
