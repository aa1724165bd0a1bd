import type {QuotaClaim} from '../../../source/emulator/model/start-run-quota.js';

/**
 * The quota's first implementation, kept as the reference the fair-share clock must agree with: every
 * change recomputes every submitting batch's share and gives each of their curves a segment (quadratic
 * in batches submitting at once, but plainly right). Its claims' curves have segments of their own.
 */
export class ReferenceStartRunQuota {
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
