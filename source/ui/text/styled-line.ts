import stringWidth from 'string-width';

/** Named ANSI colours only: truecolor often does not survive SSH and tmux. */
export type ColorName = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'gray';

/** A run of text with one style. */
export interface Span {
	readonly text: string;
	readonly color?: ColorName;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly inverse?: boolean;
	/** Drawn as the turning spinner (the text stands for it in widths and where nothing animates). */
	readonly spinner?: boolean;
}

/** One terminal row. */
export type Line = readonly Span[];

// Rows are rebuilt from the same pieces on every render (bars of block characters, glyphs, labels), and
// string-width's way for anything past ASCII segments graphemes and tests emoji regexes per piece.
const knownWidths = new Map<string, number>();
const KNOWN_WIDTHS_LIMIT = 4096;
const CACHED_LENGTH = 256;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Display width of text (wide characters count two), remembered for short text beyond ASCII. */
export function widthOf(text: string): number {
	// Printable ASCII is one column a character (string-width's own fast path, without its second test).
	if (PRINTABLE_ASCII.test(text)) return text.length;
	if (text.length > CACHED_LENGTH) return stringWidth(text);
	let width = knownWidths.get(text);
	if (width === undefined) {
		width = stringWidth(text);
		if (knownWidths.size >= KNOWN_WIDTHS_LIMIT) knownWidths.clear();
		knownWidths.set(text, width);
	}
	return width;
}

/** Cuts text to at most `width` columns, ending with `ellipsis` when it had to cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (widthOf(text) <= width) return text;
	const room = width - widthOf(ellipsis);
	let result = '';
	let used = 0;
	for (const character of text) {
		const characterWidth = widthOf(character);
		if (used + characterWidth > room) break;
		result += character;
		used += characterWidth;
	}
	return room > 0 ? result + ellipsis : ellipsis.slice(0, width);
}

/** Truncates or pads text to exactly `width` columns. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
	const cut = truncate(text, width, ellipsis);
	const pad = ' '.repeat(Math.max(0, width - widthOf(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/** Total display width of a line. */
export function lineWidth(line: Line): number {
	return line.reduce((sum, span) => sum + widthOf(span.text), 0);
}

/** Cuts a line to at most `width` columns, keeping styles, so no row ever wraps. */
export function clipLine(line: Line, width: number, ellipsis = '…'): Line {
	if (lineWidth(line) <= width) return line;
	const result: Span[] = [];
	let remaining = width;
	for (const span of line) {
		const spanWidth = widthOf(span.text);
		if (spanWidth < remaining) {
			result.push(span);
			remaining -= spanWidth;
			continue;
		}
		result.push({...span, text: truncate(span.text, remaining, ellipsis)});
		break;
	}
	return result;
}
