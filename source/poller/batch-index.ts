import type {BatchSnapshot} from './poller-state.js';
import {BatchTally} from './batch-changes.js';

/** A batch list's batches by id, kept from one list to the next by the batches that changed. */
export class BatchIndex extends BatchTally {
	readonly #byId = new Map<string, BatchSnapshot>();

	/** Brings the index to `batches`. */
	update(batches: readonly BatchSnapshot[]): this {
		this.sync(batches);
		return this;
	}

	/** The batch with this id in the list last given, if any. */
	get(id: string): BatchSnapshot | undefined {
		return this.#byId.get(id);
	}

	protected add(batch: BatchSnapshot): void {
		this.#byId.set(batch.id, batch);
	}

	protected remove(batch: BatchSnapshot): void {
		// A batch replaced by a newer snapshot of itself is added again after the gone are removed.
		if (this.#byId.get(batch.id) === batch) this.#byId.delete(batch.id);
	}
}
