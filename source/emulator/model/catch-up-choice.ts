import type {BatchParameters} from './batch-parameters.js';

/**
 * How a batch's state catches up: `replay` applies every event in time order (the reference), `jump`
 * computes each run's state at the target directly, `auto` picks the cheaper one.
 */
export type CatchUpMode = 'auto' | 'replay' | 'jump';

/** Below this many live and due runs, replaying costs nothing worth a jump. */
const SMALL_CATCH_UP = 16;

/** A run's mean time from submission to its end: how far ahead a live run's remaining changes reach. */
export function meanRunLifeMs({durations}: BatchParameters): number {
	const {pending, starting, running} = durations;
	return ((pending[0] + pending[1] + starting[0] + starting[1] + running[0] + running[1]) / 2) * 1000;
}

/** What the choice is made from: runs in the heap, StartRun calls due by the target, and the time to cover. */
export interface CatchUpSize {
	readonly live: number;
	readonly due: number;
	readonly gapMs: number;
	readonly meanLifeMs: number;
}

/**
 * Whether jumping is cheaper than replaying: a jump walks every live run and every due submission
 * once; a replay pays per event, and each run has up to four (more when cancelled or deleted), of
 * which a live run reaches more the longer the gap.
 */
export function jumpIsCheaper({live, due, gapMs, meanLifeMs}: CatchUpSize): boolean {
	if (live + due < SMALL_CATCH_UP) return false;
	const reached = Math.min(1, gapMs / meanLifeMs);
	return 4 * due + 3 * live * reached > 2 * (live + due);
}
