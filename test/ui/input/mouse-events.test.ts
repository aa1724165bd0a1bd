import {describe, expect, it} from 'vitest';
import {splitMouseReports} from '../../../source/ui/input/mouse-events.js';

const sgr = (button: number, column: number, row: number, final = 'M') =>
	`\u001b[<${button};${column};${row}${final}`;

describe('splitMouseReports', () => {
	it('takes SGR reports out and decodes wheel, presses and releases (0-based cells)', () => {
		const split = splitMouseReports(`${sgr(64, 3, 4)}${sgr(65, 3, 4)}${sgr(0, 10, 5)}${sgr(0, 10, 5, 'm')}`);
		expect(split.text).toBe('');
		expect(split.rest).toBe('');
		expect(split.events).toEqual([
			{kind: 'wheel', direction: 'up', column: 2, row: 3},
			{kind: 'wheel', direction: 'down', column: 2, row: 3},
			{kind: 'press', button: 'left', column: 9, row: 4},
			{kind: 'other', column: 9, row: 4},
		]);
	});

	it('keeps keys around and between reports, in order', () => {
		const split = splitMouseReports(`j${sgr(2, 1, 1)}k\u001b[A/x`);
		expect(split.text).toBe('jk\u001b[A/x');
		expect(split.events).toEqual([{kind: 'press', button: 'right', column: 0, row: 0}]);
	});

	it('ignores motion, modifiers aside, and wheel left/right', () => {
		expect(splitMouseReports(sgr(32, 1, 1)).events).toEqual([{kind: 'other', column: 0, row: 0}]);
		expect(splitMouseReports(sgr(66, 1, 1)).events).toEqual([{kind: 'other', column: 0, row: 0}]);
		// Ctrl (+16) with the wheel is still the wheel.
		expect(splitMouseReports(sgr(80, 1, 1)).events).toEqual([
			{kind: 'wheel', direction: 'up', column: 0, row: 0},
		]);
	});

	it('holds back a report cut by the read, and a trailing escape, for the next input', () => {
		const first = splitMouseReports(`q\u001b[<0;12`);
		expect(first).toEqual({text: 'q', events: [], rest: '\u001b[<0;12'});
		const second = splitMouseReports(`${first.rest};5M`);
		expect(second.events).toEqual([{kind: 'press', button: 'left', column: 11, row: 4}]);
		expect(splitMouseReports('a\u001b')).toEqual({text: 'a', events: [], rest: '\u001b'});
		expect(splitMouseReports('\u001b[')).toEqual({text: '', events: [], rest: '\u001b['});
	});

	it('drops a malformed SGR report rather than passing its bytes on as keys', () => {
		const split = splitMouseReports('\u001b[<1;2;3;4;5Mz');
		expect(split.text).toBe('z');
	});

	it('decodes the X10 encoding of terminals without mode 1006', () => {
		const x10 = (code: number, column: number, row: number) =>
			`\u001b[M${String.fromCodePoint(code + 32, column + 32, row + 32)}`;
		const split = splitMouseReports(`${x10(0, 5, 6)}${x10(65, 1, 1)}n`);
		expect(split.text).toBe('n');
		expect(split.events).toEqual([
			{kind: 'press', button: 'left', column: 4, row: 5},
			{kind: 'wheel', direction: 'down', column: 0, row: 0},
		]);
	});
});
