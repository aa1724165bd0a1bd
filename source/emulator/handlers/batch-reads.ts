import {batchListItem, getBatchBody, runBatchEntry, runId, runSettingId} from '../model/batch-views.js';
import {BATCH_STATUSES, Sub, SUBMISSION_STATUS_NAMES} from '../model/statuses.js';
import {checkEnum, checkNumericId, checkSingleFilter} from '../http/field-validation.js';
import {translateModelErrors} from './batch-lifecycle.js';
import {pageLimit} from './page-limit.js';
import type {BatchRecord} from '../model/account.js';
import type {Handler} from './handler-types.js';

/** GET /runBatch/{batchId} */
export const getBatch: Handler = ({account, params}) => {
	const batchId = checkNumericId('batchId', params['batchId']);
	const record = translateModelErrors(() => account.get(batchId));
	return {statusCode: 200, body: getBatchBody(record)};
};

const BATCH_FILTERS = ['status', 'name', 'runGroupId'] as const;

/** GET /runBatch — newest first; pages resume after the last (creationTime, sequence) returned. */
export const listBatch: Handler = ({account, query, tokens}) => {
	checkSingleFilter(query, BATCH_FILTERS);
	const limit = pageLimit(query, 'maxItems');
	const status = query.has('status') ? checkEnum('status', query.get('status'), BATCH_STATUSES) : undefined;
	// The model's check (shape-validation, before any handler) measures it in code points, as Smithy does.
	const name = query.get('name') ?? undefined;
	const runGroupId = query.has('runGroupId')
		? checkNumericId('runGroupId', query.get('runGroupId'))
		: undefined;
	const scope = `ListBatch|${status ?? ''}|${name ?? ''}|${runGroupId ?? ''}`;
	const startingToken = query.get('startingToken');
	const after = startingToken === null ? undefined : tokens.read(scope, startingToken, 2);

	const matches = account.list().filter((record) => {
		if (status !== undefined && record.sim.status !== status) return false;
		if (name !== undefined && record.name !== name) return false;
		if (runGroupId !== undefined && record.runGroupId !== runGroupId) return false;
		if (after) {
			const [time, sequence] = after as [number, number];
			const created = record.sim.creationTime;
			return created < time || (created === time && record.sequence < sequence);
		}
		return true;
	});
	const page = matches.slice(0, limit);
	const last = page.at(-1);
	return {
		statusCode: 200,
		body: {
			items: page.map(batchListItem),
			...(matches.length > limit && last
				? {nextToken: tokens.issue(scope, [last.sim.creationTime, last.sequence])}
				: {}),
		},
	};
};

const RUN_FILTERS = ['submissionStatus', 'runSettingId', 'runId'] as const;

// A batch's given runSettingIds (an S3 settings file can hold 100,000) by id, first entry first as
// indexOf would find it: built on the first filter that needs it, kept as long as the batch's list.
const settingIndexes = new WeakMap<readonly string[], Map<string, number>>();

function settingIndexOf(ids: readonly string[], value: string): number {
	let byId = settingIndexes.get(ids);
	if (!byId) {
		byId = new Map();
		for (let index = 0; index < ids.length; index++) {
			const id = ids[index] as string;
			if (!byId.has(id)) byId.set(id, index);
		}
		settingIndexes.set(ids, byId);
	}
	return byId.get(value) ?? -1;
}

/** The one entry index a runSettingId or runId filter can match, or -1. */
function indexFor(record: BatchRecord, filter: 'runSettingId' | 'runId', value: string): number {
	if (filter === 'runId') {
		const index = /^[0-9]{1,18}$/.test(value) ? Number(value) - record.runIdBase : -1;
		// Exactly the id the entry reports: "012" is not run 12.
		return index >= 0 && index < record.sim.totalRuns && runId(record, index) === value ? index : -1;
	}
	if (record.runSettingIds) return settingIndexOf(record.runSettingIds, value);
	const ordinal = value.startsWith(record.runSettingIdPrefix)
		? Number(value.slice(record.runSettingIdPrefix.length))
		: Number.NaN;
	const index = Number.isInteger(ordinal) ? ordinal - 1 : -1;
	return index >= 0 && index < record.sim.totalRuns && runSettingId(record, index) === value ? index : -1;
}

/** GET /runBatch/{batchId}/run — entries whose submission was attempted, in runSettingId order. */
export const listRunsInBatch: Handler = ({account, params, query, tokens}) => {
	const batchId = checkNumericId('batchId', params['batchId']);
	checkSingleFilter(query, RUN_FILTERS);
	const limit = pageLimit(query, 'maxItems');
	const submissionStatus = query.has('submissionStatus')
		? checkEnum('submissionStatus', query.get('submissionStatus'), SUBMISSION_STATUS_NAMES.slice(1))
		: undefined;
	// The model puts no constraint on these two: any string is a filter (one that matches no entry finds none).
	const runSettingIdFilter = query.get('runSettingId') ?? undefined;
	const runIdFilter = query.get('runId') ?? undefined;
	const record = translateModelErrors(() => account.get(batchId));
	const scope = `ListRunsInBatch|${batchId}|${submissionStatus ?? ''}|${runSettingIdFilter ?? ''}|${runIdFilter ?? ''}`;
	const startingToken = query.get('startingToken');
	const start = startingToken === null ? 0 : (tokens.read(scope, startingToken, 1)[0] as number);

	const {subCodes, totalRuns} = record.sim;
	const wanted = submissionStatus === undefined ? -1 : SUBMISSION_STATUS_NAMES.indexOf(submissionStatus);
	let only = -1;
	if (runSettingIdFilter !== undefined) only = indexFor(record, 'runSettingId', runSettingIdFilter);
	if (runIdFilter !== undefined) only = indexFor(record, 'runId', runIdFilter);
	const filtered = runSettingIdFilter !== undefined || runIdFilter !== undefined;
	const matches = (index: number): boolean => {
		const code = subCodes[index] as number;
		if (code === Sub.NONE) return false;
		if (filtered) return index === only;
		return wanted === -1 || code === wanted;
	};

	const runs: Array<Record<string, unknown>> = [];
	let index = Math.max(0, Math.floor(start));
	for (; index < totalRuns && runs.length < limit; index++) {
		if (matches(index)) runs.push(runBatchEntry(record, index));
	}
	while (index < totalRuns && !matches(index)) index++;
	return {
		statusCode: 200,
		body: {runs, ...(index < totalRuns ? {nextToken: tokens.issue(scope, [index])} : {})},
	};
};
