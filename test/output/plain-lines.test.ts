import {describe, expect, it} from 'vitest';
import {toBatchView} from '../../source/domain/batch-view.js';
import type {RawBatch} from '../../source/domain/raw-batch.js';
import {groupFailures} from '../../source/domain/failure-groups.js';
import {PlainLog, plainSummary, progressText} from '../../source/output/plain-lines.js';
import type {PollerEvent} from '../../source/poller/poller-state.js';
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

const AT = Date.UTC(2026, 10, 29, 3, 49, 20);
const deleting = (deleted: number): RawBatch => ({
	id: '8373382',
	name: 'old-exome-2026-09',
	status: 'RUNS_DELETING',
	totalRuns: 3000,
	submissionSummary: {successfulStartSubmissionCount: 3000, successfulDeleteSubmissionCount: deleted},
	runSummary: {completedRunCount: 3000 - deleted, deletedRunCount: deleted},
});
const progressEvent = (id: string, at = AT): PollerEvent => ({type: 'counts-changed', id, at});
const snapshotOf = (...raws: RawBatch[]) => pollerSnapshot({batches: raws.map((raw) => batchSnapshot(raw))});

// An S3 URI longer than any terminal line, and bytes a hostile service might add.
const REASON = `The run settings file s3://omics-batches-123456789012/${'deep/'.repeat(40)}settings.json changed after the batch started (ETag mismatch). Submit a new batch.`;
const failedBatch: RawBatch = {
	id: '5477974',
	name: 'variant-calling-q4',
	status: 'FAILED',
	totalRuns: 2000,
	submissionSummary: {successfulStartSubmissionCount: 175, pendingStartSubmissionCount: 1825},
	runSummary: {completedRunCount: 175},
	failureReason: `\u001b]0;pwned\u0007${REASON}\r\n`,
};

describe('the plain log says what changed', () => {
	it('a deleting batch whose runs-done stays put names the counts that moved', () => {
		const log = new PlainLog();
		expect(
			log.lines(
				[{type: 'batch-seen', id: '8373382', at: AT, status: 'RUNS_DELETING'}],
				snapshotOf(deleting(2204)),
			),
		).toEqual([
			'2026-11-29T03:49:20Z 8373382 old-exome-2026-09 RUNS_DELETING  starts 3,000/3,000  runs 3,000/3,000 done, 2,204 deleted',
		]);
		expect(log.lines([progressEvent('8373382')], snapshotOf(deleting(2996)))).toEqual([
			'2026-11-29T03:49:20Z 8373382 old-exome-2026-09 RUNS_DELETING  starts 3,000/3,000  runs 3,000/3,000 done, 2,996 deleted  (deletes 2,204→2,996, completed 796→4, deleted 2,204→2,996)',
		]);
		const ascii = new PlainLog({ascii: true});
		ascii.lines([progressEvent('8373382')], snapshotOf(deleting(2204)));
		expect(ascii.lines([progressEvent('8373382')], snapshotOf(deleting(2996)))[0]).toMatch(
			/\(deletes 2,204->2,996, completed 796->4, deleted 2,204->2,996\)$/,
		);
	});

	it('never prints a line identical to the previous one for the same batch', () => {
		const log = new PlainLog();
		const same = snapshotOf(deleting(2204));
		const printed = [
			...log.lines([progressEvent('8373382')], same),
			...log.lines([progressEvent('8373382', AT + 5000)], same),
			...log.lines([progressEvent('8373382', AT + 9000)], same),
		];
		expect(printed).toHaveLength(1);
		// Another batch's line in between does not make the repeat new.
		const other = snapshotOf(deleting(2204), {...stopping, id: '9'});
		expect(log.lines([progressEvent('9'), progressEvent('8373382')], other)).toHaveLength(1);
	});

	it("a FAILED batch's failure reason gets a line of its own, sanitised and whole, once, and is in the summary", () => {
		const log = new PlainLog();
		const snapshot = snapshotOf(failedBatch);
		const lines = log.lines([{type: 'batch-seen', id: '5477974', at: AT, status: 'FAILED'}], snapshot);
		expect(lines).toEqual([
			'2026-11-29T03:49:20Z 5477974 variant-calling-q4 FAILED  starts 175/2,000  runs 175/2,000 done',
			`2026-11-29T03:49:20Z 5477974 variant-calling-q4 failure reason: ${REASON}`,
		]);
		expect(
			log.lines(
				[
					{
						type: 'batch-finished',
						id: '5477974',
						at: AT,
						status: 'FAILED',
						verdict: {kind: 'batch-failed', label: 'batch failed'},
					},
				],
				snapshot,
			),
		).toEqual(['2026-11-29T03:49:20Z 5477974 variant-calling-q4 finished: FAILED, batch failed']);
		const summary = plainSummary(snapshot, 3, '5477974 FAILED');
		expect(summary.slice(1, 3)).toEqual([
			'  5477974 variant-calling-q4  FAILED  batch failed  starts 175/2,000  runs 175/2,000 done',
			`    failure reason: ${REASON}`,
		]);
	});

	it('new failures say how many there are so far, so two in a row are two lines', () => {
		const log = new PlainLog();
		const one = (failed: number) =>
			snapshotOf({
				...stopping,
				status: 'INPROGRESS',
				runSummary: {runningRunCount: 10, failedRunCount: failed},
			});
		const event = (): PollerEvent => ({type: 'failure-appeared', id: '8', at: AT, runs: 1, submissions: 0});
		expect([...log.lines([event()], one(1)), ...log.lines([event()], one(2))]).toEqual([
			'2026-11-29T03:49:20Z 8 exome-batch-07 1 new run failure (1 so far)',
			'2026-11-29T03:49:20Z 8 exome-batch-07 1 new run failure (2 so far)',
		]);
	});

	it('the summary lists the failure groups read under their batch', () => {
		const groups = groupFailures([
			{reason: 'TASK_FAILED', message: "Task 'bwa_mem' exited with status 137", example: '3628869'},
			{reason: 'TASK_FAILED', message: "Task 'bwa_mem' exited with status 137", example: '3628870'},
			{reason: 'INPUT_NOT_FOUND', message: 'Input s3://in/NA12878.cram does not exist', example: '3632448'},
		]);
		const list = (items: typeof groups) => ({groups: items, loaded: 3, complete: true});
		const snapshot = pollerSnapshot({
			batches: [
				batchSnapshot(stopping, {failures: {runs: list(groups), submissions: list([]), loading: false}}),
			],
		});
		expect(plainSummary(snapshot, 1, 'runs failed').slice(2, 5)).toEqual([
			'    failed runs, 3 read:',
			"      2 × TASK_FAILED: Task 'bwa_mem' exited with status 137 (e.g. run 3628869)",
			'      1 × INPUT_NOT_FOUND: Input s3://in/NA12878.cram does not exist (e.g. run 3632448)',
		]);
	});
});
