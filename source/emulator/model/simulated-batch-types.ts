import type {BatchParameters} from './batch-parameters.js';
import type {CatchUpMode} from './catch-up-choice.js';
import type {ScheduledAction} from './scheduled-action.js';
import type {BatchStatus} from './statuses.js';

// What a SimulatedBatch is made from and what it reports besides its counters.

export interface SimulatedBatchOptions {
	readonly seed: number;
	readonly totalRuns: number;
	readonly creationTime: number;
	readonly parameters: BatchParameters;
	readonly actions?: readonly ScheduledAction[];
	readonly runSummaryLagMs?: number;
	/**
	 * Whether the account's StartRun quota paces this batch (its share is then set from outside through
	 * `quotaClaim`); without it the batch submits at its own submitRate, as if alone with an ample quota.
	 */
	readonly sharesAccountQuota?: boolean;
	/** Told when the batch stops submitting early (cancel or failure), so its share can go to others. */
	readonly onSubmissionsHalted?: (at: number) => void;
	/** Called before the state moves to `target`: the account settles everyone's quota shares up to then. */
	readonly beforeAdvance?: (target: number) => void;
	/** How the state catches up (catch-up-choice.ts); `auto` unless a test compares the ways. */
	readonly catchUp?: CatchUpMode;
}

/** Thrown for a call the batch's current state does not allow (the API's 409). */
export class StateConflictError extends Error {}

export interface StatusChange {
	readonly status: BatchStatus;
	readonly at: number;
}
