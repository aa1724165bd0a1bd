import type {SubmissionCurve} from './submission-curve.js';

/**
 * The account's default StartRun throughput quota, in calls per second per Region. The HealthOmics
 * user guide's "HealthOmics API quotas" page lists StartRun under the workflow API quotas as adjustable;
 * its current copy gives 0.1 TPS (an older copy said 1 TPS):
 * https://docs.aws.amazon.com/omics/latest/dev/api-quotas.html
 */
export const DOCUMENTED_START_RUN_TPS = 0.1;

/** What the quota needs to know of a batch that will submit runs. */
export interface QuotaClaim {
	/** When its first StartRun may go out. */
	readonly submittingAt: number;
	readonly totalRuns: number;
	/** The most StartRun calls per second it makes even when the quota has room. */
	readonly ceiling: number;
	/** When it stops submitting early (cancel, fail); Infinity if it does not. */
	haltAt: number;
	readonly curve: SubmissionCurve;
}

/**
 * One token bucket per account, refilled at `tps`, with room for a single token (no burst): its tokens
 * are shared max-min fairly by the batches submitting at each moment, so while k batches submit each
 * gets tps/k (a batch whose ceiling is lower takes only that, the others split the rest). The shares
 * only change when a batch starts or stops submitting, so each batch's StartRun times are a
 * piecewise-linear curve, extended lazily up to the time of the latest request: no timer, no state per run.
 * Each change costs O(batches submitting) and adds a segment to each of their curves, so thousands of
 * batches submitting at once cost quadratic time (10,000 at 0.1/s: ~86 s to catch up); a shared
 * fair-share clock (generalised processor sharing) would make that linear.
 */
export class StartRunQuota {
	readonly tps: number;
	/** Claims that have not started submitting yet, by submittingAt. */
	readonly #waiting: QuotaClaim[] = [];
	readonly #active: QuotaClaim[] = [];
	#time = Number.NEGATIVE_INFINITY;

	constructor(tps: number) {
		if (!(tps > 0)) throw new RangeError(`startRunTps must be positive, got ${tps}`);
		this.tps = tps;
	}

	/** Adds a batch; it draws on the quota from its submittingAt (which is never before the last sync). */
	add(claim: QuotaClaim): void {
		let low = 0;
		let high = this.#waiting.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((this.#waiting[middle] as QuotaClaim).submittingAt <= claim.submittingAt) low = middle + 1;
			else high = middle;
		}
		this.#waiting.splice(low, 0, claim);
	}

	/** A batch stops submitting at `at` (a CancelRunBatch or a failure); its share goes to the others from then. */
	halt(claim: QuotaClaim, at: number): void {
		if (at < claim.haltAt) claim.haltAt = Math.max(at, this.#time);
	}

	/** Works out every batch's share up to `target`, so that submission times up to then are final. */
	syncTo(target: number): void {
		for (;;) {
			const at = this.#nextChange();
			if (at > target) return;
			this.#time = at;
			this.#reallocate(at);
		}
	}

	/** The next moment a batch joins or leaves the submitting set. */
	#nextChange(): number {
		let next = this.#waiting[0]?.submittingAt ?? Number.POSITIVE_INFINITY;
		for (const claim of this.#active) next = Math.min(next, claim.haltAt, doneAt(claim));
		return next;
	}

	#reallocate(at: number): void {
		while (this.#waiting.length > 0 && (this.#waiting[0] as QuotaClaim).submittingAt <= at) {
			this.#active.push(this.#waiting.shift() as QuotaClaim);
		}
		const members: QuotaClaim[] = [];
		for (const claim of this.#active) {
			if (at >= claim.haltAt || (claim.curve.timeOf(0) <= at && at >= doneAt(claim))) {
				claim.curve.setRate(Math.max(at, claim.submittingAt), 0);
			} else members.push(claim);
		}
		this.#active.length = 0;
		for (const claim of members) this.#active.push(claim);
		// Max-min fair shares: the smallest ceilings are met first, the rest is split evenly.
		members.sort((a, b) => a.ceiling - b.ceiling);
		let left = this.tps;
		members.forEach((claim, position) => {
			const share = Math.min(claim.ceiling, left / (members.length - position));
			left -= share;
			claim.curve.setRate(at, share);
		});
	}
}

/** When the batch's last run is submitted at its current share. */
function doneAt(claim: QuotaClaim): number {
	return claim.curve.timeOf(claim.totalRuns - 1);
}
