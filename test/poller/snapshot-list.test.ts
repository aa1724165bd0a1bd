import {describe, expect, it} from 'vitest';
import type {BatchSnapshot} from '../../source/poller/poller-state.js';
import {SnapshotList} from '../../source/poller/snapshot-list.js';
import {seededRandom} from '../helpers/seeded-random.js';

interface Item {
	readonly id: string;
	version: number;
	snapshot?: BatchSnapshot;
}

const snapshotOf = (item: Item): BatchSnapshot => {
	item.snapshot ??= {id: item.id, polling: false, done: false, history: [], lastUpdated: item.version};
	return item.snapshot;
};

describe('the snapshot list kept from the changed batches', () => {
	it('equals the list built from every watched batch, object for object, over random sequences', () => {
		for (let seed = 1; seed <= 60; seed++) {
			const next = seededRandom(seed);
			const watched = new Map<string, Item>();
			const list = new SnapshotList<Item>();
			const stale: Item[] = [];
			let serial = 0;
			const add = (id = `b-${++serial}`) => {
				if (watched.has(id)) return;
				const item: Item = {id, version: 0};
				watched.set(id, item);
				list.added(item);
			};
			for (let step = 0; step < 200; step++) {
				const roll = next();
				const ids = [...watched.keys()];
				const pick = () => watched.get(ids[Math.floor(next() * ids.length)]!)!;
				if (roll < 0.2) add();
				else if (roll < 0.55 && ids.length > 0) {
					// A poll answer: the batch's snapshot object is dropped and made again when asked.
					const item = pick();
					item.version += 1;
					item.snapshot = undefined;
					list.changed(item);
				} else if (roll < 0.62 && ids.length > 0) {
					const item = pick();
					watched.delete(item.id);
					stale.push(item);
					list.removed();
				} else if (roll < 0.67 && stale.length > 0) {
					// An answer for a batch no longer watched (its id perhaps watched again since).
					const item = stale[Math.floor(next() * stale.length)]!;
					item.version += 1;
					item.snapshot = undefined;
					list.changed(item);
				} else if (roll < 0.72 && stale.length > 0) {
					add(stale[Math.floor(next() * stale.length)]!.id);
				}
				if (next() < 0.3) continue;
				const built = list.build(watched.values(), snapshotOf);
				const plain = [...watched.values()].map(snapshotOf);
				expect(built.length, `seed ${seed}, step ${step}`).toBe(plain.length);
				plain.forEach((snapshot, index) => expect(built[index], `seed ${seed}, step ${step}`).toBe(snapshot));
				expect(Object.isFrozen(built)).toBe(true);
			}
		}
	});

	it('keeps the objects of batches that did not change', () => {
		const items: Item[] = [
			{id: 'a', version: 0},
			{id: 'b', version: 0},
		];
		const list = new SnapshotList<Item>();
		for (const item of items) list.added(item);
		const first = list.build(items, snapshotOf);
		items[1]!.snapshot = undefined;
		list.changed(items[1]!);
		const second = list.build(items, snapshotOf);
		expect(second).not.toBe(first);
		expect(second[0]).toBe(first[0]);
		expect(second[1]).not.toBe(first[1]);
	});
});
