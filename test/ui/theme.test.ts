import {describe, expect, it} from 'vitest';
import {wantsAscii, wantsColor} from '../../source/ui/theme/glyphs.js';
import {screenLayout} from '../../source/ui/layout/screen-layout.js';
import {selectionWindow} from '../../source/ui/layout/scroll-window.js';

describe('terminal capabilities', () => {
	it.each([
		[undefined, {}, true],
		[undefined, {NO_COLOR: '1'}, false],
		[undefined, {NO_COLOR: ''}, true],
		[undefined, {NO_COLOR: '1', FORCE_COLOR: '1'}, true],
		[undefined, {FORCE_COLOR: '0'}, false],
		[false, {FORCE_COLOR: '1'}, false],
	])('--color=%s with %j gives colour %s', (flag, env, expected) => {
		expect(wantsColor(flag, env)).toBe(expected);
	});

	it('uses ASCII for --ascii and for TERM=dumb or linux', () => {
		expect(wantsAscii(true, {})).toBe(true);
		expect(wantsAscii(false, {TERM: 'dumb'})).toBe(true);
		expect(wantsAscii(false, {TERM: 'linux'})).toBe(true);
		expect(wantsAscii(false, {TERM: 'xterm-256color'})).toBe(false);
	});
});

describe('screen layout', () => {
	it.each([
		[120, 40, 'wide'],
		[100, 16, 'wide'],
		[99, 30, 'medium'],
		[60, 16, 'medium'],
		[59, 30, 'narrow'],
		[80, 15, 'narrow'],
		[40, 10, 'narrow'],
		[39, 30, 'too-small'],
		[80, 9, 'too-small'],
	])('%ix%i is %s, and the frame stays below the last row', (columns, rows, kind) => {
		const layout = screenLayout(columns, rows, 20);
		expect(layout.kind).toBe(kind);
		expect(layout.frameRows).toBe(rows - 1);
		if (kind === 'wide') expect(layout.listColumns + 1 + layout.panelColumns).toBe(columns);
		if (kind === 'medium') expect(layout.listRows + 1 + layout.panelRows).toBe(layout.bodyRows);
	});

	it('keeps the selection inside the list window, with a row for each "N more" marker', () => {
		for (const selected of [0, 1, 10, 12, 500, 986, 998, 999]) {
			const window = selectionWindow(1000, selected, 25);
			expect(selected).toBeGreaterThanOrEqual(window.start);
			expect(selected).toBeLessThan(window.end);
			const markers = (window.above > 0 ? 1 : 0) + (window.below > 0 ? 1 : 0);
			expect(window.end - window.start + markers).toBe(25);
			expect(window.above + (window.end - window.start) + window.below).toBe(1000);
		}
		expect(selectionWindow(5, 4, 25)).toEqual({start: 0, end: 5, above: 0, below: 0});
	});
});
