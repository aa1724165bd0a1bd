import {submitTime, type TimelineContext} from './run-timeline.js';
import {TimelineBuffer} from './timeline-buffer.js';
import type {EventHeap} from './event-heap.js';
import type {RunStates} from './run-states.js';

// Windows run one at a time (synchronously), so one buffer serves them all.
const sharedBuffer = new TimelineBuffer();

/** Where a batch's StartRun calls stand, and whether they may go on. */
export interface SubmissionCursor {
	/** The next run to submit (runs are submitted in index order). */
	readonly cursor: number;
	readonly totalRuns: number;
	/** Whether the batch is SUBMITTING: only then do StartRun calls go out. */
	readonly open: boolean;
	/** No StartRun goes out after this moment (a cancel or failure). */
	readonly haltAt: number;
}

/** What a window moved: the new cursor, how many entries were applied, and the latest of them. */
export interface WindowResult {
	readonly cursor: number;
	readonly events: number;
	/** Time of the latest entry applied (-Infinity when none). */
	readonly lastEventAt: number;
	/** Time of the latest StartRun made (-Infinity when none). */
	readonly lastSubmitAt: number;
}

/**
 * Applies, run by run, every timeline entry due in a window with no phase change inside it: up to
 * `end` (before it, or up to and including it when `inclusive`). Runs are independent of each other
 * within such a window, so this reaches the state a time-ordered replay reaches, at O(live runs +
 * new submissions) instead of O(events × log): each live run's timeline is computed once (into one
 * reused buffer) and walked over its few entries, and the heap gets back one next entry per run still live.
 */
export function applyWindow(
	states: RunStates,
	heap: EventHeap,
	context: TimelineContext,
	submissions: SubmissionCursor,
	end: number,
	inclusive: boolean,
): WindowResult {
	let events = 0;
	let lastEventAt = Number.NEGATIVE_INFINITY;
	const timeline = sharedBuffer;
	const advanceRun = (index: number): void => {
		const before = states.steps[index] as number;
		const last = states.applyUntil(index, timeline, end, inclusive);
		const step = states.steps[index] as number;
		events += step - before;
		if (last > lastEventAt) lastEventAt = last;
		if (step < timeline.length) heap.push(timeline.times[step] as number, index);
	};

	const live = heap.drain();
	for (let at = 0; at < live.length; at++) {
		const index = live[at] as number;
		// A run in the heap has been submitted (and successfully: a failed submission has no next entry).
		timeline.fill(context, index, states.submitTimes[index] as number, true);
		advanceRun(index);
	}

	let cursor = submissions.cursor;
	let lastSubmitAt = Number.NEGATIVE_INFINITY;
	if (submissions.open) {
		for (; cursor < submissions.totalRuns; cursor++) {
			const at = submitTime(context, cursor);
			if (at > submissions.haltAt || (inclusive ? at > end : at >= end)) break;
			lastSubmitAt = at;
			states.submitTimes[cursor] = at;
			timeline.fill(context, cursor, at);
			advanceRun(cursor);
		}
	}
	return {cursor, events, lastEventAt, lastSubmitAt};
}
