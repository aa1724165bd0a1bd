import type {BatchSnapshot, PollerSnapshot} from '../../poller/poller-state.js';

/**
 * Whether a new poller snapshot must be painted at once, or may wait up to a second to be painted with
 * others: new or vanished batches, first data, status changes, errors, failure details and pausing are
 * urgent; counters moving within a status are not.
 */
export function isUrgentChange(previous: PollerSnapshot, next: PollerSnapshot): boolean {
	if (previous.paused !== next.paused) return true;
	if (previous.credentialsError !== next.credentialsError) return true;
	if (previous.discoveryError !== next.discoveryError) return true;
	if (previous.batches.length !== next.batches.length) return true;
	for (let index = 0; index < next.batches.length; index++) {
		const before = previous.batches[index];
		const after = next.batches[index];
		// The poller keeps an unchanged batch's object: most of 10,000 batches end here.
		if (before === after) continue;
		if (!before || !after || isUrgentBatchChange(before, after)) return true;
	}
	return false;
}

function isUrgentBatchChange(before: BatchSnapshot, after: BatchSnapshot): boolean {
	return (
		before.id !== after.id ||
		(before.view === undefined) !== (after.view === undefined) ||
		before.view?.status !== after.view?.status ||
		before.listing !== after.listing ||
		before.lastError?.kind !== after.lastError?.kind ||
		before.failures !== after.failures ||
		before.done !== after.done
	);
}
