import type {BatchView} from './batch-view.js';
import {groupThousands} from './thousands.js';

/** How a batch turned out (or that it has not yet). */
export type VerdictKind =
	| 'running'
	| 'succeeded'
	| 'some-failed'
	| 'batch-failed'
	| 'cancelled'
	| 'runs-deleted'
	| 'runs-delete-failed'
	| 'unknown';

export interface Verdict {
	readonly kind: VerdictKind;
	readonly label: string;
}

/** Failed runs plus failed start submissions. */
export function failureCount(view: BatchView): number {
	return view.runs.failed + view.submissions.failed;
}

/** The verdict on a batch from its status and counts. */
export function batchVerdict(view: BatchView): Verdict {
	const failures = failureCount(view);
	const count = groupThousands;
	const someFailed = `${count(failures)} of ${count(view.totalRuns)} failed`;
	switch (view.status) {
		case 'PROCESSED':
			return failures > 0
				? {kind: 'some-failed', label: `finished, ${someFailed}`}
				: {kind: 'succeeded', label: 'succeeded'};
		case 'FAILED':
			return {kind: 'batch-failed', label: 'batch failed'};
		case 'CANCELLED':
			return {kind: 'cancelled', label: 'cancelled'};
		case 'RUNS_DELETED':
			return {kind: 'runs-deleted', label: 'runs deleted'};
		case 'RUNS_DELETE_FAILED':
			return {
				kind: 'runs-delete-failed',
				label: `${count(view.submissions.deleteFailed)} run deletions failed`,
			};
		// Still changing, so the kind stays 'running' (scripts read it as "not decided yet"); the label
		// says what is happening: a stopping batch runs nothing new, a deleting one runs nothing at all.
		case 'STOPPING':
			return {kind: 'running', label: failures > 0 ? `cancelling, ${someFailed}` : 'cancelling'};
		case 'RUNS_DELETING':
			return {kind: 'running', label: 'deleting runs'};
		default:
			if (view.statusClass === 'active') {
				return {kind: 'running', label: failures > 0 ? `running, ${someFailed} so far` : 'running'};
			}
			return {kind: 'unknown', label: `unknown status ${view.status}`};
	}
}
