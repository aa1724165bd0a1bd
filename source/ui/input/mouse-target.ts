import type {MousePoint} from './mouse-events.js';

/**
 * Where the batch list's rows are on the screen, as the layout placed them. Only these facts are
 * assumed: rows are one batch each, top to bottom from `firstRow`, in the window of the list that
 * is shown (a `↑ N more` row first when batches are hidden above, a `↓ N more` row last when some
 * are hidden below; those rows are no batch).
 */
export interface ListGeometry {
	/** Screen row (0-based) of the list's first row: below the header, the pane title, a column header. */
	readonly firstRow: number;
	/** Screen column (0-based) where the list starts, and its width. */
	readonly firstColumn: number;
	readonly columns: number;
	/** Rows the list may use (its `↑/↓ N more` rows included); 0 when no list is shown. */
	readonly rows: number;
	/** The window of batches shown (scroll-window's selectionWindow). */
	readonly start: number;
	readonly end: number;
	/** Batches hidden above: the first row then says `↑ N more`. */
	readonly above: number;
}

/** The index (in the visible list) of the batch on the list row at `point`, or undefined when it is not on one. */
export function batchIndexAt(point: MousePoint, list: ListGeometry): number | undefined {
	if (list.rows <= 0 || list.columns <= 0) return undefined;
	if (point.column < list.firstColumn || point.column >= list.firstColumn + list.columns) return undefined;
	const row = point.row - list.firstRow;
	if (row < 0 || row >= list.rows) return undefined;
	const index = list.start + row - (list.above > 0 ? 1 : 0);
	if (index < list.start || index >= list.end) return undefined;
	return index;
}
