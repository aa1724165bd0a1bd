import type {BatchSnapshot, PollerSnapshot} from '../../poller/poller-state.js';

/**
 * Whether a new poller snapshot must be painted at once, or may wait up to a second to be painted with
 * others: new or vanished batches, status changes (the status a row shows, the listing's until the
 * first GetBatch answers), errors, failure details and pausing are urgent; counters moving within a
 * status are not, nor a listed batch's first counts when they bring the status it already showed
 * (with 10,000 listed batches, the first pass of GetBatch is thousands of those).
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

/** The status a batch's row shows: its GetBatch answer's, else what ListBatch said, else none yet. */
const shownStatus = (batch: BatchSnapshot) => batch.view?.status ?? batch.listing?.status;

function isUrgentBatchChange(before: BatchSnapshot, after: BatchSnapshot): boolean {
	return (
		before.id !== after.id ||
		shownStatus(before) !== shownStatus(after) ||
		before.lastError?.kind !== after.lastError?.kind ||
		before.failures !== after.failures ||
		before.done !== after.done
	);
}
