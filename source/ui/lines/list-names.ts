import type {BatchSnapshot} from '../../poller/poller-state.js';
import {BatchTally} from '../../poller/batch-changes.js';
import {widthOf} from '../text/styled-line.js';
import {rowName, shortenMiddle} from './batch-names.js';

/**
 * The name each batch's row shows in `width` columns (as listNames gives them), kept from one list to
 * the next: each batch's shortened name and how many batches share each one are updated from the
 * batches that changed, and a row's name is looked up when the row is drawn. A render then costs the
 * rows on screen, not the 10,000 names of the list.
 */
export class ListNames extends BatchTally {
	#width = -1;
	#ellipsis = '';
	/** Each batch's name shortened to the width, by id. */
	readonly #short = new Map<string, string>();
	/** How many batches of the list show each shortened name. */
	readonly #uses = new Map<string, number>();

	/** Brings the names to `batches` shortened to `width` columns; a new width or ellipsis starts afresh. */
	update(batches: readonly BatchSnapshot[], width: number, ellipsis = '…'): this {
		if (width !== this.#width || ellipsis !== this.#ellipsis) {
			this.#width = width;
			this.#ellipsis = ellipsis;
			this.#short.clear();
			this.#uses.clear();
			this.forget();
		}
		this.sync(batches);
		return this;
	}

	/**
	 * The name the batch's row shows: shortened in the middle when it must be, and, where another row
	 * would then read the same, shortened further to make room for the batch id.
	 */
	nameOf(batch: BatchSnapshot): string {
		const name = rowName(batch);
		const text = this.#short.get(batch.id) ?? shortenMiddle(name, this.#width, this.#ellipsis);
		if ((this.#uses.get(text) ?? 0) < 2 || name === batch.id) return text;
		const room = this.#width - widthOf(batch.id) - 1;
		return room >= 4 ? `${shortenMiddle(name, room, this.#ellipsis)} ${batch.id}` : batch.id;
	}

	protected add(batch: BatchSnapshot): void {
		const text = shortenMiddle(rowName(batch), this.#width, this.#ellipsis);
		this.#short.set(batch.id, text);
		this.#uses.set(text, (this.#uses.get(text) ?? 0) + 1);
	}

	protected remove(batch: BatchSnapshot): void {
		const text = this.#short.get(batch.id);
		if (text === undefined) return;
		this.#short.delete(batch.id);
		const uses = (this.#uses.get(text) ?? 1) - 1;
		if (uses > 0) this.#uses.set(text, uses);
		else this.#uses.delete(text);
	}
}
