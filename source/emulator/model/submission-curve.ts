/**
 * How many StartRun calls a batch has made by each moment: a piecewise-linear (fluid) count, one
 * segment per change of the batch's share of the account quota. Run `index` is submitted when the
 * count reaches `index`, so a run's submission time is computed, never stored per run.
 */
export class SubmissionCurve {
	readonly #starts: number[] = [];
	readonly #counts: number[] = [];
	readonly #rates: number[] = [];

	/** Sets the rate (StartRun calls per virtual second) from `at` on; `at` never goes backwards. */
	setRate(at: number, rate: number): void {
		const last = this.#starts.length - 1;
		if (last >= 0 && at < (this.#starts[last] as number))
			throw new RangeError('the curve cannot change its past');
		if (last >= 0 && this.#rates[last] === rate) return;
		const count = this.countAt(at);
		if (last >= 0 && this.#starts[last] === at) {
			this.#rates[last] = rate;
			return;
		}
		this.#starts.push(at);
		this.#counts.push(count);
		this.#rates.push(rate);
	}

	/** Fluid count of StartRun calls made by `at` (0 before the first segment). */
	countAt(at: number): number {
		const segment = this.#segmentAtTime(at);
		if (segment < 0) return 0;
		return (
			(this.#counts[segment] as number) +
			((this.#rates[segment] as number) * (at - (this.#starts[segment] as number))) / 1000
		);
	}

	/** When run `index` is submitted; Infinity when the curve as known so far never reaches it. */
	timeOf(index: number): number {
		let low = 0;
		let high = this.#counts.length - 1;
		if (high < 0) return Number.POSITIVE_INFINITY;
		// The last segment whose starting count is at or below index.
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if ((this.#counts[middle] as number) <= index) low = middle;
			else high = middle - 1;
		}
		const start = this.#starts[low] as number;
		const count = this.#counts[low] as number;
		const rate = this.#rates[low] as number;
		if (index < count) return start; // before the first segment's count (cannot happen: it starts at 0)
		// A stop can land where the count is a rounding hair below `index`: the run was reached just then.
		if (rate <= 0) return index - count < 1e-6 ? start : Number.POSITIVE_INFINITY;
		const at = start + ((index - count) * 1000) / rate;
		const next = this.#starts[low + 1];
		// Float rounding can put the crossing a hair past the next segment's start; the next segment owns it then.
		return next !== undefined && at > next ? next : at;
	}

	#segmentAtTime(at: number): number {
		let low = 0;
		let high = this.#starts.length - 1;
		if (high < 0 || at < (this.#starts[0] as number)) return -1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if ((this.#starts[middle] as number) <= at) low = middle;
			else high = middle - 1;
		}
		return low;
	}
}
