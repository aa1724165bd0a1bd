import type {BatchView} from './batch-view.js';
import {countPerMinute, type CountSample} from './throughput.js';

/**
 * Run submissions (started or failed to start) per minute over the last `windowMs` of history, or
 * undefined without two samples 10 s apart. It is what the account's StartRun quota, shared by every
 * submitting batch, lets through: observed, never assumed.
 */
export function submissionsPerMinute(
	history: readonly CountSample[],
	now: number,
	windowMs: number,
): number | undefined {
	return countPerMinute(history, now, windowMs, (sample) => sample.submitted);
}

/** Runs still to submit: the batch's total less those started or failed to start. */
export function runsLeftToSubmit(view: BatchView): number {
	return Math.max(0, view.totalRuns - view.submissions.successful - view.submissions.failed);
}

/**
 * Milliseconds until every run is submitted at `perMinute`, or undefined when unknown: only a batch
 * that is SUBMITTING submits, and no rate (or a zero one) gives no end.
 */
export function estimateSubmissionRemainingMs(
	view: BatchView,
	perMinute: number | undefined,
): number | undefined {
	if (view.status !== 'SUBMITTING' || perMinute === undefined || perMinute <= 0) return undefined;
	return (runsLeftToSubmit(view) / perMinute) * 60_000;
}
