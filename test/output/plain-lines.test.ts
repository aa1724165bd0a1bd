import {describe, expect, it} from 'vitest';
import {toBatchView} from '../../source/domain/batch-view.js';
import type {RawBatch} from '../../source/domain/raw-batch.js';
import {plainSummary, progressText} from '../../source/output/plain-lines.js';
import {onceTable} from '../../source/output/once-report.js';
import {batchSnapshot} from '../helpers/static-poller.js';
import {pollerSnapshot} from '../helpers/poller-snapshot.js';

const cancelled: RawBatch = {
	id: '7',
	name: 'methylation-reprocess',
	status: 'CANCELLED',
	totalRuns: 800,
	submissionSummary: {successfulStartSubmissionCount: 800},
	runSummary: {completedRunCount: 250, failedRunCount: 8, cancelledRunCount: 542},
};
const stopping: RawBatch = {
	...cancelled,
	id: '8',
	name: 'exome-batch-07',
	status: 'STOPPING',
	runSummary: {completedRunCount: 5, failedRunCount: 2, cancelledRunCount: 200, stoppingRunCount: 93},
};

describe('plain and --once numbers agree with the monitor', () => {
	it('a cancelled batch is 258/800 runs done with its cancellations said, not 800/800', () => {
		expect(progressText(toBatchView(cancelled))).toBe(
			'starts 800/800  runs 258/800 done (8 failed), 542 cancelled',
		);
		const [, row] = onceTable([{id: '7', view: toBatchView(cancelled)}]);
		expect(row).toMatch(/CANCELLED\s+258\/800\s+8\s+800\/800\s+cancelled$/);
	});

	it('a stopping batch says cancelling in the summary and the table, not running', () => {
		const summary = plainSummary(pollerSnapshot({batches: [batchSnapshot(stopping)]}), 5, 'timed out');
		expect(summary[1]).toBe(
			'  8 exome-batch-07  STOPPING  cancelling, 2 of 800 failed  starts 800/800  runs 7/800 done (2 failed), 200 cancelled, 93 live',
		);
		const [, row] = onceTable([{id: '8', view: toBatchView(stopping)}]);
		expect(row).toMatch(/STOPPING\s+7\/800\s+2\s+800\/800\s+cancelling, 2 of 800 failed$/);
	});
});
