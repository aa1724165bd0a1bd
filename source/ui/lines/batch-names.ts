import type {BatchSnapshot} from '../../poller/poller-state.js';
import {widthOf} from '../text/styled-line.js';
import {NameWidths} from './name-widths.js';
import {rowName} from './row-name.js';

export {rowName} from './row-name.js';

/**
 * Text cut to `width` columns in the middle, so that both ends stay (`ukb-wgs…part-07`): batch names
 * differ at their ends (a cohort's prefix, a part number's suffix). Whole when it fits.
 */
export function shortenMiddle(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (widthOf(text) <= width) return text;
	const room = width - widthOf(ellipsis);
	if (room <= 0) return ellipsis.slice(0, width);
	const characters = Array.from(text);
	// The tail gets the larger half: the part that tells siblings apart is usually at the end.
	let tailRoom = Math.ceil(room / 2);
	let headRoom = room - tailRoom;
	let head = '';
	for (const character of characters) {
		const characterWidth = widthOf(character);
		if (characterWidth > headRoom) break;
		head += character;
		headRoom -= characterWidth;
	}
	tailRoom += headRoom;
	let tail = '';
	for (let index = characters.length - 1; index >= 0; index--) {
		const character = characters[index] ?? '';
		const characterWidth = widthOf(character);
		if (characterWidth > tailRoom) break;
		tail = character + tail;
		tailRoom -= characterWidth;
	}
	return `${head}${ellipsis}${tail}`;
}

const WIDTHS = new NameWidths();

/** The widest name among the batches, in columns; kept from one snapshot to the next (NameWidths). */
export function widestName(batches: readonly BatchSnapshot[]): number {
	return WIDTHS.widest(batches);
}

/**
 * The name each batch's row shows in `width` columns, computed for the whole list (ListNames keeps the
 * same answer from one list to the next, and looks one row up at a time): shortened in the middle when it must be, and,
 * where two rows would then read the same, the name shortened further to make room for the batch id
 * (`ukb-w…rt-07 8606757`): two rows that look alike are never two batches the user cannot tell apart.
 */
export function listNames(
	batches: readonly BatchSnapshot[],
	width: number,
	ellipsis = '…',
): ReadonlyMap<string, string> {
	const shown = new Map<string, string>();
	const seen = new Map<string, number>();
	for (const batch of batches) {
		const text = shortenMiddle(rowName(batch), width, ellipsis);
		shown.set(batch.id, text);
		seen.set(text, (seen.get(text) ?? 0) + 1);
	}
	for (const batch of batches) {
		const text = shown.get(batch.id) ?? '';
		if ((seen.get(text) ?? 0) < 2 || rowName(batch) === batch.id) continue;
		const room = width - widthOf(batch.id) - 1;
		shown.set(
			batch.id,
			room >= 4 ? `${shortenMiddle(rowName(batch), room, ellipsis)} ${batch.id}` : batch.id,
		);
	}
	return shown;
}
