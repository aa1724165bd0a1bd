import {describe, expect, it} from 'vitest';
import type {BatchSnapshot} from '../../../source/poller/poller-state.js';
import {BatchCounts, type HeaderCounts} from '../../../source/ui/state/batch-counts.js';
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

describe('the header counts kept from one list to the next', () => {
	it('equal the plain counts of each whole list, over random sequences', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const counts = new BatchCounts();
			batchListSequence(seed, 150).forEach((batches, step) => {
				expect(counts.counts(batches), `seed ${seed}, step ${step}`).toEqual(plainCounts(batches));
			});
		}
	});
});
