/**
 * How many StartRun calls a batch has made by each moment: a piecewise-linear (fluid) count. Run `index`
 * is submitted when the count reaches `index`, so a run's submission time is computed, never stored per run.
 *
 * A curve either has segments of its own (`setRate`: a batch alone, or one ceiling group's shared count)
 * or, while the account quota paces its batch, is a window onto its ceiling group's curve (`follow`):
 * every batch with the same ceiling gets the same rate at every moment, so one shared curve holds all their
 * segments and each batch's count is that curve's rise since it joined, cut off when it stops.
 */
export class SubmissionCurve {
	readonly #starts: number[] = [];
	readonly #counts: number[] = [];
	readonly #rates: number[] = [];
	#span?: Span;

	/** Sets the rate (StartRun calls per virtual second) from `at` on; `at` never goes backwards. */
	setRate(at: number, rate: number): void {
		if (this.#span) throw new Error('a curve that follows its ceiling group has no rates of its own');
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

	/**
	 * From `from` on, this curve is `group`'s rise since then (the account quota's doing); `pace` is what the
	 * batch would get alone, the yardstick of `shareAt`.
	 */
	follow(group: SubmissionCurve, from: number, pace: number): void {
		if (this.#span || this.#starts.length > 0) throw new Error('the curve already has a course');
		this.#span = {group, from, offset: group.countAt(from), until: Number.POSITIVE_INFINITY, pace};
	}

	/** A following curve stops rising at `at` (its batch stopped submitting); never before it started. */
	stopAt(at: number): void {
		const span = this.#span;
		if (!span) throw new Error('only a following curve is stopped this way');
		span.until = Math.max(span.from, Math.min(span.until, at));
	}

	/** Fluid count of StartRun calls made by `at` (0 before the first segment). */
	countAt(at: number): number {
		const span = this.#span;
		if (!span) return this.#ownCountAt(at);
		if (at < span.from) return 0;
		return Math.max(0, span.group.countAt(Math.min(at, span.until)) - span.offset);
	}

	/** When run `index` is submitted; Infinity when the curve as known so far never reaches it. */
	timeOf(index: number): number {
		const span = this.#span;
		if (!span) return this.#ownTimeOf(index);
		const at = Math.max(span.from, span.group.timeOf(span.offset + index));
		if (at <= span.until) return at;
		// A stop can land where the count is a rounding hair below `index`: the run was reached just then.
		return this.countAt(span.until) >= index - 1e-6 ? span.until : Number.POSITIVE_INFINITY;
	}

	/**
	 * The rate that carried the count to its value at `at`, as a fraction of what the batch would get alone
	 * (1 for a curve of its own): below 1 while other batches share the account quota with it.
	 */
	shareAt(at: number): number {
		const span = this.#span;
		if (!span) return 1;
		const rate =
			at <= span.from
				? span.group.#rateAt(span.from, false)
				: span.group.#rateAt(Math.min(at, span.until), true);
		return span.pace > 0 ? Math.min(1, rate / span.pace) : 1;
	}

	#ownCountAt(at: number): number {
		const segment = this.#segmentAtTime(at, false);
		if (segment < 0) return 0;
		return (
			(this.#counts[segment] as number) +
			((this.#rates[segment] as number) * (at - (this.#starts[segment] as number))) / 1000
		);
	}

	#ownTimeOf(index: number): number {
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

	/** The rate of the segment holding `at`, or with `before`, of the one holding the instant just before it. */
	#rateAt(at: number, before: boolean): number {
		const segment = this.#segmentAtTime(at, before);
		return segment < 0 ? 0 : (this.#rates[segment] as number);
	}

	/** The last segment starting at or before `at` (strictly before, with `before`; the first one at worst). */
	#segmentAtTime(at: number, before: boolean): number {
		let low = 0;
		let high = this.#starts.length - 1;
		if (high < 0 || at < (this.#starts[0] as number)) return -1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			const start = this.#starts[middle] as number;
			if (before ? start < at : start <= at) low = middle;
			else high = middle - 1;
		}
		return low;
	}
}

/** The part of a ceiling group's curve that is one batch's: from its join to its stop, counted from its join. */
interface Span {
	readonly group: SubmissionCurve;
	readonly from: number;
	readonly offset: number;
	until: number;
	readonly pace: number;
}
