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

/** The first row to show so that `selected` stays visible, keeping it near the middle while scrolling. */
export function listWindowStart(count: number, selected: number, rows: number): number {
	if (count <= rows || rows <= 0) return 0;
	return Math.min(Math.max(0, selected - Math.floor(rows / 2)), count - rows);
}
