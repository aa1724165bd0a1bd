import {constraintError, validationError} from '../http/api-error.js';
import {
	checkEnum,
	checkInteger,
	checkNumericId,
	checkObject,
	checkOptionalText,
	checkTags,
	checkText,
} from '../http/field-validation.js';
import type {BatchSpec} from '../scenario/scenario-schema.js';

/** A validated StartRunBatch request, ready to become a batch. */
export interface StartRunBatchRequest {
	readonly requestId: string;
	readonly spec: BatchSpec;
	readonly defaultRunSetting: Record<string, unknown>;
	readonly runSettingIds?: string[];
	readonly runNames?: Array<string | undefined>;
}

const WORKFLOW_VERSION = /^[A-Za-z0-9][A-Za-z0-9\-._]*$/;

/** Validates a StartRunBatch body like the service does (shared/healthomics-batch-api.md §1.1-1.6). */
export function parseStartRunBatch(body: unknown, s3SettingsRuns: number): StartRunBatchRequest {
	const request = checkObject('request body', body ?? {});
	const requestId = checkText('requestId', request['requestId'], 1, 128);
	const batchName = checkOptionalText('batchName', request['batchName'], 1, 64);
	const tags = request['tags'] === undefined ? {} : checkTags('tags', request['tags']);
	if (request['defaultRunSetting'] === undefined) throw validationError('defaultRunSetting is required');
	const defaultRunSetting = checkDefaultRunSetting(
		checkObject('defaultRunSetting', request['defaultRunSetting']),
	);
	if (request['batchRunSettings'] === undefined) throw validationError('batchRunSettings is required');
	const settings = checkObject('batchRunSettings', request['batchRunSettings']);
	const hasInline = settings['inlineSettings'] !== undefined;
	const hasS3 = settings['s3UriSettings'] !== undefined;
	if (hasInline === hasS3) {
		throw validationError('batchRunSettings must contain exactly one of inlineSettings or s3UriSettings');
	}

	const common = {
		...(batchName === undefined ? {} : {name: batchName}),
		tags,
		workflowId: defaultRunSetting['workflowId'] as string,
		...(typeof defaultRunSetting['runGroupId'] === 'string'
			? {runGroupId: defaultRunSetting['runGroupId']}
			: {}),
	};
	if (hasS3) {
		const uri = checkText('batchRunSettings.s3UriSettings', settings['s3UriSettings'], 1, 750);
		if (!/^s3:\/\/[^/]+\/.+/.test(uri)) {
			throw constraintError(
				'batchRunSettings.s3UriSettings',
				uri,
				'Member must be an S3 URI of the form s3://bucket/key',
			);
		}
		return {
			requestId,
			defaultRunSetting,
			spec: {...common, totalRuns: s3SettingsRuns, runSettingIdPrefix: 'entry-'},
		};
	}

	const inline = settings['inlineSettings'];
	if (!Array.isArray(inline) || inline.length < 1 || inline.length > 100) {
		throw constraintError(
			'batchRunSettings.inlineSettings',
			Array.isArray(inline) ? `${inline.length} entries` : inline,
			'Member must have length between 1 and 100',
		);
	}
	const runSettingIds: string[] = [];
	const runNames: Array<string | undefined> = [];
	const seen = new Set<string>();
	inline.forEach((raw, index) => {
		const where = `batchRunSettings.inlineSettings.${index + 1}`;
		const entry = checkObject(where, raw);
		const id = checkText(`${where}.runSettingId`, entry['runSettingId'], 1, 128);
		if (seen.has(id))
			throw validationError(
				`Duplicate runSettingId '${id}' in inlineSettings; each runSettingId must be unique`,
			);
		seen.add(id);
		runSettingIds.push(id);
		runNames.push(checkOptionalText(`${where}.name`, entry['name'], 1, 128));
		if (entry['priority'] !== undefined) checkInteger(`${where}.priority`, entry['priority'], 0, 100_000);
		if (entry['outputUri'] !== undefined) checkText(`${where}.outputUri`, entry['outputUri'], 1, 750);
		if (entry['runTags'] !== undefined) checkTags(`${where}.runTags`, entry['runTags']);
		if (entry['parameters'] !== undefined) checkObject(`${where}.parameters`, entry['parameters']);
	});
	return {requestId, defaultRunSetting, spec: {...common, totalRuns: inline.length}, runSettingIds, runNames};
}

function checkDefaultRunSetting(setting: Record<string, unknown>): Record<string, unknown> {
	const field = (name: string): string => `defaultRunSetting.${name}`;
	checkNumericId(field('workflowId'), setting['workflowId']);
	const roleArn = checkText(field('roleArn'), setting['roleArn'], 1, 128);
	if (!roleArn.startsWith('arn:'))
		throw constraintError(
			field('roleArn'),
			roleArn,
			'Member must satisfy regular expression pattern: arn:.+',
		);
	if (setting['workflowType'] !== undefined) {
		const type = checkEnum(field('workflowType'), setting['workflowType'], ['PRIVATE', 'READY2RUN']);
		if (type === 'READY2RUN') throw validationError('Ready2Run workflows are not supported in run batches');
	}
	for (const id of ['runGroupId', 'cacheId'] as const) {
		if (setting[id] !== undefined) checkNumericId(field(id), setting[id]);
	}
	if (setting['cacheBehavior'] !== undefined) {
		checkEnum(field('cacheBehavior'), setting['cacheBehavior'], ['CACHE_ON_FAILURE', 'CACHE_ALWAYS']);
		if (setting['cacheId'] === undefined)
			throw validationError('defaultRunSetting.cacheBehavior requires defaultRunSetting.cacheId');
	}
	if (setting['priority'] !== undefined) checkInteger(field('priority'), setting['priority'], 0, 100_000);
	if (setting['storageCapacity'] !== undefined)
		checkInteger(field('storageCapacity'), setting['storageCapacity'], 0, 100_000);
	if (setting['logLevel'] !== undefined)
		checkEnum(field('logLevel'), setting['logLevel'], ['OFF', 'FATAL', 'ERROR', 'ALL']);
	if (setting['retentionMode'] !== undefined)
		checkEnum(field('retentionMode'), setting['retentionMode'], ['RETAIN', 'REMOVE']);
	if (setting['storageType'] !== undefined)
		checkEnum(field('storageType'), setting['storageType'], ['STATIC', 'DYNAMIC']);
	if (setting['networkingMode'] !== undefined)
		checkEnum(field('networkingMode'), setting['networkingMode'], ['RESTRICTED', 'VPC']);
	if (setting['outputUri'] !== undefined) checkText(field('outputUri'), setting['outputUri'], 1, 750);
	if (setting['runTags'] !== undefined) checkTags(field('runTags'), setting['runTags']);
	if (setting['parameters'] !== undefined) checkObject(field('parameters'), setting['parameters']);
	if (setting['workflowVersionName'] !== undefined) {
		const version = checkText(field('workflowVersionName'), setting['workflowVersionName'], 1, 64);
		if (!WORKFLOW_VERSION.test(version)) {
			throw constraintError(
				field('workflowVersionName'),
				version,
				`Member must satisfy regular expression pattern: ${WORKFLOW_VERSION.source}`,
			);
		}
	}
	return setting;
}
