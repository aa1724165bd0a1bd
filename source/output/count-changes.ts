import type {BatchView} from '../domain/batch-view.js';
import {groupThousands} from '../domain/thousands.js';

// Every count the poll signature compares (domain/throughput.ts), so a line printed because counts
// moved always names the count that moved: a deleting batch whose "runs done" stays put still says
// "deleted 2,204→2,996".
const COUNTS: ReadonlyArray<readonly [string, (view: BatchView) => number]> = [
	['started', (view) => view.submissions.successful],
	['failed starts', (view) => view.submissions.failed],
	['pending starts', (view) => view.submissions.pending],
	['cancels', (view) => view.submissions.cancelSucceeded],
	['failed cancels', (view) => view.submissions.cancelFailed],
	['deletes', (view) => view.submissions.deleteSucceeded],
	['failed deletes', (view) => view.submissions.deleteFailed],
	['pending', (view) => view.runs.pending],
	['starting', (view) => view.runs.starting],
	['running', (view) => view.runs.running],
	['stopping', (view) => view.runs.stopping],
	['completed', (view) => view.runs.completed],
	['failed', (view) => view.runs.failed],
	['cancelled', (view) => view.runs.cancelled],
	['deleted', (view) => view.runs.deleted],
	['total runs', (view) => view.totalRuns],
];

/** "deleted 2,204→2,996, completed 796→4": every count that differs, before and after; '' when none does. */
export function countChanges(before: BatchView, after: BatchView, arrow = '→'): string {
	const changes: string[] = [];
	for (const [label, read] of COUNTS) {
		const from = read(before);
		const to = read(after);
		if (from !== to) changes.push(`${label} ${groupThousands(from)}${arrow}${groupThousands(to)}`);
	}
	return changes.join(', ');
}
