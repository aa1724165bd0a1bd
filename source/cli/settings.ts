import type {BatchReference} from '../domain/batch-reference.js';
import {DEFAULT_REQUEST_TIMEOUT_MS} from '../omics/request-timeout.js';
import type {IntervalBounds} from '../poller/interval-policy.js';
import {wantsAscii, wantsColor} from '../ui/theme/glyphs.js';
import {SORT_MODES, type SortMode} from '../ui/state/ui-state.js';
import {kebabCase, type FlagName, type Flags} from './cli-flags.js';
import {UsageError} from './exit-codes.js';
import {parseDuration} from './parse-duration.js';
import {parseNumberFlag} from './parse-number.js';
import {budgetsText, parseBudgets} from './parse-budgets.js';

/** The settings a config file may hold; each is also a flag of the same (camelCase) name. */
export const CONFIG_KEYS = [
	'profile',
	'region',
	'interval',
	'maxRps',
	'budget',
	'sort',
	'ascii',
	'color',
	'notify',
	'title',
	'mouse',
	'log',
	'requestTimeout',
	'staleTimeout',
] as const satisfies readonly FlagName[];

export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Each setting's validated value (durations in milliseconds). */
export interface SettingValues {
	readonly profile: string | undefined;
	readonly region: string | undefined;
	readonly interval: IntervalBounds;
	readonly maxRps: number;
	/** Other operations' budgets, as text (`GetRun=8,ListRuns=4`; parse-budgets.ts), over their defaults. */
	readonly budget: string | undefined;
	readonly sort: SortMode;
	readonly ascii: boolean;
	readonly color: boolean;
	readonly notify: boolean;
	readonly title: boolean;
	readonly mouse: boolean;
	readonly log: string | undefined;
	readonly requestTimeout: number;
	readonly staleTimeout: number;
}

/** What a config file holds once validated: any subset of the settings. */
export type FileSettings = {readonly [Key in ConfigKey]?: NonNullable<SettingValues[Key]>};

/** Where a setting's value came from, highest precedence first. */
export type SettingSource =
	| {readonly kind: 'flag'; readonly flag: string}
	| {readonly kind: 'env'; readonly variable: string}
	| {readonly kind: 'arn'}
	| {readonly kind: 'config'; readonly file: string}
	| {readonly kind: 'default'};

export interface Setting<T> {
	readonly value: T;
	readonly source: SettingSource;
	/** Why a value was not used, or what happens when there is none. */
	readonly note?: string;
}

export type EffectiveSettings = {readonly [Key in ConfigKey]: Setting<SettingValues[Key]>};

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * Runs a flag's validator for another source: its message names `label` (a config file and key)
 * instead of `--flag`, so one validator words both.
 */
function relabel<T>(flag: string, label: string, parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		if (error instanceof UsageError && label !== `--${flag}`)
			throw new UsageError(error.message.replace(`--${flag}`, label));
		throw error;
	}
}

/** --interval MIN[:MAX] in seconds (default 5:60; MIN alone keeps MAX at 60 or MIN, whichever is larger). */
export function parseInterval(raw: string | undefined): IntervalBounds {
	if (raw === undefined) return {minMs: 5_000, maxMs: 60_000};
	const match = /^(\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(raw.trim());
	if (!match)
		throw new UsageError(`--interval takes MIN or MIN:MAX in seconds, such as 5 or 5:60, got "${raw}"`);
	const min = Number(match[1]);
	const max = match[2] === undefined ? Math.max(60, min) : Number(match[2]);
	if (min < 0.1) throw new UsageError(`--interval MIN must be at least 0.1 seconds, got "${raw}"`);
	if (max < min) throw new UsageError(`--interval MAX must not be below MIN, got "${raw}"`);
	return {minMs: min * 1000, maxMs: max * 1000};
}

/**
 * The validators of the text-valued settings, shared by flags and the config file; `label` is what
 * a message calls the value (`--max-rps`, or `config file F: "maxRps"`).
 */
export const TEXT_SETTINGS = {
	profile: (raw: string, label: string): string => {
		if (raw.trim() === '') throw new UsageError(`${label} needs a profile name`);
		return raw;
	},
	region: (raw: string, label: string): string => {
		if (!REGION.test(raw))
			throw new UsageError(`${label} must be an AWS region such as us-east-1, got "${raw}"`);
		return raw;
	},
	interval: (raw: string, label: string): IntervalBounds =>
		relabel('interval', label, () => parseInterval(raw)),
	maxRps: (raw: string, label: string): number =>
		relabel('max-rps', label, () => parseNumberFlag('max-rps', raw, {min: 0.1, max: 1000}) ?? 0),
	budget: (raw: string, label: string): string => budgetsText(parseBudgets(raw, label)),
	sort: (raw: string, label: string): SortMode => {
		const mode = SORT_MODES.find((candidate) => candidate === raw);
		if (!mode) throw new UsageError(`${label} must be one of ${SORT_MODES.join(', ')}, got "${raw}"`);
		return mode;
	},
	log: (raw: string, label: string): string => {
		if (raw.trim() === '') throw new UsageError(`${label} needs a file name`);
		return raw;
	},
	requestTimeout: (raw: string, label: string): number => {
		const ms = relabel('request-timeout', label, () => parseDuration('request-timeout', raw) ?? 0);
		if (ms < 100 || ms > 600_000)
			throw new UsageError(`${label} must be between 100ms and 10m, such as 15s, got "${raw}"`);
		return ms;
	},
	staleTimeout: (raw: string, label: string): number =>
		relabel('stale-timeout', label, () => parseDuration('stale-timeout', raw) ?? 0),
} as const satisfies {readonly [Key in ConfigKey]?: (raw: string, label: string) => SettingValues[Key]};

export type TextSettingKey = keyof typeof TEXT_SETTINGS;
export type BooleanSettingKey = Exclude<ConfigKey, TextSettingKey>;

/** The defaults, which differ for --demo (a small local account: polled faster, a shorter deadline). */
export function defaultSettings(demo: boolean): SettingValues {
	return {
		profile: undefined,
		region: undefined,
		// 12 demo batches at 3 s stay under 5 req/s.
		interval: demo ? {minMs: 3_000, maxMs: 20_000} : {minMs: 5_000, maxMs: 60_000},
		maxRps: demo ? 5 : 2,
		budget: undefined,
		sort: 'status',
		ascii: false,
		color: true,
		notify: false,
		title: false,
		// Off: with mouse reporting on, the terminal's own text selection needs a modifier (Shift).
		mouse: false,
		log: undefined,
		requestTimeout: demo ? 5_000 : DEFAULT_REQUEST_TIMEOUT_MS,
		staleTimeout: 10 * 60_000,
	};
}

export interface SettingsInput {
	readonly flags: Flags;
	readonly env: NodeJS.ProcessEnv;
	/** The config file, validated; absent when there is none. */
	readonly file?: {readonly path: string; readonly settings: FileSettings};
	readonly demo: boolean;
	readonly references: readonly BatchReference[];
}

const nonEmpty = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

/** The first variable of `names` that is set (and not empty) in `env`. */
function fromEnv(
	env: NodeJS.ProcessEnv,
	names: readonly string[],
): {value: string; variable: string} | undefined {
	for (const variable of names) {
		const value = nonEmpty(env[variable]);
		if (value !== undefined) return {value, variable};
	}
	return undefined;
}

/** The colour the environment asks for, if it asks: wantsColor's answer when it does not depend on the fallback. */
function colorFromEnv(env: NodeJS.ProcessEnv): {value: boolean; variable: string} | undefined {
	const decided = (subset: NodeJS.ProcessEnv): boolean | undefined => {
		const on = wantsColor(undefined, subset, true);
		return on === wantsColor(undefined, subset, false) ? on : undefined;
	};
	const value = decided(env);
	if (value === undefined) return undefined;
	// Name the variable that decides on its own (FORCE_COLOR wins over NO_COLOR, NO_COLOR over TERM).
	const variable =
		['FORCE_COLOR', 'NO_COLOR', 'TERM'].find(
			(name) => env[name] !== undefined && decided({[name]: env[name]}) === value,
		) ?? 'the environment';
	return {value, variable};
}

/**
 * Every setting with its source: a flag, else the environment (where a variable means the same), else
 * the config file, else the default. Pure: the flags, the environment and the validated file are inputs.
 */
export function resolveSettings({flags, env, file, demo, references}: SettingsInput): EffectiveSettings {
	const defaults = defaultSettings(demo);
	const configured = file?.settings ?? {};
	const fromFile = <Key extends ConfigKey>(key: Key): Setting<SettingValues[Key]> | undefined => {
		const value = configured[key];
		return file && value !== undefined ? {value, source: {kind: 'config', file: file.path}} : undefined;
	};
	const byDefault = <Key extends ConfigKey>(key: Key, note?: string): Setting<SettingValues[Key]> => ({
		value: defaults[key],
		source: {kind: 'default'},
		...(note ? {note} : {}),
	});
	const fromFlag = <Key extends ConfigKey>(key: Key): Setting<SettingValues[Key]> | undefined => {
		const raw = flags[key];
		if (raw === undefined) return undefined;
		const flag = raw === false ? `--no-${kebabCase(key)}` : `--${kebabCase(key)}`;
		const value = (
			typeof raw === 'string' ? TEXT_SETTINGS[key as TextSettingKey](raw, `--${kebabCase(key)}`) : raw
		) as SettingValues[Key];
		return {value, source: {kind: 'flag', flag}};
	};
	const envSetting = <T>(found: {value: T; variable: string} | undefined): Setting<T> | undefined =>
		found ? {value: found.value, source: {kind: 'env', variable: found.variable}} : undefined;
	// Flag, then file, then default: the settings no variable speaks for.
	const plain = <Key extends ConfigKey>(key: Key): Setting<SettingValues[Key]> =>
		fromFlag(key) ?? fromFile(key) ?? byDefault(key);

	// --demo runs its own emulator: no profile or region applies (as flags they are errors).
	const notForDemo = (key: 'profile' | 'region' | 'log'): Setting<undefined> => ({
		value: undefined,
		source: {kind: 'default'},
		note: fromFile(key) ? "the config file's is not used with --demo" : 'not used with --demo',
	});
	const arnRegion = references.find((reference) => reference.region !== undefined)?.region;
	const region: Setting<string | undefined> = demo
		? notForDemo('region')
		: (fromFlag('region') ??
			envSetting(fromEnv(env, ['AWS_REGION', 'AWS_DEFAULT_REGION'])) ??
			// A batch ARN says where its batch lives: that beats a default region from the file.
			(arnRegion !== undefined && configured.region !== undefined
				? {value: arnRegion, source: {kind: 'arn'}, note: 'a batch ARN names it (over the config file)'}
				: undefined) ??
			fromFile('region') ??
			byDefault('region', "the profile's, else a batch ARN's"));
	const profile: Setting<string | undefined> = demo
		? notForDemo('profile')
		: (fromFlag('profile') ??
			envSetting(fromEnv(env, ['AWS_PROFILE'])) ??
			fromFile('profile') ??
			byDefault('profile', 'the SDK default chain'));
	const ascii: Setting<boolean> =
		fromFlag('ascii') ??
		envSetting(wantsAscii(false, env) ? {value: true, variable: 'TERM'} : undefined) ??
		fromFile('ascii') ??
		byDefault('ascii');
	const color: Setting<boolean> =
		fromFlag('color') ?? envSetting(colorFromEnv(env)) ?? fromFile('color') ?? byDefault('color');
	return {
		profile,
		region,
		interval: plain('interval'),
		maxRps: plain('maxRps'),
		budget:
			fromFlag('budget') ??
			fromFile('budget') ??
			byDefault('budget', 'half of each documented quota; see README'),
		sort: plain('sort'),
		ascii,
		color,
		notify: plain('notify'),
		title: plain('title'),
		mouse: plain('mouse'),
		// The demo's events must not land in the user's real log (the next real run would compare with them).
		log: demo && !flags.log ? notForDemo('log') : plain('log'),
		requestTimeout: plain('requestTimeout'),
		staleTimeout: plain('staleTimeout'),
	};
}
