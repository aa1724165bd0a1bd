import type {BatchSnapshot} from '../../poller/poller-state.js';
import {BatchTally} from '../../poller/batch-changes.js';
import {widthOf} from '../text/styled-line.js';
import {rowName} from './row-name.js';

/**
 * The widest row name of a batch list, kept from one list to the next: each batch's name width, by
 * id, and how many names have each width, updated from the batches that changed. Names have few
 * distinct widths, so losing the widest looks through those, not through the batches.
 */
export class NameWidths extends BatchTally {
	readonly #width = new Map<string, number>();
	readonly #count = new Map<number, number>();
	#widest = 0;

	/** The widest name among `batches`, in columns. */
	widest(batches: readonly BatchSnapshot[]): number {
		this.sync(batches);
		return this.#widest;
	}

	protected add(batch: BatchSnapshot): void {
		const width = widthOf(rowName(batch));
		this.#width.set(batch.id, width);
		this.#count.set(width, (this.#count.get(width) ?? 0) + 1);
		if (width > this.#widest) this.#widest = width;
	}

	protected remove(batch: BatchSnapshot): void {
		const width = this.#width.get(batch.id);
		if (width === undefined) return;
		this.#width.delete(batch.id);
		const count = (this.#count.get(width) ?? 1) - 1;
		if (count > 0) {
			this.#count.set(width, count);
			return;
		}
		this.#count.delete(width);
		if (width !== this.#widest) return;
		this.#widest = 0;
		for (const left of this.#count.keys()) if (left > this.#widest) this.#widest = left;
	}
}
