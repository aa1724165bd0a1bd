import {styledCharsToString, type StyledChar} from '@alcalzone/ansi-tokenize';
import {lineCells, WIDE_TAIL, type Cell} from './terminal-cells.js';

const CSI = '\u001b[';
const ERASE_BELOW = `${CSI}J`;
const HOME = `${CSI}H`;
const ERASE_LINE_END = `${CSI}K`;

/** What is on the screen after an update: the frame's lines as Ink gave them, and their cells. */
export interface PaintedFrame {
	/** Ink's lines, to tell unchanged lines without parsing them. */
	readonly lines: readonly string[];
	readonly cells: ReadonlyArray<readonly Cell[]>;
	/** The terminal's width the cells were cut to. */
	readonly columns: number;
}

/** Gaps of at most this many unchanged cells are rewritten rather than skipped: a cursor move costs as much. */
const MERGE_GAP = 4;

export interface PaintOptions {
	/** On the alternate screen a whole repaint starts from the top-left corner, wherever the cursor is. */
	readonly alternateScreen: boolean;
	/** Repaint everything (after a resize, Ctrl-Z or Ctrl-L): the screen may not show `previous`, nor where it was. */
	readonly whole?: boolean;
	/** The terminal's size: lines are cut at `columns`, and at most `rows - 1` lines are drawn, so nothing wraps or scrolls. */
	readonly columns: number;
	readonly rows: number;
	/** A line's cells (lineCells, or a memo of it: the spinner's row comes back with each glyph). */
	readonly cellsOf?: (line: string, columns: number) => Cell[];
}

/**
 * The bytes that turn the painted frame into `frame` (text, or its lines), rewriting only the cells that changed.
 * The cursor rests at column 0 of the row below the frame between updates, as after a whole paint,
 * so every move is relative and the same code serves the normal and the alternate screen.
 */
export function paintFrame(
	previous: PaintedFrame | undefined,
	frame: string | readonly string[],
	options: PaintOptions,
): {readonly bytes: string; readonly painted: PaintedFrame} {
	const {columns} = options;
	// A frame taller than the screen would scroll it, and every relative move after that would miss.
	const lines = (typeof frame === 'string' ? frame.split('\n') : frame).slice(
		0,
		Math.max(1, options.rows - 1),
	);
	const reuse = previous?.columns === columns ? previous : undefined;
	const cellsOf = options.cellsOf ?? lineCells;
	const cells = lines.map((line, index) =>
		reuse && reuse.lines[index] === line ? reuse.cells[index]! : cellsOf(line, columns),
	);
	const painted: PaintedFrame = {lines, cells, columns};
	if (!previous || options.whole || !reuse || previous.lines.length !== lines.length) {
		// After a resize (the terminal may have reflowed what it showed) or Ctrl-L, where the old frame is
		// is unknown: start from the top-left corner on either screen. Only a change of height with the
		// screen as painted can repaint in place on the normal screen.
		const clear =
			options.alternateScreen || options.whole || (previous && !reuse)
				? HOME + ERASE_BELOW
				: previous
					? cursorUp(previous.lines.length) + '\r' + ERASE_BELOW
					: '';
		const text = cells.map((line) => styledCharsToString(drawable(line))).join('\n');
		return {bytes: `${clear}${text}\n`, painted};
	}
	const height = lines.length;
	let row = height;
	let column = 0;
	let bytes = '';
	for (let index = 0; index < height; index++) {
		const before = reuse.cells[index]!;
		const after = cells[index]!;
		if (before === after) continue;
		for (const run of changedRuns(before, after)) {
			if (index !== row) bytes += index < row ? cursorUp(row - index) : cursorDown(index - row);
			row = index;
			if (column !== run.start) bytes += run.start === 0 ? '\r' : `${CSI}${run.start + 1}G`;
			bytes += styledCharsToString(run.cells);
			if (run.eraseRest) bytes += ERASE_LINE_END;
			// Past the last column the terminal waits to wrap; no run starts there, so the next one moves.
			column = run.end;
		}
	}
	if (bytes === '') return {bytes, painted};
	return {bytes: `${bytes}${cursorDown(height - row)}\r`, painted};
}

const drawable = (cells: readonly Cell[]): StyledChar[] =>
	cells.filter((cell): cell is StyledChar => cell !== WIDE_TAIL);

interface Run {
	readonly start: number;
	readonly end: number;
	readonly cells: StyledChar[];
	/** The rest of the line is blank now but was not: one erase instead of spaces. */
	readonly eraseRest: boolean;
}

/** The spans of columns whose cells differ, merged across short gaps and widened to whole wide characters. */
function changedRuns(before: readonly Cell[], after: readonly Cell[]): Run[] {
	const afterEnd = contentEnd(after);
	const width = Math.max(contentEnd(before), afterEnd);
	const runs: Array<{start: number; end: number}> = [];
	for (let index = 0; index < width; index++) {
		if (sameCell(before[index], after[index])) continue;
		const last = runs.at(-1);
		if (last && index - last.end <= MERGE_GAP) last.end = index + 1;
		else runs.push({start: index, end: index + 1});
	}
	const beforeEnd = contentEnd(before);
	return runs.map(({start, end}) => {
		let from = start;
		while (from > 0 && (after[from] === WIDE_TAIL || before[from] === WIDE_TAIL)) from--;
		let to = end;
		while (to < afterEnd && after[to] === WIDE_TAIL) to++;
		const stop = Math.min(to, afterEnd);
		// Erase only what is left of the old line: an erase right after the last column would also take
		// the character just written there (the cursor waits on it to wrap).
		const eraseRest = to >= afterEnd && beforeEnd > stop;
		const cells = drawable(after.slice(from, stop));
		// A row that went blank from `from` on: the cursor stays where the erase left it, not at `stop`.
		return {start: from, end: Math.max(from, stop), cells, eraseRest};
	});
}

/** Columns up to the last one that shows something (trailing plain spaces show nothing). */
function contentEnd(cells: readonly Cell[]): number {
	let end = cells.length;
	while (end > 0 && isBlank(cells[end - 1])) end--;
	return end;
}

function isBlank(cell: Cell | undefined): boolean {
	return cell === undefined || (cell !== WIDE_TAIL && cell.value === ' ' && cell.styles.length === 0);
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
	if (isBlank(a) && isBlank(b)) return true;
	if (a === undefined || b === undefined || a === WIDE_TAIL || b === WIDE_TAIL) return a === b;
	if (a.value !== b.value || a.styles.length !== b.styles.length) return false;
	return a.styles.every((style, index) => style.code === b.styles[index]?.code);
}

function cursorUp(rows: number): string {
	return rows > 0 ? `${CSI}${rows}A` : '';
}

function cursorDown(rows: number): string {
	return rows > 0 ? `${CSI}${rows}B` : '';
}
