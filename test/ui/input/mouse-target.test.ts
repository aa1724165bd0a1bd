import {describe, expect, it} from 'vitest';
import {batchIndexAt, type ListGeometry} from '../../../source/ui/input/mouse-target.js';

// A list 40 columns wide from screen row 1 (below the header), 10 rows, scrolled to batches 5-13
// of 30: row 1 says `↑ 5 more`, rows 2-10 are batches 5-13 (and the `↓ N more` row is batch 14's place).
const list: ListGeometry = {firstRow: 1, firstColumn: 0, columns: 40, rows: 10, start: 5, end: 13, above: 5};

describe('batchIndexAt', () => {
	it('gives the batch of the row under the pointer', () => {
		expect(batchIndexAt({column: 3, row: 2}, list)).toBe(5);
		expect(batchIndexAt({column: 39, row: 9}, list)).toBe(12);
	});

	it('gives none on the `more` rows, the header, beside the list or below it', () => {
		expect(batchIndexAt({column: 3, row: 1}, list)).toBeUndefined();
		expect(batchIndexAt({column: 3, row: 10}, list)).toBeUndefined();
		expect(batchIndexAt({column: 3, row: 0}, list)).toBeUndefined();
		expect(batchIndexAt({column: 40, row: 3}, list)).toBeUndefined();
		expect(batchIndexAt({column: 3, row: 11}, list)).toBeUndefined();
	});

	it('starts at the first row when nothing is hidden above, and knows no list when it has no rows', () => {
		const top = {...list, start: 0, end: 9, above: 0};
		expect(batchIndexAt({column: 0, row: 1}, top)).toBe(0);
		expect(batchIndexAt({column: 0, row: 1}, {...top, firstRow: 2})).toBeUndefined();
		expect(batchIndexAt({column: 0, row: 1}, {...top, rows: 0})).toBeUndefined();
	});
});
