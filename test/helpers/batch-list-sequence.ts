import type {BatchSnapshot} from '../../source/poller/poller-state.js';
import {mutateBatches, pick, seededRandom, type Random} from './walk-batches.js';

/**
 * A random sequence of batch lists as the UI is handed them: poll results (a batch changed, appeared,
 * vanished, failed, recovered; several at once), and lists unlike the last (reversed, filtered,
 * shuffled, a list from elsewhere), for checking a structure kept from list to list against the plain
 * computation over each whole list.
 */
export function batchListSequence(seed: number, steps: number): BatchSnapshot[][] {
	const random: Random = seededRandom(seed);
	let serial = 0;
	const nextId = () => String(4_000_000 + ++serial);
	let batches: BatchSnapshot[] = [];
	for (let count = Math.floor(random() * 25); count > 0; count--)
		batches = mutateBatches(random, batches, nextId);
	const lists: BatchSnapshot[][] = [batches];
	for (let step = 0; step < steps; step++) {
		const roll = random();
		if (roll < 0.6) {
			for (let change = 1 + Math.floor(random() * 3); change > 0; change--)
				batches = mutateBatches(random, batches, nextId);
		} else if (roll < 0.68) batches = [...batches].reverse();
		else if (roll < 0.76) batches = batches.filter(() => random() > 0.3);
		else if (roll < 0.82) batches = [...batches].sort(() => random() - 0.5);
		else if (roll < 0.86) batches = [];
		else if (roll < 0.9) batches = [...(pick(random, lists) ?? [])];
		else batches = [...batches];
		lists.push(batches);
	}
	return lists;
}
