import {describe, expect, it} from 'vitest';
import {maxScrollOffset, scrollWindow, selectionWindow} from '../../../source/ui/layout/scroll-window.js';

describe('scroll windows', () => {
	it('shows everything with no markers when it fits', () => {
		expect(scrollWindow(5, 5, 3)).toEqual({start: 0, end: 5, above: 0, below: 0});
		expect(selectionWindow(5, 4, 5)).toEqual({start: 0, end: 5, above: 0, below: 0});
	});

	it('gives up a row to each marker that has something to count, and never hides the selection', () => {
		// 12 batches in 7 rows (80x24): 6 rows and "↓ 6 more" at the top, the selection in the middle later.
		expect(selectionWindow(12, 0, 7)).toEqual({start: 0, end: 6, above: 0, below: 6});
		expect(selectionWindow(12, 6, 7)).toEqual({start: 4, end: 9, above: 4, below: 3});
		expect(selectionWindow(12, 11, 7)).toEqual({start: 6, end: 12, above: 6, below: 0});
		for (let selected = 0; selected < 12; selected++) {
			const window = selectionWindow(12, selected, 7);
			expect(selected).toBeGreaterThanOrEqual(window.start);
			expect(selected).toBeLessThan(window.end);
			expect(window.end - window.start + (window.above > 0 ? 1 : 0) + (window.below > 0 ? 1 : 0)).toBe(7);
		}
	});

	it('scrolls text until its last line shows under the "↑ N more" row, and no further', () => {
		expect(maxScrollOffset(25, 10)).toBe(16);
		expect(scrollWindow(25, 10, 0)).toEqual({start: 0, end: 9, above: 0, below: 16});
		expect(scrollWindow(25, 10, 5)).toEqual({start: 5, end: 13, above: 5, below: 12});
		expect(scrollWindow(25, 10, 99)).toEqual({start: 16, end: 25, above: 16, below: 0});
	});
});
