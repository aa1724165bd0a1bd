import {doneRuns, finishedRuns, type BatchView} from './batch-view.js';

/** What one successful poll saw, kept in a batch's history. */
export interface CountSample {
	readonly at: number;
	/** The batch status the poll saw (sanitised). */
	readonly status: string;
	/** Runs done (completed or failed; see doneRuns): cancellations are not throughput. */
	readonly done: number;
	readonly submitted: number;
	/** Every status and count joined: equal signatures mean nothing moved. */
	readonly signature: string;
}

/** The history entry for a view observed at `at` (epoch ms). */
export function sampleOf(view: BatchView, at: number): CountSample {
	const {submissions: s, runs: r} = view;
	return {
		at,
		status: view.status,
		done: doneRuns(view),
		submitted: s.successful + s.failed,
		signature: [
			view.status,
			s.successful,
			s.failed,
			s.pending,
			s.cancelSucceeded,
			s.cancelFailed,
			s.deleteSucceeded,
			s.deleteFailed,
			r.pending,
			r.starting,
			r.running,
			r.stopping,
			r.completed,
			r.failed,
			r.cancelled,
			r.deleted,
		].join(','),
	};
}

/** Fewer than this many milliseconds between the samples compared is too short to call a rate. */
const MIN_RATE_SPAN_MS = 10_000;

/** How fast a count of the samples grew per minute over the last `windowMs`, or undefined without two samples 10 s apart. */
export function countPerMinute(
	history: readonly CountSample[],
	now: number,
	windowMs: number,
	count: (sample: CountSample) => number,
): number | undefined {
	const last = history.at(-1);
	if (!last) return undefined;
	const first = history.find((sample) => sample.at >= now - windowMs) ?? last;
	const span = last.at - first.at;
	if (span < MIN_RATE_SPAN_MS) return undefined;
	return (Math.max(0, count(last) - count(first)) / span) * 60_000;
}

/** Runs done per minute over the last `windowMs` of history, or undefined without two samples 10 s apart. */
export function throughputPerMinute(
	history: readonly CountSample[],
	now: number,
	windowMs: number,
): number | undefined {
	return countPerMinute(history, now, windowMs, (sample) => sample.done);
}

/**
 * Milliseconds until every started-or-startable run has finished at `perMinute`, or undefined when
 * unknown. A stopping batch's runs will be cancelled, and a deleting one runs nothing: no ETA.
 */
export function estimateRemainingMs(view: BatchView, perMinute: number | undefined): number | undefined {
	if (view.statusClass !== 'active' || perMinute === undefined || perMinute <= 0) return undefined;
	if (view.status === 'STOPPING' || view.status === 'RUNS_DELETING') return undefined;
	const remaining = Math.max(0, view.totalRuns - view.submissions.failed - finishedRuns(view));
	return (remaining / perMinute) * 60_000;
}

/** How long nothing has moved: milliseconds since the signature last changed (0 without history). */
export function unchangedForMs(history: readonly CountSample[], now: number): number {
	const last = history.at(-1);
	if (!last) return 0;
	let since = last.at;
	for (let index = history.length - 2; index >= 0; index--) {
		const sample = history[index];
		if (!sample || sample.signature !== last.signature) break;
		since = sample.at;
	}
	return Math.max(0, now - since);
}

/** Whether an active batch has shown no movement for at least `stallMs`. */
export function isStalled(
	view: BatchView,
	history: readonly CountSample[],
	now: number,
	stallMs: number,
): boolean {
	return view.statusClass === 'active' && unchangedForMs(history, now) >= stallMs;
}
