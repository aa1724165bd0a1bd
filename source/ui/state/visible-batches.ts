import {failureCount} from '../../domain/batch-verdict.js';
import {doneRuns} from '../../domain/batch-view.js';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import type {SortMode} from './ui-state.js';
import {compareNames} from './compare-names.js';

const STATUS_ORDER: Record<string, number> = {
	RUNS_DELETING: 0,
	STOPPING: 1,
	SUBMITTING: 2,
	INPROGRESS: 3,
	PENDING: 4,
	CREATING: 5,
	FAILED: 6,
	RUNS_DELETE_FAILED: 7,
	PROCESSED: 8,
	CANCELLED: 9,
	RUNS_DELETED: 10,
};

const progressOf = (batch: BatchSnapshot): number =>
	batch.view && batch.view.totalRuns > 0 ? doneRuns(batch.view) / batch.view.totalRuns : 0;
const nameOf = (batch: BatchSnapshot): string => batch.view?.label ?? batch.id;

const COMPARE: Record<SortMode, (a: BatchSnapshot, b: BatchSnapshot) => number> = {
	// Unknown statuses first (they need a look), then active ones, then finished.
	status: (a, b) => (STATUS_ORDER[a.view?.status ?? ''] ?? -1) - (STATUS_ORDER[b.view?.status ?? ''] ?? -1),
	name: (a, b) => compareNames(nameOf(a), nameOf(b)),
	progress: (a, b) => progressOf(a) - progressOf(b),
	age: (a, b) => (b.view?.createdAt?.getTime() ?? 0) - (a.view?.createdAt?.getTime() ?? 0),
};

let last:
	| {
			batches: readonly BatchSnapshot[];
			filter: string;
			failuresOnly: boolean;
			sort: SortMode;
			result: BatchSnapshot[];
	  }
	| undefined;

/**
 * The batches to list: filtered by text (name, id or status) and failures, then sorted (stable, id as
 * tie-break). The last answer is kept: the render and each key of a read ask the same question.
 */
export function visibleBatches(
	batches: readonly BatchSnapshot[],
	filter: string,
	failuresOnly: boolean,
	sort: SortMode,
): readonly BatchSnapshot[] {
	if (
		last?.batches === batches &&
		last.filter === filter &&
		last.failuresOnly === failuresOnly &&
		last.sort === sort
	)
		return last.result;
	const result = filterAndSort(batches, filter, failuresOnly, sort);
	last = {batches, filter, failuresOnly, sort, result};
	return result;
}

function filterAndSort(
	batches: readonly BatchSnapshot[],
	filter: string,
	failuresOnly: boolean,
	sort: SortMode,
): BatchSnapshot[] {
	const needle = filter.trim().toLowerCase();
	return batches
		.filter((batch) => {
			if (failuresOnly && !(batch.view && (failureCount(batch.view) > 0 || batch.view.status === 'FAILED')))
				return false;
			if (!needle) return true;
			return [batch.id, batch.view?.name ?? '', batch.view?.status ?? ''].some((field) =>
				field.toLowerCase().includes(needle),
			);
		})
		.sort((a, b) => COMPARE[sort](a, b) || compareNames(nameOf(a), nameOf(b)) || compareNames(a.id, b.id));
}
