import {describe, expect, it} from 'vitest';
import type {BatchSnapshot} from '../../../source/poller/poller-state.js';
import {batchChanges} from '../../../source/ui/state/batch-changes.js';
import {BatchCounts, type HeaderCounts} from '../../../source/ui/state/batch-counts.js';
import {BatchIndex} from '../../../source/ui/state/batch-index.js';
import {batchListSequence} from '../../helpers/batch-list-sequence.js';

// The plain computations over each whole list, as the header and the timeline made them before.
function plainCounts(batches: readonly BatchSnapshot[]): HeaderCounts {
	let active = 0;
	let done = 0;
	let failed = 0;
	let stale = 0;
	for (const batch of batches) {
		if (batch.lastError) stale += 1;
		const view = batch.view;
		if (!view) continue;
		if (view.status === 'FAILED' || view.status === 'RUNS_DELETE_FAILED') failed += 1;
		else if (view.statusClass === 'terminal') done += 1;
		else active += 1;
	}
	return {total: batches.length, active, done, failed, stale};
}

describe('batch lists kept from one to the next', () => {
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

	it('the header counts and the index by id equal the plain ones over random sequences', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const counts = new BatchCounts();
			const index = new BatchIndex();
			const lists = batchListSequence(seed, 150);
			const ids = new Set(lists.flat().map((batch) => batch.id));
			lists.forEach((batches, step) => {
				expect(counts.counts(batches), `seed ${seed}, step ${step}`).toEqual(plainCounts(batches));
				index.update(batches);
				for (const id of ids)
					expect(index.get(id), `seed ${seed}, step ${step}, ${id}`).toBe(
						batches.find((batch) => batch.id === id),
					);
			});
		}
	});
});
