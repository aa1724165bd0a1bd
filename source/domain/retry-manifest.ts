// A retry manifest: the run settings of a batch's failures, in the format StartRunBatch takes them
// (`batchRunSettings.inlineSettings`, or the JSON array an `s3UriSettings` file holds: "a JSON array in
// the same format as inlineSettings"). README "Retry manifest" documents it.

import {sanitizeText} from './sanitize-text.js';

/**
 * The members of an InlineSetting in the installed SDK's model (@aws-sdk/client-omics), in its order.
 * The published service JSON also lists `engineSettings`; the SDK does not send it, so a rebuilt entry
 * never holds it (an entry copied from a settings file keeps whatever the file had).
 */
export const INLINE_SETTING_MEMBERS = [
	'runSettingId',
	'name',
	'outputUri',
	'priority',
	'parameters',
	'outputBucketOwnerId',
	'runTags',
] as const;

/** StartRunBatch's `inlineSettings` takes 1-100 entries; more go through `s3UriSettings`. */
export const MAX_INLINE_SETTINGS = 100;
/** An `s3UriSettings` file holds at most 100,000 entries. */
export const MAX_S3_SETTINGS = 100_000;

/** One run settings entry: an InlineSetting as JSON, its members in the order they were given. */
export type RunSettingEntry = Readonly<Record<string, unknown>> & {readonly runSettingId: string};

/** What GetRun says of a run that an InlineSetting can set again (raw API values, checked here). */
export interface RunAsSetting {
	readonly name?: unknown;
	readonly outputUri?: unknown;
	readonly priority?: unknown;
	readonly parameters?: unknown;
	/** GetRun `tags`: the run's tags, which its entry's runTags (over the batch's defaults) set. */
	readonly tags?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const textWithin = (value: unknown, min: number, max: number): value is string =>
	typeof value === 'string' && value.length >= min && value.length <= max;
/** The service's 50-tag limit per resource. */
const MAX_TAGS = 50;

/** Tags a user may set: `aws:` keys are the service's own and StartRunBatch refuses them. */
function settableTags(tags: unknown): Record<string, string> | undefined {
	if (!isObject(tags)) return undefined;
	const kept = Object.entries(tags).filter(
		(entry): entry is [string, string] =>
			textWithin(entry[0], 1, 128) &&
			!entry[0].toLowerCase().startsWith('aws:') &&
			typeof entry[1] === 'string' &&
			entry[1].length <= 256,
	);
	return kept.length === 0 || kept.length > MAX_TAGS ? undefined : Object.fromEntries(kept);
}

/**
 * A failed run's entry rebuilt from GetRun: runSettingId, name, outputUri, priority, parameters and
 * runTags (from its tags), each only when GetRun gave a value the InlineSetting model accepts. The
 * parameters are the run's effective ones (its entry merged over the batch's defaults), which give the
 * same run again over the same defaults.
 */
export function entryFromRun(runSettingId: string, run: RunAsSetting): RunSettingEntry {
	const runTags = settableTags(run.tags);
	return {
		runSettingId,
		...(textWithin(run.name, 1, 128) ? {name: run.name} : {}),
		...(textWithin(run.outputUri, 1, 750) ? {outputUri: run.outputUri} : {}),
		...(Number.isInteger(run.priority) && (run.priority as number) >= 0 && (run.priority as number) <= 100_000
			? {priority: run.priority}
			: {}),
		...(isObject(run.parameters) ? {parameters: run.parameters} : {}),
		...(runTags ? {runTags} : {}),
	};
}

/** A settings file that cannot be used: one line saying why. */
export class SettingsFileError extends Error {}

/**
 * The entries of a batch's original run settings, by runSettingId, exactly as given: a JSON array of
 * InlineSetting entries (an s3UriSettings file), `{"inlineSettings": [...]}`, or a whole StartRunBatch
 * input (`start-run-batch --cli-input-json`: `{"batchRunSettings": {"inlineSettings": [...]}}`).
 */
export function parseSettingsFile(text: string): Map<string, RunSettingEntry> {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new SettingsFileError(`is not JSON (${sanitizeText((error as Error).message, 200)})`);
	}
	const entries = settingsList(json);
	const byId = new Map<string, RunSettingEntry>();
	entries.forEach((entry, index) => {
		if (!isObject(entry) || !textWithin(entry['runSettingId'], 1, 128))
			throw new SettingsFileError(
				`entry ${index + 1} is not a run setting: it needs a runSettingId of 1-128 characters`,
			);
		const id = entry['runSettingId'];
		if (byId.has(id))
			throw new SettingsFileError(
				`runSettingId "${sanitizeText(id, 128)}" appears twice (entries must be unique)`,
			);
		byId.set(id, entry as RunSettingEntry);
	});
	return byId;
}

function settingsList(json: unknown): readonly unknown[] {
	if (Array.isArray(json)) return json;
	const holder = isObject(json) && isObject(json['batchRunSettings']) ? json['batchRunSettings'] : json;
	if (isObject(holder) && Array.isArray(holder['inlineSettings'])) return holder['inlineSettings'];
	if (isObject(holder) && typeof holder['s3UriSettings'] === 'string')
		throw new SettingsFileError(
			`names an S3 settings file (${sanitizeText(holder['s3UriSettings'], 200)}): download it with aws s3 cp and pass that file`,
		);
	throw new SettingsFileError(
		'holds no run settings: expected a JSON array of entries, {"inlineSettings": [...]} or a StartRunBatch input with batchRunSettings.inlineSettings',
	);
}

/** One entry as a line of the manifest's JSON array: its members in their order, values unchanged. */
export function entryJson(entry: RunSettingEntry): string {
	return JSON.stringify(entry);
}

/**
 * Which failed runSettingIds went into a manifest and which could not: each id once, whichever of the
 * failed submissions and failed runs named it first.
 */
export class RetryManifestTally {
	readonly #seen = new Set<string>();
	readonly missing: string[] = [];
	entries = 0;

	/** Whether `id` is new (false: already written or already missing). */
	claim(id: string): boolean {
		if (this.#seen.has(id)) return false;
		this.#seen.add(id);
		return true;
	}

	/** Counts an entry written. */
	written(): void {
		this.entries++;
	}

	/** Records a failure whose entry could not be written. */
	lacking(what: string): void {
		this.missing.push(what);
	}
}
