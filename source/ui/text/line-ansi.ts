import type {ColorName, Line, Span} from './styled-line.js';
import {SPINNER_MARK, withoutSpinnerMark} from './spinner-mark.js';

const FOREGROUND: Readonly<Record<ColorName, number>> = {
	red: 31,
	green: 32,
	yellow: 33,
	blue: 34,
	magenta: 35,
	cyan: 36,
	white: 37,
	gray: 90,
};

/** One span with its SGR codes, closed again after it; colours only when `color`, emphasis always. */
export function spanToAnsi(span: Span, color: boolean): string {
	return styled(withoutSpinnerMark(span.text), span, color);
}

/** The spinner's mark in the style of `span` (the glyph it stands for): the frame sink draws the glyph there. */
export function spinnerMarkToAnsi(span: Span, color: boolean): string {
	return styled(SPINNER_MARK, span, color);
}

function styled(text: string, span: Span, color: boolean): string {
	const codes: number[] = [];
	if (span.bold) codes.push(1);
	if (span.dim) codes.push(2);
	if (span.inverse) codes.push(7);
	if (color && span.color) codes.push(FOREGROUND[span.color]);
	return codes.length === 0 || text === '' ? text : `\u001b[${codes.join(';')}m${text}\u001b[0m`;
}

const cache = {colour: new WeakMap<Line, string>(), plain: new WeakMap<Line, string>()};

/**
 * A line as one string with SGR codes, remembered per line object: Ink then lays out one text node per
 * row instead of one per span, and an unchanged row costs nothing to rebuild.
 */
export function lineToAnsi(line: Line, color: boolean): string {
	const memo = color ? cache.colour : cache.plain;
	let text = memo.get(line);
	if (text === undefined) {
		text = line.map((span) => spanToAnsi(span, color)).join('');
		memo.set(line, text);
	}
	return text;
}
