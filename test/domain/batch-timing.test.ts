import {describe, expect, it} from 'vitest';
import {toBatchView, doneRuns} from '../../source/domain/batch-view.js';
import {batchVerdict} from '../../source/domain/batch-verdict.js';
import {elapsedOf, runEnd, throughputOf} from '../../source/domain/batch-timing.js';
import {sampleOf} from '../../source/domain/throughput.js';
import type {RawBatch} from '../../source/domain/raw-batch.js';

const MINUTE = 60_000;
const created = new Date(0);
const raw = (status: string, extra: Partial<RawBatch> = {}): RawBatch => ({
	id: '1',
	status,
	totalRuns: 100,
	creationTime: created,
	submissionSummary: {successfulStartSubmissionCount: 100},
	...extra,
});
const view = (status: string, extra: Partial<RawBatch> = {}) => toBatchView(raw(status, extra));
const history = (...polls: Array<[string, number]>) =>
	polls.map(([status, at]) => sampleOf(view(status), at));

describe('when a batch ended, and for how long it ran', () => {
	it('takes processedTime or failedTime as reported', () => {
		const processed = view('PROCESSED', {processedTime: new Date(30 * MINUTE)});
		expect(runEnd(processed, [])).toEqual({at: 30 * MINUTE, known: 'reported'});
		expect(elapsedOf(processed, [], 999 * MINUTE)).toEqual({ms: 30 * MINUTE, atMost: false});
		const failed = view('FAILED', {failedTime: new Date(2 * MINUTE)});
		expect(elapsedOf(failed, [], 999 * MINUTE)).toEqual({ms: 2 * MINUTE, atMost: false});
	});

	it('without one, takes the first poll that saw the end: observed after a going poll, else an upper bound', () => {
		const cancelled = view('CANCELLED');
		expect(runEnd(cancelled, history(['STOPPING', 10 * MINUTE], ['CANCELLED', 11 * MINUTE]))).toEqual({
			at: 11 * MINUTE,
			known: 'observed',
		});
		expect(
			elapsedOf(cancelled, history(['CANCELLED', 50 * MINUTE], ['CANCELLED', 90 * MINUTE]), 500 * MINUTE),
		).toEqual({ms: 50 * MINUTE, atMost: true});
		expect(elapsedOf(cancelled, [], 500 * MINUTE)).toBeUndefined();
		// Deleting runs after a cancel: the runs ended when it was first seen cancelled.
		expect(
			runEnd(
				view('RUNS_DELETING'),
				history(['INPROGRESS', 5 * MINUTE], ['CANCELLED', 6 * MINUTE], ['RUNS_DELETING', 7 * MINUTE]),
			),
		).toEqual({at: 6 * MINUTE, known: 'observed'});
	});

	it('grows while runs go (STOPPING included), and is unknown for a status this version does not know', () => {
		expect(elapsedOf(view('STOPPING'), [], 42 * MINUTE)).toEqual({ms: 42 * MINUTE, atMost: false});
		expect(elapsedOf(view('PAUSED_FOR_QUOTA'), [], 42 * MINUTE)).toBeUndefined();
		expect(elapsedOf(toBatchView({id: '1', status: 'INPROGRESS'}), [], 42 * MINUTE)).toBeUndefined();
	});
});

describe('throughput', () => {
	const counts = (completed: number, failed: number, cancelled: number) => ({
		runSummary: {
			completedRunCount: completed,
			failedRunCount: failed,
			cancelledRunCount: cancelled,
			runningRunCount: 100 - completed - failed - cancelled,
		},
	});

	it('counts runs done (completed, failed), never cancelled ones', () => {
		const samples = [
			sampleOf(view('INPROGRESS', counts(40, 2, 0)), 10 * MINUTE),
			sampleOf(view('STOPPING', counts(45, 3, 40)), 12 * MINUTE),
		];
		expect(throughputOf(view('STOPPING', counts(45, 3, 40)), samples, 12 * MINUTE, 10 * MINUTE)).toEqual({
			perMinute: 3,
			average: false,
			atLeast: false,
		});
	});

	it("is a finished batch's average over its run time, at least that when the end is only bounded", () => {
		const done = view('PROCESSED', {...counts(90, 10, 0), processedTime: new Date(50 * MINUTE)});
		expect(throughputOf(done, [], 999 * MINUTE, 10 * MINUTE)).toEqual({
			perMinute: 2,
			average: true,
			atLeast: false,
		});
		const cancelled = view('CANCELLED', counts(20, 0, 80));
		expect(throughputOf(cancelled, history(['CANCELLED', 40 * MINUTE]), 999 * MINUTE, 10 * MINUTE)).toEqual({
			perMinute: 0.5,
			average: true,
			atLeast: true,
		});
	});

	it('of a batch that failed while its runs went on, spans until the last run finished (found by a new user: 111 runs/min)', () => {
		// Failed at 95 s with 175 runs started; they finished over the next ten minutes.
		const failedAt = new Date(95_000);
		const at = (minutes: number, completed: number) =>
			sampleOf(
				view('FAILED', {
					failedTime: failedAt,
					totalRuns: 175,
					runSummary: {completedRunCount: completed, runningRunCount: 175 - completed},
				}),
				minutes * MINUTE,
			);
		const polls = [at(2, 0), at(5, 100), at(10, 175), at(15, 175)];
		const failed = view('FAILED', {
			failedTime: failedAt,
			totalRuns: 175,
			runSummary: {completedRunCount: 175},
		});
		expect(throughputOf(failed, polls, 20 * MINUTE, 10 * MINUTE)).toEqual({
			perMinute: 17.5,
			average: true,
			atLeast: false,
		});
		// While some still run, the rate is the recent one, not an average up to the batch's end.
		const going = view('FAILED', {
			failedTime: failedAt,
			runSummary: {completedRunCount: 100, runningRunCount: 75},
		});
		expect(throughputOf(going, polls.slice(0, 2), 5 * MINUTE, 10 * MINUTE)?.average).toBe(false);
	});

	it('is unknown once runs are deleted: their outcomes are gone', () => {
		const deleted = view('RUNS_DELETED', {
			runSummary: {deletedRunCount: 100},
			processedTime: new Date(MINUTE),
		});
		expect(throughputOf(deleted, [], 999 * MINUTE, 10 * MINUTE)).toBeUndefined();
	});
});

describe('runs done and verdicts', () => {
	it('counts completed, failed and deleted runs as done, not cancelled ones', () => {
		expect(
			doneRuns(
				view('CANCELLED', {
					totalRuns: 800,
					runSummary: {completedRunCount: 250, failedRunCount: 8, cancelledRunCount: 542},
				}),
			),
		).toBe(258);
		expect(doneRuns(view('RUNS_DELETED', {runSummary: {deletedRunCount: 100}}))).toBe(100);
	});

	it('labels STOPPING and RUNS_DELETING for what they do; their kind stays running (not decided)', () => {
		expect(batchVerdict(view('STOPPING'))).toEqual({kind: 'running', label: 'cancelling'});
		expect(batchVerdict(view('STOPPING', {runSummary: {failedRunCount: 3}})).label).toBe(
			'cancelling, 3 of 100 failed',
		);
		expect(batchVerdict(view('RUNS_DELETING'))).toEqual({kind: 'running', label: 'deleting runs'});
		expect(batchVerdict(view('INPROGRESS')).label).toBe('running');
	});
});
