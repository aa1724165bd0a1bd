import {describe, expect, it} from 'vitest';
import {DueQueue} from '../../source/poller/due-queue.js';

interface Item {
	readonly name: string;
	dueAt: number;
	busy: boolean;
}

const queueOf = () => new DueQueue<Item>((item, at) => !item.busy && item.dueAt === at);
const file = (queue: DueQueue<Item>, item: Item, rank: number) => queue.push(item, item.dueAt, rank);
const drain = (queue: DueQueue<Item>, now: number) => {
	const names: string[] = [];
	for (let item = queue.popDue(now); item; item = queue.popDue(now)) names.push(item.name);
	return names;
};

describe('DueQueue', () => {
	it('gives what is due by now, earliest first, ties in rank order, as a stable sort would', () => {
		const queue = queueOf();
		const items = Array.from({length: 200}, (_, index) => ({
			name: `i${index}`,
			dueAt: (index * 7919) % 13,
			busy: false,
		}));
		// Filed in a shuffled order: the rank, not the filing order, breaks ties.
		for (const [rank, item] of items.entries()) if (rank % 2 === 1) file(queue, item, rank);
		for (const [rank, item] of items.entries()) if (rank % 2 === 0) file(queue, item, rank);
		const expected = items
			.filter((item) => item.dueAt <= 8)
			.sort((a, b) => a.dueAt - b.dueAt)
			.map((item) => item.name);
		expect(drain(queue, 8)).toEqual(expected);
		expect(queue.nextAt()).toBe(9);
	});

	it('skips entries whose item moved or is busy, and never files an infinite time', () => {
		const queue = queueOf();
		const a = {name: 'a', dueAt: 5, busy: false};
		const b = {name: 'b', dueAt: 3, busy: false};
		const c = {name: 'c', dueAt: Number.POSITIVE_INFINITY, busy: false};
		file(queue, a, 0);
		file(queue, b, 1);
		file(queue, c, 2);
		expect(queue.size).toBe(2);
		b.dueAt = 20;
		file(queue, b, 1);
		a.busy = true;
		expect(queue.nextAt()).toBe(20);
		expect(drain(queue, 100)).toEqual(['b']);
		expect(queue.nextAt()).toBe(Number.POSITIVE_INFINITY);
	});
});
