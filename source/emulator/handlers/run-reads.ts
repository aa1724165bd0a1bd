import {getRunBody, runListItem, runName} from '../model/batch-views.js';
import {RUN_STATUS_NAMES, Run} from '../model/statuses.js';
import {notFoundError} from '../http/api-error.js';
import {checkEnum, checkNumericId, checkText} from '../http/field-validation.js';
import {pageLimit} from './page-limit.js';
import type {Handler} from './handler-types.js';

/** GET /run — runs of every batch (deleted batches' too), oldest batch first; filters combine. */
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
	const [startSequence, startIndex] =
		startingToken === null ? [0, 0] : (tokens.read(scope, startingToken, 2) as [number, number]);
	const wanted = status === undefined ? -1 : RUN_STATUS_NAMES.indexOf(status);
	const now = account.clock.now();

	const items: Array<Record<string, unknown>> = [];
	let next: [number, number] | undefined;
	for (const record of account.all()) {
		if (record.sequence < startSequence) continue;
		if (batchId !== undefined && record.id !== batchId) continue;
		if (runGroupId !== undefined && record.runGroupId !== runGroupId) continue;
		record.sim.advanceTo(now);
		const {runCodes, totalRuns} = record.sim;
		for (let index = record.sequence === startSequence ? startIndex : 0; index < totalRuns; index++) {
			const code = runCodes[index] as number;
			if (code === Run.NONE || (wanted !== -1 && code !== wanted)) continue;
			// The name alone, not the whole item: building an item replays the run's timeline.
			if (name !== undefined && runName(record, index) !== name) continue;
			if (items.length === limit) {
				next = [record.sequence, index];
				break;
			}
			items.push(runListItem(record, index));
		}
		if (next) break;
	}
	return {statusCode: 200, body: {items, ...(next ? {nextToken: tokens.issue(scope, next)} : {})}};
};

/** GET /run/{id} */
export const getRun: Handler = ({account, params}) => {
	const id = checkNumericId('id', params['id']);
	// The export list (at most 32 entries of RunExport) is checked against the model before this runs.
	const found = account.findRun(id);
	if (!found) throw notFoundError(`Run ${id} was not found`);
	return {statusCode: 200, body: getRunBody(found.record, found.index)};
};
