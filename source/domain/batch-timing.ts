import {doneRuns, type BatchView} from './batch-view.js';
import {runsDeleted, runsOver} from './batch-status.js';
import {throughputPerMinute, type CountSample} from './throughput.js';

/**
 * When a batch's runs ended, and how we know: the API's processedTime or failedTime ('reported'),
 * the poll that first saw it ended right after one that saw it going ('observed', to within one poll),
 * or only the first poll that saw it ended at all ('at-most': it ended then or earlier).
 */
export interface RunEnd {
	readonly at: number;
	readonly known: 'reported' | 'observed' | 'at-most';
}

/** The end of a batch's runs from its timestamps or, failing those, its poll history; undefined while going. */
export function runEnd(view: BatchView, history: readonly CountSample[]): RunEnd | undefined {
	const stamp = view.processedAt ?? view.failedAt;
	if (stamp) return {at: stamp.getTime(), known: 'reported'};
	if (runsOver(view.status) !== true) return undefined;
	// The first sighting of the ended state is the only evidence; a later poll (a refresh) is not.
	for (let index = 0; index < history.length; index++) {
		const sample = history[index];
		if (!sample || runsOver(sample.status) !== true) continue;
		const before = history[index - 1];
		return {at: sample.at, known: before && runsOver(before.status) === false ? 'observed' : 'at-most'};
	}
	return undefined;
}

/** How long a batch has run: up to `now` while its runs go, up to their end after; `atMost` when only bounded. */
export interface Elapsed {
	readonly ms: number;
	readonly atMost: boolean;
}

/**
 * Elapsed time from creation: growing while runs go, fixed once they ended (processed, failed,
 * cancelled, deleted). Undefined without a creation time, for an ended batch with no end evidence, and
 * for a status this version does not know (it may or may not still run).
 */
export function elapsedOf(
	view: BatchView,
	history: readonly CountSample[],
	now: number,
): Elapsed | undefined {
	const created = view.createdAt?.getTime();
	if (created === undefined) return undefined;
	const end = runEnd(view, history);
	if (end) return {ms: Math.max(0, end.at - created), atMost: end.known === 'at-most'};
	if (runsOver(view.status) === false) return {ms: Math.max(0, now - created), atMost: false};
	return undefined;
}

/**
 * Runs done per minute: over the recent window while runs go; over the whole run time (creation to end)
 * once they ended, `atLeast` when that end is only an upper bound. Undefined once runs are deleted
 * (their outcomes are gone) or when not measurable.
 */
export interface Throughput {
	readonly perMinute: number;
	readonly average: boolean;
	readonly atLeast: boolean;
}

/** The throughput to show for a batch at `now` (see Throughput). */
export function throughputOf(
	view: BatchView,
	history: readonly CountSample[],
	now: number,
	windowMs: number,
): Throughput | undefined {
	if (runsDeleted(view.status)) return undefined;
	// A batch can fail (or be cancelled) while runs it started still go: until none is left, the rate
	// is what recent polls saw, not an average up to a batch end the runs outlived.
	if (runsOver(view.status) === true && activeRuns(view) === 0) {
		const created = view.createdAt?.getTime();
		const end = runEnd(view, history);
		if (created === undefined || !end) return undefined;
		// The runs' span ends at the batch's end, or later if runs still finished after it.
		const settled = firstSightOfFinalCount(history, doneRuns(view));
		const last = settled !== undefined && settled.at > end.at ? settled : undefined;
		const ms = (last?.at ?? end.at) - created;
		if (ms < 1000) return undefined;
		return {
			perMinute: (doneRuns(view) / ms) * 60_000,
			average: true,
			atLeast: last ? !last.exact : end.known === 'at-most',
		};
	}
	const perMinute = throughputPerMinute(history, now, windowMs);
	return perMinute === undefined ? undefined : {perMinute, average: false, atLeast: false};
}

const activeRuns = (view: BatchView): number =>
	view.runs.pending + view.runs.starting + view.runs.running + view.runs.stopping;

/**
 * The first poll that saw the done count at its final value: the last run finished then or before
 * (`exact` when the poll before saw fewer, so the finish lies between the two).
 */
function firstSightOfFinalCount(
	history: readonly CountSample[],
	done: number,
): {readonly at: number; readonly exact: boolean} | undefined {
	let index = history.length;
	while (index > 0 && history[index - 1]?.done === done) index--;
	const sample = history[index];
	if (!sample) return undefined;
	return {at: sample.at, exact: index > 0};
}
