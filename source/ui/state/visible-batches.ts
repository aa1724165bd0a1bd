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
			held: readonly string[] | undefined;
			result: BatchSnapshot[];
	  }
	| undefined;

/**
 * The batches to list: filtered by text (name, id or status) and failures, then sorted (stable, id as
 * tie-break). With a `held` order (the ids as the list showed them while keys were pressed), rows keep
 * those places and batches new since come after, sorted: the list does not reorder under the reader.
 * The last answer is kept: the render and each key of a read ask the same question.
 */
export function visibleBatches(
	batches: readonly BatchSnapshot[],
	filter: string,
	failuresOnly: boolean,
	sort: SortMode,
	held?: readonly string[],
): readonly BatchSnapshot[] {
	if (
		last?.batches === batches &&
		last.filter === filter &&
		last.failuresOnly === failuresOnly &&
		last.sort === sort &&
		last.held === held
	)
		return last.result;
	const sorted = filterAndSort(batches, filter, failuresOnly, sort);
	const result = held ? holdOrder(sorted, held) : sorted;
	last = {batches, filter, failuresOnly, sort, held, result};
	return result;
}

/** The sorted batches in the held order: held ids in their places, the others after them as sorted. */
function holdOrder(sorted: BatchSnapshot[], held: readonly string[]): BatchSnapshot[] {
	const place = new Map(held.map((id, index) => [id, index]));
	const kept = sorted.filter((batch) => place.has(batch.id));
	kept.sort((a, b) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0));
	return [...kept, ...sorted.filter((batch) => !place.has(batch.id))];
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
