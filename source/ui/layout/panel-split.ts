/** How the panel's rows are shared below the batch's own lines. */
export interface PanelSplit {
	/** Rows for more of the selected batch (throughput sparkline, default run setting). */
	readonly extraRows: number;
	/** Rows for the event timeline, its title row included (0: not shown). */
	readonly timelineRows: number;
}

/** The timeline is shown where its title and at least two entries fit. */
export const MIN_TIMELINE_ROWS = 3;

/**
 * Shares the rows the panel's own lines leave: the timeline first, as many rows as it has entries
 * (at least MIN_TIMELINE_ROWS); then more of the batch in what is left; anything still left goes to
 * the timeline again, which scrolls. So the spare rows fill whenever there is anything to put in them.
 */
export function panelSplit(
	rows: number,
	coreLines: number,
	extraLines: number,
	timelineEntries: number,
): PanelSplit {
	const spare = Math.max(0, rows - coreLines);
	if (spare < MIN_TIMELINE_ROWS) return {extraRows: Math.min(spare, extraLines), timelineRows: 0};
	const wanted = Math.min(spare, Math.max(MIN_TIMELINE_ROWS, timelineEntries + 1));
	const extraRows = Math.min(extraLines, spare - wanted);
	return {extraRows, timelineRows: spare - extraRows};
}
