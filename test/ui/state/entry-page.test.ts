import {describe, expect, it} from 'vitest';
import {entryPage} from '../../../source/ui/state/entry-page.js';

describe('entryPage', () => {
	const heights = [1, 3, 2, 1, 4, 1, 1, 2];
	const heightOf = (index: number) => heights[index];
	it('fills the rows from the top while the cursor is on them', () => {
		expect(entryPage(0, 0, 6, heights.length, heightOf)).toEqual({start: 0, end: 3});
		expect(entryPage(2, 3, 6, heights.length, heightOf)).toEqual({start: 2, end: 4});
	});
	it('moves so that a cursor below the page sits on the last rows', () => {
		// Entry 4 (4 rows) and entry 3 (1 row) fit 6 rows; entry 2 (2 rows) does not.
		expect(entryPage(0, 4, 6, heights.length, heightOf)).toEqual({start: 3, end: 5});
	});
	it('moves up to a cursor above the page, and shows an entry taller than the rows alone', () => {
		expect(entryPage(5, 1, 6, heights.length, heightOf)).toEqual({start: 1, end: 4});
		expect(entryPage(0, 4, 2, heights.length, heightOf)).toEqual({start: 4, end: 5});
	});
	it('shows nothing when nothing is loaded', () => {
		expect(entryPage(0, 0, 6, 0, heightOf)).toEqual({start: 0, end: 0});
	});
});
