/** How a list row is cut into columns: the name's width, whether the mini-bar is drawn, or the strip. */
export interface ListColumns {
	readonly width: number;
	/** Columns for the name (shortened in the middle beyond). */
	readonly nameWidth: number;
	readonly bar: boolean;
	/** The strip beside an open detail pane: marker, short status and name only. */
	readonly strip: boolean;
}

/** Marker 2, space 1, status badge 12, runs done/total 10, data age 5: the name takes the rest. */
export const ROW_FIXED_COLUMNS = 2 + 1 + 12 + 10 + 5;
/** The mini-bar: 8 cells and a space. */
export const ROW_BAR_COLUMNS = 9;
/** The strip's marker 2 and short status 5 (four letters and a space). */
export const STRIP_FIXED_COLUMNS = 2 + 5;
/** A name shortened to fewer columns than this says little: below it the bar gives its room back. */
const MIN_NAME_WITH_BAR = 17;

/**
 * The columns of a list `width` wide whose widest name is `widestName`: with the bar when the whole
 * name fits beside it, without it when only then the name fits whole, and with it again when the name
 * must be shortened anyway but keeps MIN_NAME_WITH_BAR columns.
 */
export function listColumns(width: number, widestName: number, strip = false): ListColumns {
	if (strip) return {width, nameWidth: Math.max(1, width - STRIP_FIXED_COLUMNS), bar: false, strip};
	const withBar = width - ROW_FIXED_COLUMNS - ROW_BAR_COLUMNS;
	const withoutBar = width - ROW_FIXED_COLUMNS;
	const bar = withBar >= widestName || (withoutBar < widestName && withBar >= MIN_NAME_WITH_BAR);
	return {width, nameWidth: Math.max(4, bar ? withBar : withoutBar), bar, strip};
}

/** The width a list needs to show names of `widestName` columns whole: with the bar, or without it. */
export function listWidthFor(widestName: number, bar: boolean): number {
	return widestName + ROW_FIXED_COLUMNS + (bar ? ROW_BAR_COLUMNS : 0);
}

/** The strip's width for names of `widestName` columns: 16 to 24 columns. */
export function stripWidthFor(widestName: number): number {
	return Math.min(24, Math.max(16, STRIP_FIXED_COLUMNS + widestName));
}
