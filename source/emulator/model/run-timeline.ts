import {
	HOSTILE_RUN_FAILURE,
	RUN_FAILURES,
	SUBMISSION_FAILURES,
	THROTTLED_SUBMISSION,
	pickFailure,
	type FailureText,
} from './failure-catalog.js';
import {lerp, unitHash} from './seeded-random.js';
import {Run, Sub} from './statuses.js';
import type {BatchParameters} from './batch-parameters.js';
import type {SubmissionCurve} from './submission-curve.js';

/** Marks a field an entry leaves unchanged. */
export const KEEP = 255;

/** One change of a run: at `time`, its submission status and/or run status become the given codes. */
export interface TimelineEntry {
	readonly time: number;
	readonly sub: number;
	readonly run: number;
}

/** What the timeline of a run depends on besides its index: the batch's seed, parameters and interventions. */
export interface TimelineContext {
	readonly seed: number;
	readonly parameters: BatchParameters;
	/** Virtual time of the first StartRun attempt. */
	readonly submittingAt: number;
	/** The batch's StartRun count over time: its share of the account quota. */
	readonly curve: SubmissionCurve;
	/** CancelRunBatch time and the spread over which its CancelRun calls land. */
	readonly cancelAt?: number;
	readonly cancelSpreadMs?: number;
	/** DeleteRunBatch time and the spread over which its DeleteRun calls land. */
	readonly deleteAt?: number;
	readonly deleteSpreadMs?: number;
}

// Purposes of the per-run random draws; each gets an independent stream.
const enum Draw {
	SubmitFails = 1,
	SubmitReason,
	Pending,
	Starting,
	Running,
	RunFails,
	FailPoint,
	RunReason,
	CancelDelay,
	CancelFails,
	Stopping,
	DeleteDelay,
	DeleteFails,
	Hostile,
	Throttled,
}

const draw = (context: TimelineContext, index: number, purpose: Draw): number =>
	unitHash(context.seed, index, purpose);

/** When run `index` is submitted: StartRun calls go out in index order at the batch's share of the quota. */
export function submitTime(context: TimelineContext, index: number): number {
	return context.curve.timeOf(index);
}

/**
 * How many times the service tries a throttled StartRun before it gives the entry up as FAILED. The
 * service says it retries internally but not how often; 5 (the first call and 4 retries) is our choice:
 * two batches splitting a tight quota lose about 3% of their runs to it, four about 24%.
 */
export const START_RUN_ATTEMPTS = 5;

/**
 * Whether every attempt of this run's StartRun found the account's token bucket empty. While its batch
 * gets a share s of the pace it would have alone (its submitRate, or the whole quota if that is lower),
 * each attempt is throttled with chance 1 - s, so all of them are with (1 - s)^attempts: a batch alone
 * never is, batches contending for a tight quota sometimes are.
 */
export function submissionThrottled(context: TimelineContext, index: number): boolean {
	const share = context.curve.shareAt(submitTime(context, index));
	if (share >= 1) return false;
	return draw(context, index, Draw.Throttled) < (1 - share) ** START_RUN_ATTEMPTS;
}

/** Whether the StartRun for this run fails (the run then never exists). */
export function submissionFails(context: TimelineContext, index: number): boolean {
	return (
		submissionThrottled(context, index) ||
		draw(context, index, Draw.SubmitFails) < context.parameters.submissionFailureShare
	);
}

/** Reason and message of a failed submission. */
export function submissionFailure(context: TimelineContext, index: number): FailureText {
	if (submissionThrottled(context, index)) return THROTTLED_SUBMISSION;
	return pickFailure(SUBMISSION_FAILURES, draw(context, index, Draw.SubmitReason));
}

/** Failure code and status message of a run that ends FAILED. */
export function runFailure(context: TimelineContext, index: number): FailureText {
	if (context.parameters.hostileText && draw(context, index, Draw.Hostile) < 0.25) return HOSTILE_RUN_FAILURE;
	return pickFailure(RUN_FAILURES, draw(context, index, Draw.RunReason));
}

/**
 * Every change run `index` goes through, in time order, starting with its submission.
 * Pure: the same context and index always give the same list, so nothing per run is stored
 * but its current codes and how many entries have been applied.
 */
export function runTimeline(context: TimelineContext, index: number): TimelineEntry[] {
	const {durations, runFailureShare} = context.parameters;
	const submitAt = submitTime(context, index);
	if (submissionFails(context, index)) return [{time: submitAt, sub: Sub.FAILED, run: Run.NONE}];

	const startingAt = submitAt + lerp(durations.pending, draw(context, index, Draw.Pending)) * 1000;
	const runningAt = startingAt + lerp(durations.starting, draw(context, index, Draw.Starting)) * 1000;
	const fails = draw(context, index, Draw.RunFails) < runFailureShare;
	// A failing run dies part-way through: somewhere between 5% and 100% of its natural run time.
	const runFraction = fails ? 0.05 + 0.95 * draw(context, index, Draw.FailPoint) : 1;
	const endAt = runningAt + lerp(durations.running, draw(context, index, Draw.Running)) * 1000 * runFraction;

	let entries: TimelineEntry[] = [
		{time: submitAt, sub: Sub.SUCCESS, run: Run.PENDING},
		{time: startingAt, sub: KEEP, run: Run.STARTING},
		{time: runningAt, sub: KEEP, run: Run.RUNNING},
		{time: endAt, sub: KEEP, run: fails ? Run.FAILED : Run.COMPLETED},
	];

	if (context.cancelAt !== undefined && submitAt <= context.cancelAt) {
		entries = withCancel(context, index, entries, endAt);
	}
	if (context.deleteAt !== undefined) {
		const deleteAt =
			context.deleteAt +
			(0.05 + 0.95 * draw(context, index, Draw.DeleteDelay)) * (context.deleteSpreadMs ?? 1000);
		const deleted = draw(context, index, Draw.DeleteFails) >= context.parameters.deleteFailureShare;
		entries.push(
			deleted
				? {time: deleteAt, sub: Sub.DELETE_SUCCESS, run: Run.DELETED}
				: {time: deleteAt, sub: Sub.DELETE_FAILED, run: KEEP},
		);
	}
	return entries;
}

/** Rewrites a started run's future for a CancelRunBatch: its CancelRun lands a little after the batch call. */
function withCancel(
	context: TimelineContext,
	index: number,
	natural: TimelineEntry[],
	endAt: number,
): TimelineEntry[] {
	const cancelAt = context.cancelAt as number;
	const landsAt =
		cancelAt + (0.05 + 0.95 * draw(context, index, Draw.CancelDelay)) * (context.cancelSpreadMs ?? 1000);
	if (endAt <= landsAt) return natural; // finished on its own before its CancelRun arrived
	const before = natural.filter((entry) => entry.time < landsAt);
	if (draw(context, index, Draw.CancelFails) < context.parameters.cancelFailureShare) {
		const after = natural.filter((entry) => entry.time >= landsAt);
		return [...before, {time: landsAt, sub: Sub.CANCEL_FAILED, run: KEEP}, ...after];
	}
	const stateThen = before.at(-1)?.run ?? Run.PENDING;
	if (stateThen === Run.PENDING)
		return [...before, {time: landsAt, sub: Sub.CANCEL_SUCCESS, run: Run.CANCELLED}];
	const stopsAt =
		landsAt + lerp(context.parameters.durations.stopping, draw(context, index, Draw.Stopping)) * 1000;
	return [
		...before,
		{time: landsAt, sub: Sub.CANCEL_SUCCESS, run: Run.STOPPING},
		{time: stopsAt, sub: KEEP, run: Run.CANCELLED},
	];
}
