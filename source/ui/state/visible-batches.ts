import type {BatchSnapshot} from '../../poller/poller-state.js';
import type {SortMode} from './ui-state.js';
import {BatchOrder} from './batch-order.js';

const ORDER = new BatchOrder();
/** Each held order's places, computed once per held array (a key that moves the selection makes a new one). */
const PLACES = new WeakMap<readonly string[], Map<string, number>>();

let last:
	| {
			batches: readonly BatchSnapshot[];
			filter: string;
			failuresOnly: boolean;
			sort: SortMode;
			held: readonly string[] | undefined;
			result: readonly BatchSnapshot[];
	  }
	| undefined;

/**
 * The batches to list: filtered by text (name, id or status) and failures, then sorted (stable, id as
 * tie-break). With a `held` order (the ids as the list showed them while keys were pressed), rows keep
 * those places and batches new since come after, sorted: the list does not reorder under the reader.
 * The order is kept from one snapshot to the next (BatchOrder: only changed batches move), and the last
 * answer is kept: the render and each key of a read ask the same question.
 */
export function visibleBatches(
	batches: readonly BatchSnapshot[],
	filter: string,
	failuresOnly: boolean,
	sort: SortMode,
	held?: readonly string[],
): readonly BatchSnapshot[] {
	if (
		last?.batches === batches &&
		last.filter === filter &&
		last.failuresOnly === failuresOnly &&
		last.sort === sort &&
		last.held === held
	)
		return last.result;
	const sorted = ORDER.order(batches, filter, failuresOnly, sort);
	const result = held ? holdOrder(sorted, held) : sorted;
	last = {batches, filter, failuresOnly, sort, held, result};
	return result;
}

/** The sorted batches in the held order: held ids in their places, the others after them as sorted. */
function holdOrder(sorted: readonly BatchSnapshot[], held: readonly string[]): BatchSnapshot[] {
	let place = PLACES.get(held);
	if (!place) {
		place = new Map(held.map((id, index) => [id, index]));
		PLACES.set(held, place);
	}
	const slots = new Array<BatchSnapshot | undefined>(held.length);
	const rest: BatchSnapshot[] = [];
	for (const batch of sorted) {
		const index = place.get(batch.id);
		if (index === undefined) rest.push(batch);
		else slots[index] = batch;
	}
	const kept: BatchSnapshot[] = [];
	for (const batch of slots) if (batch) kept.push(batch);
	return kept.length === 0 ? rest : [...kept, ...rest];
}
