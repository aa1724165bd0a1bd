/** Where a mouse report happened: 0-based column and row of the terminal's cell. */
export interface MousePoint {
	readonly column: number;
	readonly row: number;
}

/** A mouse report, as far as batchtop cares: the wheel, a button pressed, or something it ignores. */
export type MouseEvent =
	| (MousePoint & {readonly kind: 'wheel'; readonly direction: 'up' | 'down'})
	| (MousePoint & {readonly kind: 'press'; readonly button: 'left' | 'middle' | 'right'})
	| (MousePoint & {readonly kind: 'other'});

/** Input with the terminal's mouse reports taken out: the keys that remain, the reports, and an unfinished tail. */
export interface SplitInput {
	/** Everything that is not a mouse report, in order: for the key parser. */
	readonly text: string;
	readonly events: readonly MouseEvent[];
	/** The start of a report (or an escape that may begin one) at the end of the input: wait for more. */
	readonly rest: string;
}

const ESC = '\u001b';
/* eslint-disable no-control-regex -- the terminal's reports start with ESC: matching it is the point */
// SGR (mode 1006): ESC [ < button ; column ; row, then M (press, wheel) or m (release).
const SGR_REPORT = /\u001b\[<(\d{1,5});(\d{1,5});(\d{1,5})([Mm])/y;
// The start of an SGR report that may still be arriving.
const SGR_START = /^\u001b\[<[\d;]*$/;
// Anything else that starts like an SGR report is no key either: dropped up to its final byte.
const SGR_MALFORMED = /\u001b\[<[\x20-\x3f]*[\x40-\x7e]?/y;
// X10 encoding (mode 1000 without 1006, on terminals without SGR): ESC [ M and three bytes, each value + 32.
/* eslint-enable no-control-regex */
const X10_PREFIX = `${ESC}[M`;

/** Decodes the button byte (xterm's ctlseqs "Mouse Tracking"): wheel is +64, motion +32, modifiers +4/+8/+16. */
export function mouseEvent(code: number, point: MousePoint, released: boolean): MouseEvent {
	if (code & 32) return {kind: 'other', ...point};
	if (code & 64) {
		const wheel = code & 3;
		if (wheel === 0) return {kind: 'wheel', direction: 'up', ...point};
		if (wheel === 1) return {kind: 'wheel', direction: 'down', ...point};
		return {kind: 'other', ...point};
	}
	const button = code & 3;
	if (released || button === 3) return {kind: 'other', ...point};
	return {kind: 'press', button: button === 0 ? 'left' : button === 1 ? 'middle' : 'right', ...point};
}

/**
 * Takes the mouse reports out of terminal input (SGR, and X10 for terminals that ignore mode 1006),
 * so that none of their bytes is ever taken for a key. Pure: an unfinished report at the end comes
 * back as `rest`, to be put before the next input.
 */
export function splitMouseReports(input: string): SplitInput {
	const events: MouseEvent[] = [];
	let text = '';
	let index = 0;
	while (index < input.length) {
		const escape = input.indexOf(ESC, index);
		if (escape === -1) {
			text += input.slice(index);
			break;
		}
		text += input.slice(index, escape);
		const tail = input.slice(escape);
		// ESC, ESC [ or ESC [ < … at the very end may be the start of a report cut by the read.
		if (tail === ESC || tail === `${ESC}[` || SGR_START.test(tail)) return {text, events, rest: tail};
		SGR_REPORT.lastIndex = escape;
		const sgr = SGR_REPORT.exec(input);
		if (sgr) {
			const point = {column: Number(sgr[2]) - 1, row: Number(sgr[3]) - 1};
			events.push(mouseEvent(Number(sgr[1]), point, sgr[4] === 'm'));
			index = SGR_REPORT.lastIndex;
			continue;
		}
		if (input.startsWith(`${ESC}[<`, escape)) {
			SGR_MALFORMED.lastIndex = escape;
			SGR_MALFORMED.exec(input);
			index = Math.max(escape + 3, SGR_MALFORMED.lastIndex);
			continue;
		}
		if (input.startsWith(X10_PREFIX, escape)) {
			const bytes = [...input.slice(escape + 3, escape + 6)];
			if (bytes.length < 3) return {text, events, rest: tail};
			const [code, column, row] = bytes.map((byte) => byte.codePointAt(0)! - 32) as [number, number, number];
			events.push(mouseEvent(code, {column: column - 1, row: row - 1}, false));
			index = escape + 3 + bytes.reduce((sum, byte) => sum + byte.length, 0);
			continue;
		}
		text += ESC;
		index = escape + 1;
	}
	return {text, events, rest: ''};
}
