import {
	styledCharsFromTokens,
	styledCharsToString,
	tokenize,
	type StyledChar,
} from '@alcalzone/ansi-tokenize';

const CSI = '\u001b[';
const ERASE_BELOW = `${CSI}J`;
const HOME = `${CSI}H`;
const ERASE_LINE_END = `${CSI}K`;

/** One terminal column: a character with its styles, or the right half of a wide character. */
type Cell = StyledChar | typeof WIDE_TAIL;
const WIDE_TAIL = Symbol('wide-tail');

/** What is on the screen after an update: the frame's lines, parsed into cells on demand. */
export interface PaintedFrame {
	readonly lines: readonly string[];
	/** Cells per line; filled lazily, only for lines that took part in a diff. */
	readonly cells: Array<Cell[] | undefined>;
}

/** Gaps of at most this many unchanged cells are rewritten rather than skipped: a cursor move costs as much. */
const MERGE_GAP = 4;

export interface PaintOptions {
	/** On the alternate screen a whole repaint starts from the top-left corner, wherever the cursor is. */
	readonly alternateScreen: boolean;
	/** Repaint everything (after a resize, Ctrl-Z or Ctrl-L): the screen may not show `previous`. */
	readonly whole?: boolean;
}

/**
 * The bytes that turn the painted frame into `frame`, rewriting only the cells that changed.
 * The cursor rests at column 0 of the row below the frame between updates, as after a whole paint,
 * so every move is relative and the same code serves the normal and the alternate screen.
 */
export function paintFrame(
	previous: PaintedFrame | undefined,
	frame: string,
	options: PaintOptions,
): {readonly bytes: string; readonly painted: PaintedFrame} {
	const lines = frame.split('\n');
	const painted: PaintedFrame = {lines, cells: new Array<Cell[] | undefined>(lines.length)};
	if (!previous || options.whole || previous.lines.length !== lines.length) {
		const clear = options.alternateScreen
			? HOME + ERASE_BELOW
			: previous
				? cursorUp(previous.lines.length) + '\r' + ERASE_BELOW
				: '';
		return {bytes: `${clear}${frame}\n`, painted};
	}
	const height = lines.length;
	let row = height;
	let column = 0;
	let bytes = '';
	for (let index = 0; index < height; index++) {
		const next = lines[index] ?? '';
		if (next === previous.lines[index]) {
			painted.cells[index] = previous.cells[index];
			continue;
		}
		const before = previous.cells[index] ?? toCells(previous.lines[index] ?? '');
		const after = toCells(next);
		painted.cells[index] = after;
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
	return runs.map(({start, end}) => {
		let from = start;
		while (from > 0 && (after[from] === WIDE_TAIL || before[from] === WIDE_TAIL)) from--;
		let to = end;
		while (to < afterEnd && after[to] === WIDE_TAIL) to++;
		const eraseRest = to >= afterEnd;
		const stop = Math.min(to, afterEnd);
		const cells = after.slice(from, stop).filter((cell): cell is StyledChar => cell !== WIDE_TAIL);
		// A row that went blank from `from` on: the cursor stays where the erase left it, not at `stop`.
		return {start: from, end: Math.max(from, stop), cells, eraseRest};
	});
}

function toCells(line: string): Cell[] {
	const cells: Cell[] = [];
	for (const char of styledCharsFromTokens(tokenize(line))) {
		cells.push(char);
		if (char.fullWidth) cells.push(WIDE_TAIL);
	}
	return cells;
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
