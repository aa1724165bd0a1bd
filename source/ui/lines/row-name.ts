import type {BatchSnapshot} from '../../poller/poller-state.js';

/** The name a list row shows for a batch: its label, the listing's name, or its id until either is known. */
export function rowName(batch: BatchSnapshot): string {
	return batch.view?.label ?? (batch.listing?.name || batch.id);
}
