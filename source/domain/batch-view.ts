import {sanitizeText, stripUnsafeDeep} from './sanitize-text.js';
import {statusClass, type StatusClass} from './batch-status.js';
import type {RawBatch} from './raw-batch.js';

export interface SubmissionCounts {
	readonly successful: number;
	readonly failed: number;
	readonly pending: number;
	readonly cancelSucceeded: number;
	readonly cancelFailed: number;
	readonly deleteSucceeded: number;
	readonly deleteFailed: number;
}

export interface RunCounts {
	readonly pending: number;
	readonly starting: number;
	readonly running: number;
	readonly stopping: number;
	readonly completed: number;
	readonly failed: number;
	readonly cancelled: number;
	readonly deleted: number;
}

/** A GetBatch answer made safe to display: every field present, every string sanitised, counts in range. */
export interface BatchView {
	readonly id: string;
	readonly arn?: string;
	readonly uuid?: string;
	/** The batch name, or '' when it has none. */
	readonly name: string;
	/** The name, or the id when there is no name. */
	readonly label: string;
	/** The status string as the API sent it (sanitised), which may be one this version does not know. */
	readonly status: string;
	readonly statusClass: StatusClass;
	readonly totalRuns: number;
	readonly submissions: SubmissionCounts;
	readonly runs: RunCounts;
	readonly tags: Readonly<Record<string, string>>;
	/** defaultRunSetting flattened to sanitised display strings, in the API's key order. */
	readonly settings: ReadonlyArray<readonly [string, string]>;
	readonly workflowId?: string;
	readonly workflowVersionName?: string;
	readonly runGroupId?: string;
	readonly createdAt?: Date;
	readonly submittedAt?: Date;
	readonly processedAt?: Date;
	readonly failedAt?: Date;
	readonly failureReason?: string;
	/** What did not add up (counts out of range, missing totals); shown, never hidden. */
	readonly anomalies: readonly string[];
}

const SUBMISSION_KEYS = {
	successful: 'successfulStartSubmissionCount',
	failed: 'failedStartSubmissionCount',
	pending: 'pendingStartSubmissionCount',
	cancelSucceeded: 'successfulCancelSubmissionCount',
	cancelFailed: 'failedCancelSubmissionCount',
	deleteSucceeded: 'successfulDeleteSubmissionCount',
	deleteFailed: 'failedDeleteSubmissionCount',
} as const satisfies Record<keyof SubmissionCounts, string>;

const RUN_KEYS = {
	pending: 'pendingRunCount',
	starting: 'startingRunCount',
	running: 'runningRunCount',
	stopping: 'stoppingRunCount',
	completed: 'completedRunCount',
	failed: 'failedRunCount',
	cancelled: 'cancelledRunCount',
	deleted: 'deletedRunCount',
} as const satisfies Record<keyof RunCounts, string>;

const validDate = (value: Date | undefined): Date | undefined =>
	value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;

/** Normalises a GetBatch answer: missing counts are 0, bad counts are clamped and reported, strings sanitised. */
export function toBatchView(raw: RawBatch, fallbackId = ''): BatchView {
	const anomalies: string[] = [];
	const rawSubmissions = (raw.submissionSummary ?? {}) as Record<string, unknown>;
	const rawRuns = (raw.runSummary ?? {}) as Record<string, unknown>;
	const startSum = Math.min(
		Number.MAX_SAFE_INTEGER,
		['successfulStartSubmissionCount', 'failedStartSubmissionCount', 'pendingStartSubmissionCount'].reduce(
			(sum, key) => sum + Math.max(0, finite(rawSubmissions[key]) ?? 0),
			0,
		),
	);
	let totalRuns = finite(raw.totalRuns) ?? -1;
	if (totalRuns < 0) {
		totalRuns = startSum;
		if (raw.totalRuns !== undefined || startSum > 0)
			anomalies.push(`totalRuns missing or invalid (${preview(raw.totalRuns)}); using ${startSum}`);
	}
	const clamp = (section: string, key: string, value: unknown): number => {
		const number = finite(value);
		if (number === undefined) {
			if (value !== undefined && value !== null)
				anomalies.push(`${section}.${key} is not a count (${preview(value)})`);
			return 0;
		}
		if (number < 0) {
			anomalies.push(`${section}.${key} is negative (${number})`);
			return 0;
		}
		if (number > totalRuns) {
			anomalies.push(`${section}.${key} (${number}) exceeds totalRuns (${totalRuns})`);
			return totalRuns;
		}
		return number;
	};
	const submissions = mapCounts(SUBMISSION_KEYS, (key) =>
		clamp('submissionSummary', key, rawSubmissions[key]),
	);
	const runs = mapCounts(RUN_KEYS, (key) => clamp('runSummary', key, rawRuns[key]));
	if (startSum > totalRuns) anomalies.push(`start submissions (${startSum}) exceed totalRuns (${totalRuns})`);
	const runSum = Object.values(runs).reduce((sum, value) => sum + value, 0);
	if (runSum > Math.max(submissions.successful, 0) && submissions.successful > 0) {
		anomalies.push(`run counts (${runSum}) exceed successful starts (${submissions.successful})`);
	}

	// The id asked for is the id shown: an answer that names another batch is an anomaly, not a new identity.
	const answeredId = raw.id === undefined ? undefined : sanitizeText(raw.id, 64);
	const id = fallbackId ? sanitizeText(fallbackId, 64) : (answeredId ?? '');
	if (answeredId !== undefined && answeredId !== id)
		anomalies.push(`the answer names batch ${answeredId || '(empty)'}, not ${id}`);
	const name = sanitizeText(raw.name, 128);
	const status = sanitizeText(raw.status, 64) || 'UNKNOWN';
	const setting: Record<string, unknown> = isRecord(raw.defaultRunSetting) ? raw.defaultRunSetting : {};
	const text = (value: unknown): string | undefined =>
		typeof value === 'string' && value !== '' ? sanitizeText(value, 256) : undefined;
	return {
		id,
		...(raw.arn ? {arn: sanitizeText(raw.arn, 256)} : {}),
		...(raw.uuid ? {uuid: sanitizeText(raw.uuid, 64)} : {}),
		name,
		label: name || id,
		status,
		statusClass: statusClass(status),
		totalRuns,
		submissions,
		runs,
		tags: Object.fromEntries(
			Object.entries(isRecord(raw.tags) ? raw.tags : {}).map(([key, value]) => [
				sanitizeText(key, 128),
				sanitizeText(value, 256),
			]),
		),
		settings: Object.entries(setting).map(
			([key, value]) =>
				[
					sanitizeText(key, 64),
					// Clean inside before encoding: JSON.stringify would turn ESC into the text "\u001b".
					sanitizeText(typeof value === 'string' ? value : JSON.stringify(stripUnsafeDeep(value)), 512),
				] as const,
		),
		...(text(setting['workflowId']) ? {workflowId: text(setting['workflowId'])} : {}),
		...(text(setting['workflowVersionName'])
			? {workflowVersionName: text(setting['workflowVersionName'])}
			: {}),
		...(text(setting['runGroupId']) ? {runGroupId: text(setting['runGroupId'])} : {}),
		...dates(raw),
		...(raw.failureReason === undefined
			? {}
			: {failureReason: sanitizeText(raw.failureReason) || '(no reason given)'}),
		anomalies,
	};
}

function dates(raw: RawBatch): Pick<BatchView, 'createdAt' | 'submittedAt' | 'processedAt' | 'failedAt'> {
	const result: {createdAt?: Date; submittedAt?: Date; processedAt?: Date; failedAt?: Date} = {};
	const created = validDate(raw.creationTime);
	const submitted = validDate(raw.submittedTime);
	const processed = validDate(raw.processedTime);
	const failed = validDate(raw.failedTime);
	if (created) result.createdAt = created;
	if (submitted) result.submittedAt = submitted;
	if (processed) result.processedAt = processed;
	if (failed) result.failedAt = failed;
	return result;
}

/** An integer the API could mean: a finite number within the safe-integer range, truncated; else undefined. */
function finite(value: unknown): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
	const number = Math.trunc(value);
	return Number.isSafeInteger(number) ? number : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short, safe rendering of an unexpected value for an anomaly message. */
function preview(value: unknown): string {
	return sanitizeText(typeof value === 'string' ? JSON.stringify(value) : String(value), 40);
}

function mapCounts<K extends string>(
	keys: Record<K, string>,
	read: (apiKey: string) => number,
): Record<K, number> {
	const result = {} as Record<K, number>;
	for (const [name, apiKey] of Object.entries(keys) as Array<[K, string]>) result[name] = read(apiKey);
	return result;
}

/** Runs that have reached an end: completed, failed or cancelled (deleted runs had ended before). */
export function finishedRuns(view: BatchView): number {
	return view.runs.completed + view.runs.failed + view.runs.cancelled + view.runs.deleted;
}

/**
 * Runs done: they ran to an end, completing or failing (deleted runs had ended before they were
 * deleted). Cancelled runs are not done: a cancelled batch of 800 with 542 cancelled is 258/800 done,
 * not 800/800 like a finished one.
 */
export function doneRuns(view: BatchView): number {
	return view.runs.completed + view.runs.failed + view.runs.deleted;
}
