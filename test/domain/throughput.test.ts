import {describe, expect, it} from 'vitest';
import {toBatchView} from '../../source/domain/batch-view.js';
import {
	estimateRemainingMs,
	isStalled,
	sampleOf,
	throughputPerMinute,
	unchangedForMs,
} from '../../source/domain/throughput.js';

const view = (completed: number, status = 'INPROGRESS') =>
	toBatchView({
		id: '1',
		status,
		totalRuns: 100,
		submissionSummary: {successfulStartSubmissionCount: 100},
		runSummary: {completedRunCount: completed, runningRunCount: 100 - completed},
	});

describe('throughput, ETA and stalls', () => {
	const history = [0, 10, 20, 30, 40].map((completed, minute) => sampleOf(view(completed), minute * 60_000));

	it('measures runs finished per minute over the window', () => {
		expect(throughputPerMinute(history, 4 * 60_000, 10 * 60_000)).toBe(10);
		expect(throughputPerMinute(history, 4 * 60_000, 60_000)).toBe(10);
		expect(throughputPerMinute(history.slice(0, 1), 0, 60_000)).toBeUndefined();
	});

	it('estimates the remaining time from the rate', () => {
		expect(estimateRemainingMs(view(40), 10)).toBe(6 * 60_000);
		expect(estimateRemainingMs(view(40), 0)).toBeUndefined();
		expect(estimateRemainingMs(view(100, 'PROCESSED'), 10)).toBeUndefined();
	});

	it('flags a stall when nothing moved for the configured time', () => {
		const still = [0, 1, 2, 3].map((minute) => sampleOf(view(40), minute * 60_000));
		expect(unchangedForMs(still, 3 * 60_000)).toBe(3 * 60_000);
		expect(isStalled(view(40), still, 3 * 60_000, 2 * 60_000)).toBe(true);
		expect(isStalled(view(40), history, 4 * 60_000, 2 * 60_000)).toBe(false);
		expect(isStalled(view(100, 'PROCESSED'), still, 3 * 60_000, 60_000)).toBe(false);
	});
});
