import {KEEP, type TimelineEntry} from './run-timeline.js';
import type {TimelineBuffer} from './timeline-buffer.js';
import {Run, Sub} from './statuses.js';

/** Submission counters, named as in the API's SubmissionSummary. */
export interface SubmissionCounts {
	successfulStartSubmissionCount: number;
	failedStartSubmissionCount: number;
	pendingStartSubmissionCount: number;
	successfulCancelSubmissionCount: number;
	failedCancelSubmissionCount: number;
	successfulDeleteSubmissionCount: number;
	failedDeleteSubmissionCount: number;
}

/**
 * What a batch stores per run: its current submission and run codes and how many of its timeline
 * entries have been applied, in typed arrays, with the batch's counters kept in step with them.
 */
export class RunStates {
	readonly subCodes: Uint8Array;
	readonly runCodes: Uint8Array;
	readonly steps: Uint8Array;
	/**
	 * When each run was submitted (recorded as it is): a jump recomputes live runs' timelines at every
	 * phase change, and the quota curve's timeOf was most of what a fresh process spent on them.
	 */
	readonly submitTimes: Float64Array;
	/** Run counts indexed by run status code. */
	readonly runCounts = new Int32Array(9);
	readonly submissions: SubmissionCounts;

	constructor(totalRuns: number) {
		this.subCodes = new Uint8Array(totalRuns);
		this.runCodes = new Uint8Array(totalRuns);
		this.steps = new Uint8Array(totalRuns);
		this.submitTimes = new Float64Array(totalRuns);
		this.submissions = {
			successfulStartSubmissionCount: 0,
			failedStartSubmissionCount: 0,
			pendingStartSubmissionCount: totalRuns,
			successfulCancelSubmissionCount: 0,
			failedCancelSubmissionCount: 0,
			successfulDeleteSubmissionCount: 0,
			failedDeleteSubmissionCount: 0,
		};
	}

	/**
	 * Applies run `index`'s next entries of `timeline` up to `end` (before it, or up to and including it
	 * when `inclusive`), as `apply` would one by one; one call per run keeps a first, not yet optimised,
	 * catch-up cheap. Returns the time of the last entry applied (-Infinity when none).
	 */
	applyUntil(index: number, timeline: TimelineBuffer, end: number, inclusive: boolean): number {
		let step = this.steps[index] as number;
		let last = Number.NEGATIVE_INFINITY;
		let sub = this.subCodes[index] as number;
		const firstRun = this.runCodes[index] as number;
		let run = firstRun;
		const {times, subs, runs, length} = timeline;
		for (; step < length; step++) {
			const time = times[step] as number;
			if (inclusive ? time > end : time >= end) break;
			const nextSub = subs[step] as number;
			if (nextSub !== KEEP) {
				this.#countSubmission(sub, nextSub);
				sub = nextSub;
			}
			const nextRun = runs[step] as number;
			if (nextRun !== KEEP) run = nextRun;
			last = time;
		}
		if (last === Number.NEGATIVE_INFINITY) return last;
		// Run counts only see where the run ends up: the states it passed through in between cancel out.
		if (run !== firstRun) {
			if (firstRun !== Run.NONE) this.runCounts[firstRun] = (this.runCounts[firstRun] as number) - 1;
			if (run !== Run.NONE) this.runCounts[run] = (this.runCounts[run] as number) + 1;
		}
		this.subCodes[index] = sub;
		this.runCodes[index] = run;
		this.steps[index] = step;
		return last;
	}

	/** Applies `entry` as run `index`'s next timeline entry: its codes, the counters, its step count. */
	apply(index: number, entry: Pick<TimelineEntry, 'sub' | 'run'>): void {
		this.applyCodes(index, entry.sub, entry.run);
	}

	/** `apply` of an entry given by its codes (KEEP for a field it leaves unchanged). */
	applyCodes(index: number, sub: number, run: number): void {
		if (sub !== KEEP) {
			this.#countSubmission(this.subCodes[index] as number, sub);
			this.subCodes[index] = sub;
		}
		if (run !== KEEP) {
			const previous = this.runCodes[index] as number;
			if (previous !== Run.NONE) this.runCounts[previous] = (this.runCounts[previous] as number) - 1;
			if (run !== Run.NONE) this.runCounts[run] = (this.runCounts[run] as number) + 1;
			this.runCodes[index] = run;
		}
		this.steps[index] = (this.steps[index] as number) + 1;
	}

	#countSubmission(previous: number, next: number): void {
		const counts = this.submissions;
		if (previous === Sub.NONE) counts.pendingStartSubmissionCount -= 1;
		if (next === Sub.SUCCESS) counts.successfulStartSubmissionCount += 1;
		else if (next === Sub.FAILED) counts.failedStartSubmissionCount += 1;
		else if (next === Sub.CANCEL_SUCCESS) counts.successfulCancelSubmissionCount += 1;
		else if (next === Sub.CANCEL_FAILED) counts.failedCancelSubmissionCount += 1;
		else if (next === Sub.DELETE_SUCCESS) counts.successfulDeleteSubmissionCount += 1;
		else if (next === Sub.DELETE_FAILED) counts.failedDeleteSubmissionCount += 1;
	}
}
