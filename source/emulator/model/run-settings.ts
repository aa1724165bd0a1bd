import type {RunSetting} from '../scenario/run-settings-schema.js';

/** The members of one run settings entry (the model's InlineSetting) that set the run's own values. */
export type RunOverrides = Omit<RunSetting, 'runSettingId'>;

/**
 * A batch's per-run settings: explicit entries (an inline list or an S3 file's, kept as given, so
 * nothing is copied), or one template filled in per entry on demand (100,000 entries cost one object).
 */
export type RunSettingsSource =
	| {readonly kind: 'entries'; readonly entries: readonly RunOverrides[]}
	| {readonly kind: 'template'; readonly template: RunOverrides};

/** What GetRun shows of a run's settings: its entry over the batch's defaultRunSetting. */
export interface EffectiveRunSetting {
	readonly name?: string;
	readonly priority?: number;
	readonly outputUri?: string;
	readonly parameters: Record<string, unknown>;
	readonly runTags: Record<string, string>;
	readonly outputBucketOwnerId?: string;
	readonly engineSettings?: unknown;
}

type Json = Record<string, unknown>;

/** `{n}` is the entry's ordinal (from 1), `{id}` its runSettingId. */
function fillText(text: string, index: number, id: string): string {
	return text.replaceAll('{n}', String(index + 1)).replaceAll('{id}', id);
}

function fill(value: unknown, index: number, id: string): unknown {
	if (typeof value === 'string') return fillText(value, index, id);
	if (Array.isArray(value)) return value.map((item) => fill(item, index, id));
	if (typeof value === 'object' && value !== null)
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, index, id)]));
	return value;
}

/** The entry of run `index` (whose runSettingId is `id`), templates filled in; undefined if it has none. */
export function runOverrides(
	source: RunSettingsSource | undefined,
	index: number,
	id: string,
): RunOverrides | undefined {
	if (!source) return undefined;
	if (source.kind === 'entries') return source.entries[index];
	return fill(source.template, index, id) as RunOverrides;
}

/** The entry's own name only (ListRuns filters on names without building whole entries). */
export function overriddenName(
	source: RunSettingsSource | undefined,
	index: number,
	id: string,
): string | undefined {
	if (!source) return undefined;
	const name = source.kind === 'entries' ? source.entries[index]?.name : source.template.name;
	return name === undefined || source.kind === 'entries' ? name : fillText(name, index, id);
}

const asObject = (value: unknown): Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

/**
 * A run's settings as the service applies them (API reference, InlineSetting and DefaultRunSetting):
 * `parameters` and `runTags` are merged key by key with the entry's value winning; every other
 * member of the entry replaces the default's.
 */
export function effectiveRunSetting(
	defaults: Json,
	overrides: RunOverrides | undefined,
): EffectiveRunSetting {
	const own = overrides ?? {};
	const pick = <K extends keyof RunOverrides>(
		key: K,
		kind: 'string' | 'number',
	): RunOverrides[K] | undefined => {
		const value = own[key] ?? defaults[key];
		return typeof value === kind ? (value as RunOverrides[K]) : undefined;
	};
	const name = pick('name', 'string');
	const priority = pick('priority', 'number');
	const outputUri = pick('outputUri', 'string');
	const outputBucketOwnerId = pick('outputBucketOwnerId', 'string');
	const engineSettings = own.engineSettings ?? defaults['engineSettings'];
	return {
		...(name === undefined ? {} : {name}),
		...(priority === undefined ? {} : {priority}),
		...(outputUri === undefined ? {} : {outputUri}),
		parameters: {...asObject(defaults['parameters']), ...asObject(own.parameters)},
		runTags: {...(asObject(defaults['runTags']) as Record<string, string>), ...own.runTags},
		...(outputBucketOwnerId === undefined ? {} : {outputBucketOwnerId}),
		...(engineSettings === undefined ? {} : {engineSettings}),
	};
}
