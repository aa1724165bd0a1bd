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

	it('hands the cells left after rounding down to the largest remainders (largest-remainder sharing)', () => {
		// Exact shares 3.6 / 3.3 / 3.1 of 10: floors give 9, the one cell left goes to the .6, not the first.
		expect(allocateWidths([36, 33, 31], 10)).toEqual([4, 3, 3]);
		expect(allocateWidths([31, 33, 36], 10)).toEqual([3, 3, 4]);
		// Shares 2.5 / 2.7 / 4.8 of 10: floors 2+2+4 = 8; the two cells go to .8 and .7, not to .5.
		expect(allocateWidths([25, 27, 48], 10)).toEqual([2, 3, 5]);
		let seed = 99;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let round = 0; round < 2000; round++) {
			const counts = Array.from(
				{length: 2 + Math.floor(random() * 6)},
				() => 1 + Math.floor(random() * 1000),
			);
			const width = 20 + Math.floor(random() * 100);
			const total = counts.reduce((a, b) => a + b, 0);
			const exact = counts.map((count) => (count / total) * width);
			// Only where the one-cell minimum changes nothing is the split pure largest remainder.
			if (exact.some((share) => share < 1)) continue;
			const widths = allocateWidths(counts, width);
			const remainders = exact.map((share) => share - Math.floor(share));
			const raised = widths.map((cells, index) => cells - Math.floor(exact[index] ?? 0));
			raised.forEach((extra) => expect([0, 1]).toContain(extra));
			// Every bucket that got an extra cell has a remainder at least as large as every one that did not.
			const lowestRaised = Math.min(1, ...remainders.filter((_, index) => raised[index] === 1));
			const highestNot = Math.max(0, ...remainders.filter((_, index) => raised[index] === 0));
			expect(lowestRaised).toBeGreaterThanOrEqual(highestNot);
		}
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
