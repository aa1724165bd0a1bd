import {doneRuns, type BatchView} from '../domain/batch-view.js';
import {failureCount} from '../domain/batch-verdict.js';
import type {LoggedBatch, PreviousRun} from './event-log.js';
import {groupThousands} from '../domain/thousands.js';

/** How one batch moved between the previous run's last log line and now. */
export interface BatchChange {
	readonly id: string;
	readonly name: string | null;
	readonly from: string;
	readonly to: string;
	readonly newlyFinished: number;
	readonly newFailures: number;
	readonly since: string;
}

/** The change for a batch seen again, or undefined when the previous run never logged it. */
export function changeSince(previous: PreviousRun, view: BatchView): BatchChange | undefined {
	const before: LoggedBatch | undefined = previous.batches.get(view.id);
	if (!before) return undefined;
	return {
		id: view.id,
		name: view.name || null,
		from: before.status,
		to: view.status,
		newlyFinished: Math.max(0, doneRuns(view) - before.finished),
		newFailures: Math.max(0, failureCount(view) - before.failed),
		since: before.time,
	};
}

/** "since last time (2026-11-29T01:00:00Z): 4812375 wgs INPROGRESS -> PROCESSED, +1,204 runs done, +3 failed" */
export function changeLine(change: BatchChange): string {
	const moved = change.from === change.to ? `still ${change.to}` : `${change.from} -> ${change.to}`;
	const count = groupThousands;
	return `since last time (${change.since}): ${change.id}${change.name ? ` ${change.name}` : ''} ${moved}, +${count(change.newlyFinished)} runs done, +${count(change.newFailures)} failed`;
}
