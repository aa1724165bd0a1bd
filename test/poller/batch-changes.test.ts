import {describe, expect, it} from 'vitest';
import {batchChanges} from '../../source/poller/batch-changes.js';
import {BatchIndex} from '../../source/poller/batch-index.js';
import {batchListSequence} from '../helpers/batch-list-sequence.js';

describe('batch lists compared and indexed from one to the next', () => {
	it('batchChanges gives the objects that left and came, whatever the two lists', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const lists = batchListSequence(seed, 120);
			lists.forEach((after, step) => {
				const before = lists[Math.max(0, step - 1 - (step % 3))]!;
				const changes = batchChanges(before, after);
				const had = new Set(before);
				const has = new Set(after);
				expect(new Set(changes.gone), `seed ${seed}, step ${step}`).toEqual(
					new Set(before.filter((batch) => !has.has(batch))),
				);
				expect(new Set(changes.fresh), `seed ${seed}, step ${step}`).toEqual(
					new Set(after.filter((batch) => !had.has(batch))),
				);
				expect(changes.gone.length).toBe(new Set(changes.gone).size);
				expect(changes.fresh.length).toBe(new Set(changes.fresh).size);
			});
		}
	});

	it('the index by id finds what a search of each whole list finds, over random sequences', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const index = new BatchIndex();
			const lists = batchListSequence(seed, 150);
			const ids = new Set(lists.flat().map((batch) => batch.id));
			lists.forEach((batches, step) => {
				index.update(batches);
				for (const id of ids)
					expect(index.get(id), `seed ${seed}, step ${step}, ${id}`).toBe(
						batches.find((batch) => batch.id === id),
					);
			});
		}
	});
});
