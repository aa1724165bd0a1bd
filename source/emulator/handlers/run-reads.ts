import {getRunBody, runListItem, runName} from '../model/batch-views.js';
import {RUN_STATUS_NAMES, Run} from '../model/statuses.js';
import {notFoundError} from '../http/api-error.js';
import {checkEnum, checkNumericId, checkText} from '../http/field-validation.js';
import {pageLimit} from './page-limit.js';
import {submitTime} from '../model/run-timeline.js';
import type {BatchRecord} from '../model/account.js';
import type {Handler} from './handler-types.js';

/** GET /run — runs of every batch (deleted batches' too), newest first as the service lists them; filters combine. */
export const listRuns: Handler = ({account, query, tokens}) => {
	const limit = pageLimit(query, 'maxResults');
	const status = query.has('status')
		? checkEnum('status', query.get('status'), RUN_STATUS_NAMES.slice(1))
		: undefined;
	const batchId = query.has('batchId') ? checkNumericId('batchId', query.get('batchId')) : undefined;
	const runGroupId = query.has('runGroupId')
		? checkNumericId('runGroupId', query.get('runGroupId'))
		: undefined;
	const name = query.has('name') ? checkText('name', query.get('name'), 1, 128) : undefined;
	const scope = `ListRuns|${status ?? ''}|${batchId ?? ''}|${runGroupId ?? ''}|${name ?? ''}`;
	const startingToken = query.get('startingToken');
	// A page token is the (creation time, batch sequence, index) of the next run to list: runs
	// submitted since the first page are newer than it, so paging neither repeats nor skips a run.
	const cutoff: RunKey =
		startingToken === null
			? [Number.POSITIVE_INFINITY, 0, 0]
			: (tokens.read(scope, startingToken, 3) as unknown as RunKey);
	const wanted = status === undefined ? -1 : RUN_STATUS_NAMES.indexOf(status);
	const now = account.clock.now();

	const cursors: RunCursor[] = [];
	for (const record of account.all()) {
		if (batchId !== undefined && record.id !== batchId) continue;
		if (runGroupId !== undefined && record.runGroupId !== runGroupId) continue;
		record.sim.advanceTo(now);
		const index = lastBefore(record, startedCount(record), cutoff);
		if (index >= 0) cursors.push({record, index, key: runKey(record, index)});
	}

	const items: Array<Record<string, unknown>> = [];
	let next: RunKey | undefined;
	// A k-way merge: each batch submits in index order, so its runs are already newest-first backwards.
	for (;;) {
		let best: RunCursor | undefined;
		for (const cursor of cursors) {
			if (cursor.index >= 0 && (!best || compareKeys(cursor.key, best.key) > 0)) best = cursor;
		}
		if (!best) break;
		const {record, index, key: bestKey} = best;
		best.index -= 1;
		if (best.index >= 0) best.key = runKey(record, best.index);
		const code = record.sim.runCodes[index] as number;
		if (code === Run.NONE || (wanted !== -1 && code !== wanted)) continue;
		// The name alone, not the whole item: building an item replays the run's timeline.
		if (name !== undefined && runName(record, index) !== name) continue;
		if (items.length === limit) {
			next = bestKey;
			break;
		}
		items.push(runListItem(record, index));
	}
	return {statusCode: 200, body: {items, ...(next ? {nextToken: tokens.issue(scope, next)} : {})}};
};

type RunKey = [time: number, sequence: number, index: number];
interface RunCursor {
	readonly record: BatchRecord;
	/** The batch's next run to list (-1: none left) and its key. */
	index: number;
	key: RunKey;
}

/** How many of the batch's runs have had their StartRun attempted (they go out in index order). */
function startedCount(record: BatchRecord): number {
	const counts = record.sim.submissionCounts();
	return record.sim.totalRuns - counts.pendingStartSubmissionCount;
}

function runKey(record: BatchRecord, index: number): RunKey {
	return [submitTime(record.sim.context, index), record.sequence, index];
}

/** Positive when `a` is newer (listed earlier) than `b`. */
function compareKeys(a: RunKey, b: RunKey): number {
	return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The highest index below `count` whose key is not newer than `cutoff` (the next page's first run), or -1. */
function lastBefore(record: BatchRecord, count: number, cutoff: RunKey): number {
	let low = 0;
	let high = count;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (compareKeys(runKey(record, middle), cutoff) <= 0) low = middle + 1;
		else high = middle;
	}
	return low - 1;
}

/** GET /run/{id} */
export const getRun: Handler = ({account, params}) => {
	const id = checkNumericId('id', params['id']);
	// The export list (at most 32 entries of RunExport) is checked against the model before this runs.
	const found = account.findRun(id);
	if (!found) throw notFoundError(`Run ${id} was not found`);
	return {statusCode: 200, body: getRunBody(found.record, found.index)};
};
