import {describe, expect, it} from 'vitest';
import {allocateWidths, runSegments, submissionSegments} from '../../source/domain/progress-segments.js';
import {toBatchView} from '../../source/domain/batch-view.js';

describe('allocateWidths', () => {
	it('splits in proportion and sums exactly to the width', () => {
		expect(allocateWidths([50, 50], 10)).toEqual([5, 5]);
		expect(allocateWidths([1, 1, 1], 10)).toEqual([4, 3, 3]);
		expect(allocateWidths([0, 0], 10)).toEqual([0, 0]);
	});

	it('never hides a non-zero bucket while the width allows', () => {
		expect(allocateWidths([99_998, 1, 1], 20)).toEqual([18, 1, 1]);
		expect(allocateWidths([1, 100_000, 0, 1], 4)).toEqual([1, 2, 0, 1]);
	});

	it('gives the largest buckets one cell each when there are more buckets than cells', () => {
		expect(allocateWidths([5, 1, 9, 3], 2)).toEqual([1, 0, 1, 0]);
	});

	it('holds for 5,000 random cases: exact sum, minimum one cell, within one cell of the exact share otherwise', () => {
		let seed = 12345;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let round = 0; round < 5000; round++) {
			const counts = Array.from({length: 1 + Math.floor(random() * 9)}, () =>
				random() < 0.3 ? 0 : Math.floor(random() ** 4 * 100_000),
			);
			const width = Math.floor(random() * 120);
			const widths = allocateWidths(counts, width);
			const total = counts.reduce((a, b) => a + b, 0);
			const nonZero = counts.filter((count) => count > 0).length;
			expect(widths.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : width);
			if (nonZero <= width)
				counts.forEach((count, index) => count > 0 && expect(widths[index]).toBeGreaterThanOrEqual(1));
			counts.forEach((count, index) => count === 0 && expect(widths[index]).toBe(0));
		}
	});
});

describe('bars', () => {
	const view = toBatchView({
		id: '1',
		status: 'INPROGRESS',
		totalRuns: 100,
		submissionSummary: {
			successfulStartSubmissionCount: 90,
			failedStartSubmissionCount: 2,
			pendingStartSubmissionCount: 8,
		},
		runSummary: {completedRunCount: 40, failedRunCount: 5, runningRunCount: 45},
	});

	it('submission bar: successful / failed / pending of totalRuns', () => {
		expect(submissionSegments(view, 50).map((s) => [s.key, s.count, s.width])).toEqual([
			['successful', 90, 45],
			['failed', 2, 1],
			['pending', 8, 4],
		]);
	});

	it('runs bar: every state, then what has not started, filling the width', () => {
		const segments = runSegments(view, 40);
		expect(segments.reduce((sum, s) => sum + s.width, 0)).toBe(40);
		expect(segments.find((s) => s.key === 'notStarted')?.count).toBe(10);
		expect(segments.find((s) => s.key === 'runFailed')?.width).toBe(2);
	});
});
