import {styledCharsFromTokens, tokenize, type StyledChar} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';

/** One terminal column: a character with its styles, or the right half of a wide character. */
export type Cell = StyledChar | typeof WIDE_TAIL;
export const WIDE_TAIL = Symbol('wide-tail');

// Ink lays a frame out with string-width, one grapheme at a time, giving each at least one column. A
// terminal measures with its own tables, and terminals disagree about emoji, ZWJ sequences, flags,
// combining marks left over after NFC, zero-width and private-use characters: where they disagree with
// Ink, every cell after that character lands in another column than the frame sink believes, and the
// screen drifts from the frame until a full repaint. Such graphemes are drawn as "?" in the columns Ink
// gave them, so what Ink measured is what every terminal shows.
const UNSTABLE =
	/[\p{Emoji_Presentation}\p{Regional_Indicator}\p{M}\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Zl}\p{Zp}\uFE0E\uFE0F]/u;

/** A grapheme as the terminal should get it, and the columns it takes (as Ink laid it out). */
interface Drawn {
	readonly value: string;
	readonly width: number;
}

const drawnCache = new Map<string, Drawn>();
const CACHE_LIMIT = 4096;

/** How one grapheme is drawn: itself when every terminal agrees on its width, else "?" in its columns. */
export function drawnGrapheme(grapheme: string): Drawn {
	if (grapheme.length === 1) {
		const code = grapheme.charCodeAt(0);
		if (code >= 0x20 && code < 0x7f) return {value: grapheme, width: 1};
	}
	const cached = drawnCache.get(grapheme);
	if (cached) return cached;
	const width = Math.max(1, stringWidth(grapheme));
	const composed = grapheme.normalize('NFC');
	const stable = [...composed].length === 1 && !UNSTABLE.test(composed) && stringWidth(composed) === width;
	const drawn = {value: stable ? composed : '?'.repeat(width), width};
	if (drawnCache.size >= CACHE_LIMIT) drawnCache.clear();
	drawnCache.set(grapheme, drawn);
	return drawn;
}

/** A frame line as terminal cells, cut at `columns`: exactly the columns Ink's layout gave each grapheme. */
export function lineCells(line: string, columns: number): Cell[] {
	const cells: Cell[] = [];
	for (const char of styledCharsFromTokens(tokenize(line))) {
		const {value, width} = drawnGrapheme(char.value);
		if (cells.length + width > columns) break;
		cells.push(value === char.value ? char : {...char, value, fullWidth: width > 1});
		for (let tail = 1; tail < width; tail++) cells.push(WIDE_TAIL);
	}
	return cells;
}
