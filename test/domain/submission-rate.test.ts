import {describe, expect, it} from 'vitest';
import {toBatchView} from '../../source/domain/batch-view.js';
import {
	estimateSubmissionRemainingMs,
	runsLeftToSubmit,
	submissionsPerMinute,
} from '../../source/domain/submission-rate.js';
import {throughputSeries} from '../../source/domain/throughput-series.js';
import type {CountSample} from '../../source/domain/throughput.js';

const sample = (at: number, submitted: number, done = 0): CountSample => ({
	at,
	status: 'SUBMITTING',
	done,
	submitted,
	signature: `${submitted},${done}`,
});
const view = (status: string, successful: number, failed: number) =>
	toBatchView(
		{
			id: '1',
			status,
			totalRuns: 100_000,
			submissionSummary: {successfulStartSubmissionCount: successful, failedStartSubmissionCount: failed},
		},
		'1',
	);

describe('the submission rate', () => {
	it('is the submissions seen per minute over the window, and says when all will be submitted', () => {
		const history = [sample(0, 0), sample(60_000, 50), sample(120_000, 120)];
		const rate = submissionsPerMinute(history, 120_000, 10 * 60_000);
		expect(rate).toBe(60);
		const batch = view('SUBMITTING', 7_000, 200);
		expect(runsLeftToSubmit(batch)).toBe(92_800);
		// 92,800 runs at 60 a minute: a day and more than a half.
		expect(estimateSubmissionRemainingMs(batch, rate)).toBe(92_800_000);
	});

	it('gives no rate on samples closer than 10 s, and no end to a batch not submitting', () => {
		expect(submissionsPerMinute([sample(0, 0), sample(5_000, 10)], 5_000, 60_000)).toBeUndefined();
		expect(submissionsPerMinute([], 0, 60_000)).toBeUndefined();
		expect(estimateSubmissionRemainingMs(view('INPROGRESS', 100, 0), 60)).toBeUndefined();
		expect(estimateSubmissionRemainingMs(view('SUBMITTING', 100, 0), 0)).toBeUndefined();
	});

	it('reads only the window: an old burst does not count', () => {
		const history = [sample(0, 0), sample(60_000, 1_000), sample(600_000, 1_000), sample(660_000, 1_030)];
		expect(submissionsPerMinute(history, 660_000, 120_000)).toBe(30);
	});
});

describe('throughput over time', () => {
	it('is runs done per minute in equal slices of the watched span, oldest first', () => {
		const history = [sample(0, 0, 0), sample(60_000, 0, 10), sample(120_000, 0, 10), sample(180_000, 0, 40)];
		expect(throughputSeries(history, 3)).toEqual([10, 0, 30]);
		expect(throughputSeries(history.slice(0, 1), 3)).toEqual([]);
	});
});
