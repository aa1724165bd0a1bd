import {expect} from 'vitest';

/** The GetBatch fields the invariants read (SDK output or raw JSON with Date/string times). */
export interface BatchObservation {
	status?: string;
	totalRuns?: number;
	submissionSummary?: object;
	runSummary?: object;
	creationTime?: Date | string;
	submittedTime?: Date | string;
	processedTime?: Date | string;
	failedTime?: Date | string;
	failureReason?: string;
}

const RANK: Record<string, number> = {
	CREATING: 0,
	PENDING: 1,
	SUBMITTING: 2,
	INPROGRESS: 3,
	STOPPING: 4,
	PROCESSED: 5,
	CANCELLED: 5,
	FAILED: 5,
	RUNS_DELETING: 6,
	RUNS_DELETED: 7,
	RUNS_DELETE_FAILED: 7,
};
const ACTIVE_BEFORE_SUBMITTED = new Set(['CREATING', 'PENDING', 'SUBMITTING']);
const ACTIVE = new Set(['CREATING', 'PENDING', 'SUBMITTING', 'INPROGRESS', 'STOPPING']);
const time = (value: Date | string | undefined): number | undefined =>
	value === undefined ? undefined : new Date(value).getTime();
type Counts = Record<string, number | undefined>;
const count = (record: object | undefined, key: string): number => (record as Counts | undefined)?.[key] ?? 0;

/** Checks everything that must hold for one GetBatch answer, and against the previous answer for the same batch. */
export function expectBatchInvariants(
	now: BatchObservation,
	previous?: BatchObservation,
	options: {lagged?: boolean} = {},
): void {
	const status = now.status ?? '';
	const total = now.totalRuns ?? 0;
	const sub = now.submissionSummary;
	const runs = now.runSummary;
	const started = count(sub, 'successfulStartSubmissionCount');
	const failedStarts = count(sub, 'failedStartSubmissionCount');
	const pendingStarts = count(sub, 'pendingStartSubmissionCount');
	expect(RANK[status], `known status ${status}`).toBeDefined();
	expect(started + failedStarts + pendingStarts, 'start submissions sum to totalRuns').toBe(total);
	const runSum = Object.values((runs ?? {}) as Counts).reduce<number>((sum, value) => sum + (value ?? 0), 0);
	if (options.lagged)
		expect(runSum, 'lagged run buckets never exceed successful starts').toBeLessThanOrEqual(started);
	else expect(runSum, 'run buckets sum to successful starts').toBe(started);
	for (const value of [...Object.values((sub ?? {}) as Counts), ...Object.values((runs ?? {}) as Counts)])
		expect(value ?? 0).toBeGreaterThanOrEqual(0);
	expect(
		count(sub, 'successfulCancelSubmissionCount') + count(sub, 'failedCancelSubmissionCount'),
	).toBeLessThanOrEqual(started);
	expect(
		count(sub, 'successfulDeleteSubmissionCount') + count(sub, 'failedDeleteSubmissionCount'),
	).toBeLessThanOrEqual(started);

	// Timestamps appear exactly when the documentation says.
	const created = time(now.creationTime);
	expect(created, 'creationTime always set').toBeDefined();
	if (ACTIVE_BEFORE_SUBMITTED.has(status))
		expect(now.submittedTime, `no submittedTime while ${status}`).toBeUndefined();
	if (status === 'INPROGRESS' || status === 'PROCESSED') {
		expect(now.submittedTime, `submittedTime once ${status}`).toBeDefined();
		expect(pendingStarts, 'no start pending once every submission was attempted').toBe(0);
	}
	if (ACTIVE.has(status)) expect(now.processedTime, `no processedTime while ${status}`).toBeUndefined();
	if (status === 'PROCESSED') expect(now.processedTime, 'processedTime once PROCESSED').toBeDefined();
	if (status === 'FAILED') {
		expect(now.failedTime, 'failedTime when FAILED').toBeDefined();
		expect(now.failureReason, 'failureReason when FAILED').toBeTruthy();
	} else {
		expect(now.failedTime, `no failedTime when ${status}`).toBeUndefined();
		expect(now.failureReason, `no failureReason when ${status}`).toBeUndefined();
	}
	const submitted = time(now.submittedTime);
	const processed = time(now.processedTime);
	if (submitted !== undefined) expect(submitted).toBeGreaterThanOrEqual(created ?? 0);
	if (processed !== undefined) expect(processed).toBeGreaterThanOrEqual(submitted ?? created ?? 0);

	// Settled states have no live runs.
	if (status === 'PROCESSED' || status === 'CANCELLED' || status.startsWith('RUNS_DELETE')) {
		for (const key of ['pendingRunCount', 'startingRunCount', 'runningRunCount', 'stoppingRunCount']) {
			expect(count(runs, key), `${key} when ${status}`).toBe(0);
		}
	}
	if (status === 'RUNS_DELETED') expect(count(sub, 'failedDeleteSubmissionCount')).toBe(0);
	if (status === 'RUNS_DELETE_FAILED') expect(count(sub, 'failedDeleteSubmissionCount')).toBeGreaterThan(0);

	if (previous) {
		expect(
			RANK[status] ?? 0,
			`status moved backwards: ${previous.status} -> ${status}`,
		).toBeGreaterThanOrEqual(RANK[previous.status ?? ''] ?? 0);
		expect(started).toBeGreaterThanOrEqual(
			count(previous.submissionSummary, 'successfulStartSubmissionCount'),
		);
		expect(failedStarts).toBeGreaterThanOrEqual(
			count(previous.submissionSummary, 'failedStartSubmissionCount'),
		);
		if (!options.lagged) {
			const finished = (r?: object): number =>
				count(r, 'completedRunCount') +
				count(r, 'failedRunCount') +
				count(r, 'cancelledRunCount') +
				count(r, 'deletedRunCount');
			expect(finished(runs), 'finished runs never come back').toBeGreaterThanOrEqual(
				finished(previous.runSummary),
			);
		}
		for (const key of ['creationTime', 'submittedTime', 'processedTime', 'failedTime'] as const) {
			if (previous[key] !== undefined)
				expect(time(now[key]), `${key} never changes once set`).toBe(time(previous[key]));
		}
	}
}
