import {constraintError, validationError} from '../http/api-error.js';
import type {RunOverrides, RunSettingsSource} from '../model/run-settings.js';
import type {BatchSpec} from '../scenario/scenario-schema.js';
import type {S3SettingsFile} from '../scenario/run-settings-schema.js';

/** A StartRunBatch request, ready to become a batch. */
export interface StartRunBatchRequest {
	readonly requestId: string;
	readonly spec: BatchSpec;
	readonly defaultRunSetting: Record<string, unknown>;
	readonly runSettingIds?: readonly string[];
	readonly runSettings?: RunSettingsSource;
}

type Json = Record<string, unknown>;

const MAX_TAGS = 50;

/**
 * Reads a StartRunBatch body that already satisfies the service model (http/shape-validation.ts) and
 * applies the rules the model cannot express (shared/healthomics-batch-api.md §1.1-1.6).
 */
export function parseStartRunBatch(
	body: unknown,
	s3SettingsRuns: number,
	s3SettingsFile: (uri: string) => S3SettingsFile | undefined = () => undefined,
): StartRunBatchRequest {
	const request = body as Json;
	const requestId = request['requestId'] as string;
	const batchName = request['batchName'] as string | undefined;
	const tags = (request['tags'] as Record<string, string> | undefined) ?? {};
	checkTagCount('tags', tags);
	const defaultRunSetting = checkDefaultRunSetting(request['defaultRunSetting'] as Json);
	const settings = request['batchRunSettings'] as Json;

	const common = {
		...(batchName === undefined ? {} : {name: batchName}),
		tags,
		workflowId: defaultRunSetting['workflowId'] as string,
		...(typeof defaultRunSetting['runGroupId'] === 'string'
			? {runGroupId: defaultRunSetting['runGroupId']}
			: {}),
	};
	const uri = settings['s3UriSettings'];
	if (typeof uri === 'string') {
		if (!/^s3:\/\/[^/]+\/.+/.test(uri)) {
			throw constraintError(
				'batchRunSettings.s3UriSettings',
				uri,
				'Member must be an S3 URI of the form s3://bucket/key',
			);
		}
		return {requestId, defaultRunSetting, ...fromS3File(common, s3SettingsFile(uri), s3SettingsRuns)};
	}

	const inline = settings['inlineSettings'] as Json[];
	const runSettingIds: string[] = [];
	const seen = new Set<string>();
	inline.forEach((entry, index) => {
		const where = `batchRunSettings.inlineSettings.${index + 1}`;
		const id = entry['runSettingId'] as string;
		if (seen.has(id))
			throw validationError(
				`Duplicate runSettingId '${id}' in inlineSettings; each runSettingId must be unique`,
			);
		seen.add(id);
		runSettingIds.push(id);
		if (entry['runTags'] !== undefined) checkTagCount(`${where}.runTags`, entry['runTags'] as Json);
		checkParameters(`${where}.parameters`, entry['parameters']);
	});
	return {
		requestId,
		defaultRunSetting,
		spec: {...common, totalRuns: inline.length},
		runSettingIds,
		// Kept as parsed: the emulator reads only the members a run takes from them.
		runSettings: {kind: 'entries', entries: inline as RunOverrides[]},
	};
}

/** An s3UriSettings batch: the file's contents as the scenario gives them, else `s3SettingsRuns` bare entries. */
function fromS3File(
	common: Omit<BatchSpec, 'totalRuns'>,
	file: S3SettingsFile | undefined,
	s3SettingsRuns: number,
): Pick<StartRunBatchRequest, 'spec' | 'runSettingIds' | 'runSettings'> {
	if (!file) return {spec: {...common, totalRuns: s3SettingsRuns, runSettingIdPrefix: 'entry-'}};
	if ('entries' in file) {
		return {
			spec: {...common, totalRuns: file.entries.length},
			runSettingIds: file.entries.map((entry) => entry.runSettingId),
			runSettings: {kind: 'entries', entries: file.entries},
		};
	}
	return {
		spec: {
			...common,
			totalRuns: file.count,
			runSettingIdPrefix: file.runSettingIdPrefix ?? 'entry-',
			...(file.template ? {runSettings: file.template} : {}),
		},
	};
}

function checkDefaultRunSetting(setting: Json): Json {
	if (setting['workflowType'] === 'READY2RUN')
		throw validationError('Ready2Run workflows are not supported in run batches');
	if (setting['cacheBehavior'] !== undefined && setting['cacheId'] === undefined)
		throw validationError('defaultRunSetting.cacheBehavior requires defaultRunSetting.cacheId');
	if (setting['runTags'] !== undefined)
		checkTagCount('defaultRunSetting.runTags', setting['runTags'] as Json);
	checkParameters('defaultRunSetting.parameters', setting['parameters']);
	return setting;
}

/** The service's 50-tag limit per resource, which the model's TagMap does not state. */
function checkTagCount(field: string, tags: Json): void {
	const count = Object.keys(tags).length;
	if (count > MAX_TAGS)
		throw constraintError(field, `${count} tags`, `Member must have at most ${MAX_TAGS} entries`);
}

/** Workflow parameters are a JSON object of names to values; the model types them only as a document. */
function checkParameters(field: string, value: unknown): void {
	if (value === undefined) return;
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw validationError(`${field} must be a JSON object`);
}
