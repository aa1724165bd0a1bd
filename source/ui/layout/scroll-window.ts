/**
 * Which items of a scrolled list fit in `rows`, when a row is given up to say `↑ N more` above and
 * another to say `↓ N more` below, each only when something is hidden on that side.
 */
export interface ScrollWindow {
	/** First item shown. */
	readonly start: number;
	/** One past the last item shown. */
	readonly end: number;
	/** Items hidden above (the `↑ N more` row is shown when > 0). */
	readonly above: number;
	/** Items hidden below (the `↓ N more` row is shown when > 0). */
	readonly below: number;
}

const window = (count: number, start: number, end: number): ScrollWindow => ({
	start,
	end,
	above: start,
	below: count - end,
});

/** With fewer than three rows there is no room for both markers and an item: plain slicing. */
const MIN_MARKED_ROWS = 3;

/** The largest useful offset of text scrolled in `rows`: its last line shown under the `↑ N more` row. */
export function maxScrollOffset(count: number, rows: number): number {
	if (count <= rows) return 0;
	if (rows < MIN_MARKED_ROWS) return Math.max(0, count - rows);
	return count - (rows - 1);
}

/** The window of text scrolled down by `offset` lines (clamped to maxScrollOffset). */
export function scrollWindow(count: number, rows: number, offset: number): ScrollWindow {
	if (count <= rows || rows <= 0) return window(count, 0, Math.min(count, Math.max(0, rows)));
	const start = Math.max(0, Math.min(offset, maxScrollOffset(count, rows)));
	if (rows < MIN_MARKED_ROWS) return window(count, start, Math.min(count, start + rows));
	const room = rows - (start > 0 ? 1 : 0);
	if (start + room >= count) return window(count, start, count);
	return window(count, start, start + room - 1);
}

/** The window of a list that keeps `selected` shown, near the middle while it scrolls. */
export function selectionWindow(count: number, selected: number, rows: number): ScrollWindow {
	if (count <= rows || rows <= 0) return window(count, 0, Math.min(count, Math.max(0, rows)));
	if (rows < MIN_MARKED_ROWS) {
		const start = Math.min(Math.max(0, selected - Math.floor(rows / 2)), count - rows);
		return window(count, start, start + rows);
	}
	const middle = rows - 2;
	const start = selected - Math.floor(middle / 2);
	if (start <= 0) return window(count, 0, rows - 1);
	if (start + middle >= count - 1) return window(count, count - (rows - 1), count);
	return window(count, start, start + middle);
}
