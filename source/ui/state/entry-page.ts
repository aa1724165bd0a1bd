/** Which entries a page shows: [start, end). */
export interface EntryPage {
	readonly start: number;
	readonly end: number;
}

/**
 * The entries shown in `rows` from `top`, moved so that `cursor` is on screen whatever `top` says:
 * `heightOf(i)` is entry i's lines (undefined when it is not loaded), and `count` how many are loaded.
 * A cursor below the page is put on its last row, with the entries before it filling the rows above.
 */
export function entryPage(
	top: number,
	cursor: number,
	rows: number,
	count: number,
	heightOf: (index: number) => number | undefined,
): EntryPage {
	if (count <= 0 || rows <= 0) return {start: 0, end: 0};
	const last = Math.min(count - 1, Math.max(0, cursor));
	const fill = (start: number): number => {
		let used = 0;
		let end = start;
		while (end < count) {
			const height = heightOf(end) ?? 1;
			if (used + height > rows && end > start) break;
			used += height;
			end += 1;
		}
		return end;
	};
	let start = Math.max(0, Math.min(top, last));
	let end = fill(start);
	if (last >= end) {
		// Walk back from the cursor: it sits on the last rows, as many entries before it as fit.
		let used = heightOf(last) ?? 1;
		start = last;
		while (start > 0 && used + (heightOf(start - 1) ?? 1) <= rows) {
			start -= 1;
			used += heightOf(start) ?? 1;
		}
		end = last + 1;
	}
	return {start, end};
}
