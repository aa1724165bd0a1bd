import {submissionFailure} from './run-timeline.js';
import {runFailureText} from './run-tasks.js';
import {mix32} from './seeded-random.js';
import {KEEP} from './run-timeline.js';
import {engineLogStreamName, logStreamArn, runLogStreamName} from './log-streams.js';
import {Run, RUN_STATUS_NAMES, Sub, SUBMISSION_STATUS_NAMES} from './statuses.js';
import {effectiveRunSetting, overriddenName, runOverrides, type EffectiveRunSetting} from './run-settings.js';
import type {BatchRecord} from './account.js';

// The JSON bodies the API returns, built from a batch record on demand. Timestamps are
// RFC 3339 strings: the JS SDK rejects epoch numbers for these iso8601 members.

const iso = (ms: number): string => new Date(Math.floor(ms)).toISOString();
const optionalTime = (key: string, ms: number | undefined): Record<string, string> =>
	ms === undefined ? {} : {[key]: iso(ms)};

/** GetBatch response body. */
export function getBatchBody(record: BatchRecord): Record<string, unknown> {
	const {sim} = record;
	const runs = sim.reportedRunCounts();
	return {
		id: record.id,
		arn: record.arn,
		uuid: record.uuid,
		...(record.name === undefined ? {} : {name: record.name}),
		status: sim.status,
		tags: record.tags,
		totalRuns: sim.totalRuns,
		defaultRunSetting: record.defaultRunSetting,
		submissionSummary: sim.submissionCounts(),
		runSummary: {
			pendingRunCount: runs[Run.PENDING],
			startingRunCount: runs[Run.STARTING],
			runningRunCount: runs[Run.RUNNING],
			stoppingRunCount: runs[Run.STOPPING],
			completedRunCount: runs[Run.COMPLETED],
			deletedRunCount: runs[Run.DELETED],
			failedRunCount: runs[Run.FAILED],
			cancelledRunCount: runs[Run.CANCELLED],
		},
		creationTime: iso(sim.creationTime),
		...optionalTime('submittedTime', sim.submittedTime),
		...optionalTime('processedTime', sim.processedTime),
		...optionalTime('failedTime', sim.failedTime),
		...(sim.failureReason === undefined ? {} : {failureReason: sim.failureReason}),
	};
}

/** ListBatch item. */
export function batchListItem(record: BatchRecord): Record<string, unknown> {
	return {
		id: record.id,
		...(record.name === undefined ? {} : {name: record.name}),
		status: record.sim.status,
		createdAt: iso(record.sim.creationTime),
		totalRuns: record.sim.totalRuns,
		workflowId: record.workflowId,
	};
}

/** The runSettingId of entry `index`: given explicitly, or the prefix and a zero-padded ordinal. */
export function runSettingId(record: BatchRecord, index: number): string {
	const explicit = record.runSettingIds?.[index];
	if (explicit !== undefined) return explicit;
	const width = Math.max(4, String(record.sim.totalRuns).length);
	return `${record.runSettingIdPrefix}${String(index + 1).padStart(width, '0')}`;
}

/** The run id of entry `index` (only meaningful once its submission succeeded). */
export function runId(record: BatchRecord, index: number): string {
	return String(record.runIdBase + index);
}

function runArn(record: BatchRecord, index: number): string {
	return record.arn.replace(/:runBatch\/.*$/, `:run/${runId(record, index)}`);
}

function runUuid(record: BatchRecord, index: number): string {
	const hex = [1, 2, 3, 4]
		.map((part) => mix32(record.sim.context.seed, index, 0x0bad, part).toString(16).padStart(8, '0'))
		.join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** ListRunsInBatch entry (only for entries whose submission was attempted). */
export function runBatchEntry(record: BatchRecord, index: number): Record<string, unknown> {
	const sub = record.sim.subCodes[index] as number;
	const started = record.sim.runCodes[index] !== Run.NONE;
	const failure = sub === Sub.FAILED ? submissionFailure(record.sim.context, index) : undefined;
	return {
		runSettingId: runSettingId(record, index),
		...(started
			? {runId: runId(record, index), runInternalUuid: runUuid(record, index), runArn: runArn(record, index)}
			: {}),
		submissionStatus: SUBMISSION_STATUS_NAMES[sub],
		...(failure ? {submissionFailureReason: failure.reason, submissionFailureMessage: failure.message} : {}),
	};
}

/** Creation, start and stop times of a run, read off the part of its timeline already lived. */
function runTimes(record: BatchRecord, index: number): {creation: number; start?: number; stop?: number} {
	const applied = record.sim.appliedTimeline(index);
	let start: number | undefined;
	let stop: number | undefined;
	for (const entry of applied) {
		if (entry.run === Run.RUNNING) start = entry.time;
		if (
			stop === undefined &&
			entry.run !== KEEP &&
			(entry.run === Run.COMPLETED || entry.run === Run.FAILED || entry.run === Run.CANCELLED)
		) {
			stop = entry.time;
		}
	}
	return {
		creation: applied[0]?.time ?? record.sim.creationTime,
		...(start === undefined ? {} : {start}),
		...(stop === undefined ? {} : {stop}),
	};
}

/** A run's own settings: its entry (inline, S3 file or template) over the batch's defaultRunSetting. */
export function runSetting(record: BatchRecord, index: number): EffectiveRunSetting {
	return effectiveRunSetting(
		record.defaultRunSetting,
		runOverrides(record.runSettings, index, runSettingId(record, index)),
	);
}

/** A run's name: its entry's, else the defaultRunSetting's, else its runSettingId. */
export function runName(record: BatchRecord, index: number): string {
	const id = runSettingId(record, index);
	const own = overriddenName(record.runSettings, index, id);
	if (own !== undefined) return own;
	const name = record.defaultRunSetting['name'];
	return typeof name === 'string' ? name : id;
}

/** ListRuns item. */
export function runListItem(
	record: BatchRecord,
	index: number,
	own: EffectiveRunSetting = runSetting(record, index),
): Record<string, unknown> {
	const times = runTimes(record, index);
	const setting = record.defaultRunSetting;
	return {
		arn: runArn(record, index),
		id: runId(record, index),
		status: RUN_STATUS_NAMES[record.sim.runCodes[index] as number],
		workflowId: record.workflowId,
		batchId: record.id,
		name: own.name ?? runSettingId(record, index),
		priority: own.priority ?? 0,
		storageCapacity: typeof setting['storageCapacity'] === 'number' ? setting['storageCapacity'] : 1200,
		creationTime: iso(times.creation),
		...optionalTime('startTime', times.start),
		...optionalTime('stopTime', times.stop),
		storageType: typeof setting['storageType'] === 'string' ? setting['storageType'] : 'DYNAMIC',
		...(typeof setting['workflowVersionName'] === 'string'
			? {workflowVersionName: setting['workflowVersionName']}
			: {}),
	};
}

/** Batch-level members GetRun shows as the run's when the defaultRunSetting sets them. */
const BATCH_LEVEL_RUN_MEMBERS = ['cacheId', 'cacheBehavior', 'workflowOwnerId', 'networkingMode'] as const;

/** GetRun response body. */
export function getRunBody(record: BatchRecord, index: number): Record<string, unknown> {
	const own = runSetting(record, index);
	const item = runListItem(record, index, own);
	const failed = record.sim.runCodes[index] === Run.FAILED;
	const failure = failed ? runFailureText(record, index) : undefined;
	const setting = record.defaultRunSetting;
	const id = runId(record, index);
	const outputUri = own.outputUri ?? 's3://omics-output/';
	return {
		...item,
		uuid: runUuid(record, index),
		workflowType: setting['workflowType'] ?? 'PRIVATE',
		roleArn: setting['roleArn'],
		...(record.runGroupId === undefined ? {} : {runGroupId: record.runGroupId}),
		...Object.fromEntries(
			BATCH_LEVEL_RUN_MEMBERS.filter((key) => setting[key] !== undefined).map((key) => [key, setting[key]]),
		),
		parameters: own.parameters,
		...(own.outputUri === undefined ? {} : {outputUri: own.outputUri}),
		runOutputUri: `${outputUri}${outputUri.endsWith('/') ? '' : '/'}${id}`,
		logLevel: setting['logLevel'] ?? 'ALL',
		retentionMode: setting['retentionMode'] ?? 'RETAIN',
		startedBy: `arn:aws:sts::${record.arn.split(':')[4] ?? '000000000000'}:assumed-role/OmicsWorkflowRole/batchtop-emulator`,
		// The run's runTags; the batch's own tags are not inherited.
		tags: own.runTags,
		...(own.engineSettings === undefined ? {} : {engineSettings: own.engineSettings}),
		logLocation: runLogLocation(record, id),
		...(failure ? {failureReason: failure.reason, statusMessage: failure.message} : {}),
	};
}

/** GetRun's logLocation: ARNs of the run's engine and run log streams (model: "The log stream ARN for the run log"). */
export function runLogLocation(
	record: BatchRecord,
	runId: string,
): {engineLogStream: string; runLogStream: string} {
	return {
		engineLogStream: logStreamArn(record.arn, engineLogStreamName(runId)),
		runLogStream: logStreamArn(record.arn, runLogStreamName(runId)),
	};
}
