import {KEEP, START_RUN_ATTEMPTS, submitTime, type TimelineContext} from './run-timeline.js';
import {Run, Sub} from './statuses.js';

// The catch-up's hot path: runTimeline (the reference) as numbers written into a reused buffer, with
// the run's hash prefix mixed once for all its draws. A fresh process evaluates ~12,400 demo runs
// before V8 has optimised anything, so an object per entry, an array per run and a rest-argument
// array per draw were most of its cost. test/emulator/model/timeline-buffer.test.ts holds this
// equal to runTimeline.

/** The most entries a timeline has: four natural ones, a cancel's two, a delete. */
const CAPACITY = 8;

/** One run's timeline in typed arrays: entry `i` is (times[i], subs[i], runs[i]), `length` of them. */
export class TimelineBuffer {
	readonly times = new Float64Array(CAPACITY);
	readonly subs = new Uint8Array(CAPACITY);
	readonly runs = new Uint8Array(CAPACITY);
	length = 0;

	#push(time: number, sub: number, run: number): void {
		const at = this.length++;
		this.times[at] = time;
		this.subs[at] = sub;
		this.runs[at] = run;
	}

	/** Inserts an entry at `at`, moving the later ones one place on. */
	#insert(at: number, time: number, sub: number, run: number): void {
		for (let from = this.length; from > at; from--) {
			this.times[from] = this.times[from - 1] as number;
			this.subs[from] = this.subs[from - 1] as number;
			this.runs[from] = this.runs[from - 1] as number;
		}
		this.length += 1;
		this.times[at] = time;
		this.subs[at] = sub;
		this.runs[at] = run;
	}

	/**
	 * Fills the buffer with run `index`'s timeline, entry for entry what runTimeline returns.
	 * `submitAt` may be given when the caller has it already (it is submitTime(context, index)), and
	 * `submitted` when the run is known to have been submitted successfully (its first entry applied was
	 * SUCCESS): its fate is fixed, so the draws that decide it are skipped.
	 */
	fill(
		context: TimelineContext,
		index: number,
		submitAt = submitTime(context, index),
		submitted = false,
	): void {
		this.length = 0;
		const {parameters} = context;
		const {durations} = parameters;
		const prefix = hashPrefix(context.seed, index);
		if (!submitted && submissionFails(context, prefix, submitAt)) {
			this.#push(submitAt, Sub.FAILED, Run.NONE);
			return;
		}
		const startingAt = submitAt + between(durations.pending, drawOf(prefix, Purpose.Pending)) * 1000;
		const runningAt = startingAt + between(durations.starting, drawOf(prefix, Purpose.Starting)) * 1000;
		const fails = drawOf(prefix, Purpose.RunFails) < parameters.runFailureShare;
		const runFraction = fails ? 0.05 + 0.95 * drawOf(prefix, Purpose.FailPoint) : 1;
		const endAt =
			runningAt + between(durations.running, drawOf(prefix, Purpose.Running)) * 1000 * runFraction;
		this.#push(submitAt, Sub.SUCCESS, Run.PENDING);
		this.#push(startingAt, KEEP, Run.STARTING);
		this.#push(runningAt, KEEP, Run.RUNNING);
		this.#push(endAt, KEEP, fails ? Run.FAILED : Run.COMPLETED);

		if (context.cancelAt !== undefined && submitAt <= context.cancelAt) {
			this.#cancel(context, prefix, endAt);
		}
		if (context.deleteAt !== undefined) {
			const deleteAt =
				context.deleteAt +
				(0.05 + 0.95 * drawOf(prefix, Purpose.DeleteDelay)) * (context.deleteSpreadMs ?? 1000);
			if (drawOf(prefix, Purpose.DeleteFails) >= parameters.deleteFailureShare)
				this.#push(deleteAt, Sub.DELETE_SUCCESS, Run.DELETED);
			else this.#push(deleteAt, Sub.DELETE_FAILED, KEEP);
		}
	}

	/** runTimeline's withCancel, in place: entries are in time order, so "before" is a prefix. */
	#cancel(context: TimelineContext, prefix: number, endAt: number): void {
		const landsAt =
			(context.cancelAt as number) +
			(0.05 + 0.95 * drawOf(prefix, Purpose.CancelDelay)) * (context.cancelSpreadMs ?? 1000);
		if (endAt <= landsAt) return;
		let before = 0;
		while (before < this.length && (this.times[before] as number) < landsAt) before++;
		if (drawOf(prefix, Purpose.CancelFails) < context.parameters.cancelFailureShare) {
			this.#insert(before, landsAt, Sub.CANCEL_FAILED, KEEP);
			return;
		}
		this.length = before;
		const stateThen = before > 0 ? (this.runs[before - 1] as number) : Run.PENDING;
		if (stateThen === Run.PENDING) {
			this.#push(landsAt, Sub.CANCEL_SUCCESS, Run.CANCELLED);
			return;
		}
		const stopsAt =
			landsAt + between(context.parameters.durations.stopping, drawOf(prefix, Purpose.Stopping)) * 1000;
		this.#push(landsAt, Sub.CANCEL_SUCCESS, Run.STOPPING);
		this.#push(stopsAt, KEEP, Run.CANCELLED);
	}
}

// runTimeline's Draw purposes, by the same numbers (its enum is private to it).
const enum Purpose {
	SubmitFails = 1,
	Pending = 3,
	Starting,
	Running,
	RunFails,
	FailPoint,
	CancelDelay = 9,
	CancelFails,
	Stopping,
	DeleteDelay,
	DeleteFails,
	Throttled = 15,
}

/** runTimeline's submissionFails: throttled by the account quota, or failed on its own. */
function submissionFails(context: TimelineContext, prefix: number, submitAt: number): boolean {
	const share = context.curve.shareAt(submitAt);
	if (share < 1 && drawOf(prefix, Purpose.Throttled) < (1 - share) ** START_RUN_ATTEMPTS) return true;
	return drawOf(prefix, Purpose.SubmitFails) < context.parameters.submissionFailureShare;
}

/** One round of seeded-random's mix (FNV step and murmur3 finaliser), for one 32-bit part. */
function mixStep(h: number, part: number): number {
	h = Math.imul(h ^ (part >>> 0), 0x01000193);
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return h ^ (h >>> 16);
}

/** The mix state after (seed, index): every draw of the run continues from it. */
function hashPrefix(seed: number, index: number): number {
	return mixStep(mixStep(0x811c9dc5, seed), index);
}

/** unitHash(seed, index, purpose), from the run's prefix. */
function drawOf(prefix: number, purpose: number): number {
	return (mixStep(prefix, purpose) >>> 0) / 0x1_0000_0000;
}

function between(range: readonly [number, number], unit: number): number {
	return range[0] + (range[1] - range[0]) * unit;
}
