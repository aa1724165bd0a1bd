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

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/**
 * Wide (>= 100 columns): list beside panel. Medium: list above panel. Narrow (< 60 columns or
 * < 16 rows): one batch at a time. Below 40x10: nothing but a message.
 */
export function screenLayout(columns: number, rows: number, batchCount: number): ScreenLayout {
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
		const listColumns = Math.min(56, Math.max(40, Math.floor(columns * 0.4)));
		return {
			...base,
			kind: 'wide',
			listColumns,
			listRows: bodyRows,
			panelColumns: columns - listColumns - 1,
			panelRows: bodyRows,
		};
	}
	const listRows = Math.min(Math.max(1, batchCount), Math.max(3, Math.floor(bodyRows * 0.35)));
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
	if (!detailOpen || layout.kind === 'too-small')
		return {listTitle: false, listRows: layout.listRows, panelTitle: false, panelRows: layout.panelRows};
	const listTitle = layout.listRows > 1;
	return {
		listTitle,
		listRows: layout.listRows - (listTitle ? 1 : 0),
		panelTitle: true,
		panelRows: Math.max(0, layout.panelRows - (layout.kind === 'medium' ? 0 : 1)),
	};
}
