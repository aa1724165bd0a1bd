import type {BatchView} from './batch-view.js';

/** One coloured stretch of a progress bar. */
export interface Segment {
	readonly key: SegmentKey;
	readonly count: number;
	readonly width: number;
}

export type SegmentKey =
	| 'successful'
	| 'failed'
	| 'pending'
	| 'completed'
	| 'runFailed'
	| 'cancelled'
	| 'deleted'
	| 'stopping'
	| 'running'
	| 'starting'
	| 'runPending'
	| 'notStarted';

/**
 * Splits `width` cells among non-negative counts in proportion: the widths always sum to exactly
 * `width` (when any count is non-zero), and every non-zero count gets at least one cell while the
 * width allows. When there are more non-zero counts than cells, the largest get one cell each.
 * Largest-remainder rounding keeps every width within one cell of its exact share otherwise.
 */
export function allocateWidths(counts: readonly number[], width: number): number[] {
	const cells = Math.max(0, Math.floor(width));
	const values = counts.map((count) => (Number.isFinite(count) && count > 0 ? count : 0));
	const total = values.reduce((sum, value) => sum + value, 0);
	const widths = values.map(() => 0);
	if (total === 0 || cells === 0) return widths;
	const nonZero = values.map((value, index) => ({value, index})).filter(({value}) => value > 0);
	if (nonZero.length >= cells) {
		nonZero.sort((a, b) => b.value - a.value || a.index - b.index);
		for (const {index} of nonZero.slice(0, cells)) widths[index] = 1;
		return widths;
	}
	const exact = values.map((value) => (value / total) * cells);
	values.forEach((value, index) => {
		if (value > 0) widths[index] = Math.max(1, Math.floor(exact[index] ?? 0));
	});
	let assigned = widths.reduce((sum, w) => sum + w, 0);
	// Too few cells given out: the largest remainders get one more each.
	while (assigned < cells) {
		let best = -1;
		for (let index = 0; index < values.length; index++) {
			if ((values[index] ?? 0) === 0) continue;
			if (
				best === -1 ||
				(exact[index] ?? 0) - (widths[index] ?? 0) > (exact[best] ?? 0) - (widths[best] ?? 0)
			)
				best = index;
		}
		widths[best] = (widths[best] ?? 0) + 1;
		assigned += 1;
	}
	// Too many (minimum cells pushed past the width): take from whoever is most over its share, never below one.
	while (assigned > cells) {
		let best = -1;
		for (let index = 0; index < values.length; index++) {
			if ((widths[index] ?? 0) <= 1) continue;
			if (
				best === -1 ||
				(widths[index] ?? 0) - (exact[index] ?? 0) > (widths[best] ?? 0) - (exact[best] ?? 0)
			)
				best = index;
		}
		widths[best] = (widths[best] ?? 0) - 1;
		assigned -= 1;
	}
	return widths;
}

function segments(entries: ReadonlyArray<readonly [SegmentKey, number]>, width: number): Segment[] {
	const widths = allocateWidths(
		entries.map(([, count]) => count),
		width,
	);
	return entries.map(([key, count], index) => ({key, count, width: widths[index] ?? 0}));
}

/** The submissions bar: successful / failed / still pending start, of totalRuns. */
export function submissionSegments(view: BatchView, width: number): Segment[] {
	const {successful, failed} = view.submissions;
	const pending = Math.max(0, view.totalRuns - successful - failed);
	return segments(
		[
			['successful', successful],
			['failed', failed],
			['pending', pending],
		],
		width,
	);
}

/** The runs bar: every run state, then the part of totalRuns that has no run yet. */
export function runSegments(view: BatchView, width: number): Segment[] {
	const {runs} = view;
	const entries: Array<readonly [SegmentKey, number]> = [
		['completed', runs.completed],
		['runFailed', runs.failed],
		['cancelled', runs.cancelled],
		['deleted', runs.deleted],
		['stopping', runs.stopping],
		['running', runs.running],
		['starting', runs.starting],
		['runPending', runs.pending],
	];
	const used = entries.reduce((sum, [, count]) => sum + count, 0);
	entries.push(['notStarted', Math.max(0, view.totalRuns - used)]);
	return segments(entries, width);
}
