import {EventHeap} from './event-heap.js';
import {lerp, unitHash} from './seeded-random.js';
import {runTimeline, submitTime, type TimelineContext, type TimelineEntry} from './run-timeline.js';
import {TimelineBuffer} from './timeline-buffer.js';
import {CANCELLABLE, RUNS_DELETABLE, Run, type BatchStatus} from './statuses.js';
import {RunStates, type SubmissionCounts} from './run-states.js';
import {applyWindow} from './run-window.js';
import {jumpIsCheaper, meanRunLifeMs, type CatchUpMode} from './catch-up-choice.js';
import type {BatchParameters} from './batch-parameters.js';
import {RunSummaryLag} from './run-summary-lag.js';
import {actionEligibility, type ScheduledAction} from './scheduled-action.js';
import {SubmissionCurve} from './submission-curve.js';
import type {QuotaClaim} from './start-run-quota.js';
import {StateConflictError, type SimulatedBatchOptions, type StatusChange} from './simulated-batch-types.js';

export type {CatchUpMode, ScheduledAction, SubmissionCounts};
export {StateConflictError, type SimulatedBatchOptions, type StatusChange} from './simulated-batch-types.js';

// Replay steps are synchronous and one at a time: one buffer serves every batch.
const replayBuffer = new TimelineBuffer();

const DEFAULT_FAILURE_REASON =
	'The batch failed because of an internal service error. Resubmit it with the same requestId.';

/**
 * One run batch on the virtual clock. State is advanced lazily to the time of each request, either by
 * replaying, in time order, phase changes, StartRun submissions (a cursor, in index order) and
 * run transitions (a heap holding one next-change per live run), or, for a long stretch, by jumping
 * from phase change to phase change and computing each run's state at each directly (run-window.ts).
 * Counts are kept incrementally, so reading the summary costs the same for 10 runs as for 100,000.
 */
export class SimulatedBatch {
	readonly totalRuns: number;
	readonly creationTime: number;
	readonly parameters: BatchParameters;
	/** Per-run current codes, and how many timeline entries each run has had applied. */
	readonly subCodes: Uint8Array;
	readonly runCodes: Uint8Array;
	readonly #runs: RunStates;
	readonly #heap: EventHeap;
	readonly #mode: CatchUpMode;
	/** Whether a jump is under way (its windows recompute every live run's next entry). */
	#jumping = false;
	/** A run's mean time from submission to its end: how far ahead a live run's remaining changes reach. */
	readonly #meanLifeMs: number;
	#context: TimelineContext;

	#status: BatchStatus = 'CREATING';
	#time: number;
	#submitCursor = 0;
	#haltAt = Number.POSITIVE_INFINITY;
	#cancelSettleAt = Number.POSITIVE_INFINITY;
	readonly #pendingAt: number;
	readonly #actions: ScheduledAction[];
	readonly #history: StatusChange[];
	readonly #lag: RunSummaryLag;
	readonly #onHalt?: (at: number) => void;
	readonly #beforeAdvance?: (target: number) => void;
	/** This batch's claim on the account's StartRun quota. */
	readonly quotaClaim: QuotaClaim;

	submittedTime?: number;
	processedTime?: number;
	failedTime?: number;
	failureReason?: string;

	constructor(options: SimulatedBatchOptions) {
		const {seed, totalRuns, creationTime, parameters} = options;
		this.totalRuns = totalRuns;
		this.creationTime = creationTime;
		this.parameters = parameters;
		this.#runs = new RunStates(totalRuns);
		this.subCodes = this.#runs.subCodes;
		this.runCodes = this.#runs.runCodes;
		this.#mode = options.catchUp ?? 'auto';
		this.#meanLifeMs = meanRunLifeMs(parameters);
		this.#heap = new EventHeap(Math.min(totalRuns, 1024));
		this.#pendingAt = creationTime + lerp(parameters.durations.creating, unitHash(seed, 0xc0)) * 1000;
		const submittingAt = this.#pendingAt + lerp(parameters.durations.validating, unitHash(seed, 0xc1)) * 1000;
		const curve = new SubmissionCurve();
		if (!options.sharesAccountQuota) curve.setRate(submittingAt, parameters.submitRate);
		this.#context = {seed, parameters, submittingAt, curve};
		this.#time = creationTime;
		this.#history = [{status: 'CREATING', at: creationTime}];
		this.#actions = [...(options.actions ?? [])].sort((a, b) => a.at - b.at);
		this.#lag = new RunSummaryLag(options.runSummaryLagMs ?? 0);
		if (options.onSubmissionsHalted) this.#onHalt = options.onSubmissionsHalted;
		if (options.beforeAdvance) this.#beforeAdvance = options.beforeAdvance;
		this.quotaClaim = {
			submittingAt,
			totalRuns,
			ceiling: parameters.submitRate,
			haltAt: this.#scheduledHalt(),
			curve,
		};
	}

	/**
	 * When a scenario action stops this batch's submissions, known in advance so the quota never hands
	 * that batch a share it cannot use: the first cancel (waiting out CREATING) or fail.
	 */
	#scheduledHalt(): number {
		let haltAt = Number.POSITIVE_INFINITY;
		for (const action of this.#actions) {
			if (action.do === 'cancel') haltAt = Math.min(haltAt, Math.max(action.at, this.#pendingAt));
			if (action.do === 'fail') haltAt = Math.min(haltAt, Math.max(action.at, this.creationTime));
		}
		return haltAt;
	}

	get status(): BatchStatus {
		return this.#status;
	}

	/** Virtual time the state reflects. */
	get time(): number {
		return this.#time;
	}

	get history(): readonly StatusChange[] {
		return this.#history;
	}

	get context(): TimelineContext {
		return this.#context;
	}

	/** Submission counters as of the current state (a copy). */
	submissionCounts(): SubmissionCounts {
		return {...this.#runs.submissions};
	}

	/** Run counts indexed by run status code, as of the current state (a copy). */
	runCounts(): Int32Array {
		return this.#runs.runCounts.slice();
	}

	/** Run counts as GetBatch reports them: trailing reality by the configured lag until the batch is settled. */
	reportedRunCounts(): Int32Array {
		const settled =
			this.#status !== 'SUBMITTING' && this.#status !== 'INPROGRESS' && this.#status !== 'STOPPING';
		return settled || !this.#lag.enabled ? this.runCounts() : this.#lag.countsAsOf(this.#time);
	}

	/** Timeline entries run `index` has gone through so far. */
	appliedTimeline(index: number): TimelineEntry[] {
		const steps = this.#runs.steps[index] ?? 0;
		return steps === 0 ? [] : runTimeline(this.#context, index).slice(0, steps);
	}

	/** Brings the state to virtual time `target` (never backwards). */
	advanceTo(target: number): void {
		if (target <= this.#time) return;
		this.#beforeAdvance?.(target);
		if (this.#lag.enabled) {
			this.#catchUp(target - this.#lag.ms);
			this.#lag.record(this.#time, this.#runs.runCounts);
		}
		this.#catchUp(target);
		this.#lag.record(this.#time, this.#runs.runCounts);
	}

	#catchUp(target: number): void {
		if (target <= this.#time) return;
		if (this.#shouldJump(target)) this.#jump(target);
		else this.#advance(target);
	}

	#shouldJump(target: number): boolean {
		if (this.#mode !== 'auto') return this.#mode === 'jump';
		const submitting =
			this.#status === 'CREATING' || this.#status === 'PENDING' || this.#status === 'SUBMITTING';
		const reachable = Math.min(this.totalRuns, Math.floor(this.#context.curve.countAt(target)) + 1);
		return jumpIsCheaper({
			live: this.#heap.size,
			due: submitting ? Math.max(0, reachable - this.#submitCursor) : 0,
			gapMs: target - this.#time,
			meanLifeMs: this.#meanLifeMs,
		});
	}

	/**
	 * The same state as `#advance(target)`, reached window by window: up to each phase change (or
	 * `target`) every run is brought forward directly, then the status changes the counters imply are
	 * dated from what the window applied, then the phase change (if due) is applied, and so on.
	 */
	#jump(target: number): void {
		this.#jumping = true;
		try {
			this.#jumpWindows(target);
		} finally {
			this.#jumping = false;
		}
		if (target > this.#time) this.#time = target;
	}

	#jumpWindows(target: number): void {
		// How far the runs have been brought since the last phase change: looking again after a status
		// change must not walk every live run a second time for nothing.
		let covered = Number.NEGATIVE_INFINITY;
		let coveredInclusive = false;
		for (;;) {
			const phase = this.#nextPhase();
			const inclusive = phase.at > target;
			const end = inclusive ? target : phase.at;
			const done = end < covered || (end === covered && (coveredInclusive || !inclusive));
			const window = done
				? {cursor: this.#submitCursor, events: 0, lastEventAt: Number.NEGATIVE_INFINITY, lastSubmitAt: 0}
				: applyWindow(
						this.#runs,
						this.#heap,
						this.#context,
						{
							cursor: this.#submitCursor,
							totalRuns: this.totalRuns,
							open: this.#status === 'SUBMITTING',
							haltAt: this.#haltAt,
						},
						end,
						inclusive,
					);
			if (!done) {
				covered = end;
				coveredInclusive = inclusive;
			}
			this.#submitCursor = window.cursor;
			if (window.lastEventAt > this.#time) this.#time = window.lastEventAt;
			const before = this.#status;
			if (this.#status === 'SUBMITTING' && this.#submitCursor >= this.totalRuns) {
				this.submittedTime = window.lastSubmitAt;
				this.#setStatus('INPROGRESS', window.lastSubmitAt);
			}
			// Once every run is submitted the heap only shrinks: it emptied at the window's last entry.
			if (this.#heap.size === 0 && window.events > 0) this.#settle(window.lastEventAt);
			// A status the counters changed, or an emptied heap (a STOPPING batch settles once it is), can
			// bring, drop or defer a phase change: look again before going on.
			if (this.#status !== before || (inclusive && this.#heap.size === 0 && window.events > 0)) continue;
			if (inclusive) break;
			phase.apply(phase.at);
			covered = Number.NEGATIVE_INFINITY;
			if (phase.at > this.#time) this.#time = phase.at;
			this.#settle(phase.at);
		}
	}

	/** CancelRunBatch at `now`. */
	cancel(now: number): void {
		this.advanceTo(now);
		if (!CANCELLABLE.has(this.#status)) {
			throw new StateConflictError(
				`Run batch is ${this.#status}; only PENDING, SUBMITTING or INPROGRESS batches can be cancelled`,
			);
		}
		this.#applyCancel(Math.max(now, this.#time));
	}

	/** DeleteRunBatch at `now`. */
	deleteRuns(now: number): void {
		this.advanceTo(now);
		if (!RUNS_DELETABLE.has(this.#status)) {
			throw new StateConflictError(
				`Run batch is ${this.#status}; runs can only be deleted from a PROCESSED or CANCELLED batch`,
			);
		}
		this.#applyDeleteRuns(Math.max(now, this.#time));
	}

	#advance(target: number): void {
		for (;;) {
			const phase = this.#nextPhase();
			const submitAt = this.#nextSubmitTime();
			const runAt = this.#heap.peekTime();
			const at = Math.min(phase.at, submitAt, runAt);
			if (at > target) break;
			if (at === phase.at) phase.apply(at);
			else if (at === submitAt) this.#submitNext();
			else this.#applyRunEntry(this.#heap.pop());
			if (at > this.#time) this.#time = at;
			this.#settle(at);
		}
		if (target > this.#time) this.#time = target;
	}

	#nextSubmitTime(): number {
		if (this.#status !== 'SUBMITTING' || this.#submitCursor >= this.totalRuns)
			return Number.POSITIVE_INFINITY;
		const at = submitTime(this.#context, this.#submitCursor);
		return at <= this.#haltAt ? at : Number.POSITIVE_INFINITY;
	}

	/** The earliest phase change or scheduled action that can happen in the current status. */
	#nextPhase(): {at: number; apply: (at: number) => void} {
		let best: {at: number; apply: (at: number) => void} = {at: Number.POSITIVE_INFINITY, apply: () => {}};
		const consider = (at: number, apply: (at: number) => void): void => {
			if (at < best.at) best = {at, apply};
		};
		if (this.#status === 'CREATING') consider(this.#pendingAt, (at) => this.#setStatus('PENDING', at));
		if (this.#status === 'PENDING')
			consider(this.#context.submittingAt, (at) => this.#setStatus('SUBMITTING', at));
		if (this.#status === 'STOPPING' && this.#heap.size === 0)
			consider(this.#cancelSettleAt, (at) => this.#setStatus('CANCELLED', at));
		for (let index = 0; index < this.#actions.length;) {
			const action = this.#actions[index] as ScheduledAction;
			const eligibility = actionEligibility(action.do, this.#status);
			if (eligibility === 'drop') {
				this.#actions.splice(index, 1);
				continue;
			}
			if (eligibility === 'now')
				consider(Math.max(action.at, this.#time), (at) => this.#runAction(action, at));
			index += 1;
		}
		return best;
	}

	#runAction(action: ScheduledAction, at: number): void {
		this.#actions.splice(this.#actions.indexOf(action), 1);
		if (action.do === 'cancel') this.#applyCancel(at);
		else if (action.do === 'deleteRuns') this.#applyDeleteRuns(at);
		else this.#applyFail(at, action.reason ?? DEFAULT_FAILURE_REASON);
	}

	#submitNext(): void {
		this.#applyRunEntry(this.#submitCursor++);
	}

	/** Applies the run's next timeline entry, updates the counters, and schedules its following entry. */
	#applyRunEntry(index: number): void {
		const timeline = replayBuffer;
		timeline.fill(this.#context, index);
		const step = this.#runs.steps[index] as number;
		if (step >= timeline.length) return;
		if (step === 0) this.#runs.submitTimes[index] = timeline.times[0] as number;
		this.#runs.applyCodes(index, timeline.subs[step] as number, timeline.runs[step] as number);
		if (step + 1 < timeline.length) this.#heap.push(timeline.times[step + 1] as number, index);
	}

	/** Status changes implied by the counters, checked after every step. */
	#settle(at: number): void {
		if (this.#status === 'SUBMITTING' && this.#submitCursor >= this.totalRuns) {
			this.submittedTime = at;
			this.#setStatus('INPROGRESS', at);
		}
		if (this.#status === 'INPROGRESS' && this.#heap.size === 0) {
			this.processedTime = at;
			this.#setStatus('PROCESSED', at);
		}
		if (this.#status === 'STOPPING' && this.#heap.size === 0 && at >= this.#cancelSettleAt) {
			this.#setStatus('CANCELLED', at);
		}
		if (this.#status === 'RUNS_DELETING' && this.#heap.size === 0) {
			const failed = this.#runs.submissions.failedDeleteSubmissionCount > 0;
			this.#setStatus(failed ? 'RUNS_DELETE_FAILED' : 'RUNS_DELETED', at);
		}
	}

	#applyCancel(at: number): void {
		const live = this.#heap.drain();
		const spreadMs = Math.max(1, live.length / this.parameters.cancelRate) * 1000;
		this.#context = {...this.#context, cancelAt: at, cancelSpreadMs: spreadMs};
		this.#haltAt = at;
		this.#onHalt?.(at);
		this.#cancelSettleAt =
			at + lerp(this.parameters.durations.stopping, unitHash(this.#context.seed, 0xc2)) * 1000;
		this.#setStatus('STOPPING', at);
		this.#reschedule(live, at);
	}

	#applyDeleteRuns(at: number): void {
		const started: number[] = [];
		for (let index = 0; index < this.totalRuns; index++) {
			if (this.runCodes[index] !== Run.NONE) started.push(index);
		}
		const spreadMs = Math.max(1, started.length / this.parameters.deleteRate) * 1000;
		this.#context = {...this.#context, deleteAt: at, deleteSpreadMs: spreadMs};
		this.#setStatus('RUNS_DELETING', at);
		this.#reschedule(started, at);
		this.#settle(at);
	}

	#applyFail(at: number, reason: string): void {
		this.#haltAt = at;
		this.#onHalt?.(at);
		this.failedTime = at;
		this.failureReason = reason;
		this.#setStatus('FAILED', at);
	}

	/**
	 * Re-queues runs whose future changed at `at`: applied entries are untouched, only what comes next
	 * moves. Each of them has a next entry (a live run cancelled, a finished run deleted); in a jump the
	 * next window computes it anyway, so the heap holds `at` for it until then.
	 */
	#reschedule(indices: Iterable<number>, at: number): void {
		if (this.#jumping) {
			for (const index of indices) this.#heap.push(at, index);
			return;
		}
		const timeline = replayBuffer;
		for (const index of indices) {
			timeline.fill(this.#context, index);
			const step = this.#runs.steps[index] as number;
			if (step < timeline.length) this.#heap.push(timeline.times[step] as number, index);
		}
	}

	#setStatus(status: BatchStatus, at: number): void {
		this.#status = status;
		this.#history.push({status, at});
	}
}
