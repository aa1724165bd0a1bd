import {listWidthFor, stripWidthFor} from './list-columns.js';

/** Which arrangement fits the terminal. */
export type LayoutKind = 'wide' | 'medium' | 'narrow' | 'too-small';

export interface ScreenLayout {
	readonly kind: LayoutKind;
	readonly columns: number;
	/** Rows the frame may use: always below the terminal's height (a full-height frame flickers in Ink 6.8). */
	readonly frameRows: number;
	/** Rows between header and footer. */
	readonly bodyRows: number;
	/** Batch list: width and rows (0 when the layout shows one batch at a time). */
	readonly listColumns: number;
	readonly listRows: number;
	/** The main panel or detail pane. */
	readonly panelColumns: number;
	readonly panelRows: number;
}

/** What the layout fits the list to. */
export interface LayoutNeeds {
	/** The widest batch name, in columns: the wide list is as wide as that needs, within limits. */
	readonly widestName?: number;
	/** The detail pane is open: side by side, the list gives its room to it and becomes a strip. */
	readonly detailOpen?: boolean;
}

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** The wide list takes at most this share of the columns: the panel keeps the rest. */
const WIDE_LIST_SHARE = 0.45;
const WIDE_LIST_MIN = 40;

/**
 * The wide list's width: the names whole beside the mini-bar, else whole without it, else as wide as
 * WIDE_LIST_SHARE allows (the names are then shortened in the middle).
 */
export function wideListWidth(columns: number, widestName: number): number {
	const cap = Math.max(WIDE_LIST_MIN, Math.floor(columns * WIDE_LIST_SHARE));
	const withBar = listWidthFor(widestName, true);
	if (withBar <= cap) return Math.max(WIDE_LIST_MIN, withBar);
	return Math.max(WIDE_LIST_MIN, Math.min(cap, listWidthFor(widestName, false)));
}

/**
 * Wide (>= 100 columns): list beside panel; with the detail pane open the list is a strip
 * (stripWidthFor) and the detail pane has the rest. Medium: list above panel. Narrow (< 60 columns or
 * < 16 rows): one batch at a time. Below 40x10: nothing but a message.
 */
export function screenLayout(
	columns: number,
	rows: number,
	batchCount: number,
	needs: LayoutNeeds = {},
): ScreenLayout {
	const widestName = needs.widestName ?? 0;
	const frameRows = Math.max(1, rows - 1);
	const bodyRows = Math.max(0, frameRows - 2);
	const base = {columns, frameRows, bodyRows};
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return {
			...base,
			kind: 'too-small',
			listColumns: 0,
			listRows: 0,
			panelColumns: columns,
			panelRows: bodyRows,
		};
	}
	if (columns < 60 || rows < 16) {
		return {...base, kind: 'narrow', listColumns: 0, listRows: 0, panelColumns: columns, panelRows: bodyRows};
	}
	if (columns >= 100) {
		const listColumns = needs.detailOpen ? stripWidthFor(widestName) : wideListWidth(columns, widestName);
		return {
			...base,
			kind: 'wide',
			listColumns,
			listRows: bodyRows,
			panelColumns: columns - listColumns - 1,
			panelRows: bodyRows,
		};
	}
	// One row more than the batches: the header row.
	const listRows = Math.min(Math.max(1, batchCount) + 1, Math.max(3, Math.floor(bodyRows * 0.35)));
	return {
		...base,
		kind: 'medium',
		listColumns: columns,
		listRows,
		panelColumns: columns,
		panelRows: bodyRows - listRows - 1,
	};
}

/** Rows of each pane once the pane titles that show focus (only while the detail pane is open) are taken out. */
export interface PaneRows {
	/** The batch list has a title row. */
	readonly listTitle: boolean;
	/** The batch list has its header row (column names, the sort key). */
	readonly listHeader: boolean;
	/** Rows for batch rows and their `↑/↓ N more` markers. */
	readonly listRows: number;
	/** The panel (or detail pane) has a title row; in the medium layout it takes the rule's place. */
	readonly panelTitle: boolean;
	readonly panelRows: number;
}

/**
 * Where the pane titles go: with the detail pane open, both panes get one (the focused one
 * highlighted); in the medium layout the detail pane's title replaces the rule, so it costs no row.
 */
export function paneRows(layout: ScreenLayout, detailOpen: boolean): PaneRows {
	// The header goes where at least two batch rows stay beside it.
	const header = (rows: number) => rows >= 3;
	if (!detailOpen || layout.kind === 'too-small') {
		const listHeader = header(layout.listRows);
		return {
			listTitle: false,
			listHeader,
			listRows: layout.listRows - (listHeader ? 1 : 0),
			panelTitle: false,
			panelRows: layout.panelRows,
		};
	}
	const listTitle = layout.listRows > 1;
	const listHeader = header(layout.listRows - (listTitle ? 1 : 0));
	return {
		listTitle,
		listHeader,
		listRows: layout.listRows - (listTitle ? 1 : 0) - (listHeader ? 1 : 0),
		panelTitle: true,
		panelRows: Math.max(0, layout.panelRows - (layout.kind === 'medium' ? 0 : 1)),
	};
}
