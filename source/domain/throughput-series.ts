import type {CountSample} from './throughput.js';

/**
 * Runs done per minute in each of `buckets` equal slices of the history's span, oldest first: the
 * throughput over time a sparkline draws. Empty without two samples or a span of time between them.
 * A slice no poll fell in gets the rate of the poll interval that covers it.
 */
export function throughputSeries(history: readonly CountSample[], buckets: number): number[] {
	const first = history[0];
	const last = history.at(-1);
	if (!first || !last || buckets <= 0 || last.at <= first.at) return [];
	const span = last.at - first.at;
	const series: number[] = [];
	for (let index = 0; index < buckets; index++) {
		const from = first.at + (span * index) / buckets;
		const to = first.at + (span * (index + 1)) / buckets;
		series.push(((doneAt(history, to) - doneAt(history, from)) / (to - from)) * 60_000);
	}
	return series;
}

/** Runs done at time `at`, read between the samples around it (linearly: polls are seconds apart). */
function doneAt(history: readonly CountSample[], at: number): number {
	let before = history[0];
	for (const sample of history) {
		if (sample.at > at) {
			if (!before || sample.at === before.at) return sample.done;
			const share = (at - before.at) / (sample.at - before.at);
			return before.done + Math.max(0, sample.done - before.done) * share;
		}
		before = sample;
	}
	return before?.done ?? 0;
}
