import {BatchReferenceError, parseBatchReference, type BatchReference} from '../domain/batch-reference.js';
import type {OmicsConnection} from '../omics/omics-client.js';
import type {Operation} from '../poller/operation-budgets.js';
import {FLAG_SCOPES, kebabCase, type FlagName, type Flags} from './cli-flags.js';
import {parseConfigFile, type ConfigFileSource} from './config-file.js';
import {emulatorOptionsFromFlags, type EmulatorRequest} from './emulator-command.js';
import {UsageError} from './exit-codes.js';
import {checkConnectionFlags} from './connection-flags.js';
import {parseBudgets} from './parse-budgets.js';
import {resolveSettings} from './settings.js';

export type FailuresFormat = 'plain' | 'json' | 'csv';
export type FailuresKind = 'submission' | 'run' | 'all';

/** `batchtop failures BATCH`: validated before anything touches the network. */
export interface FailuresConfig {
	readonly command: 'failures';
	readonly reference: BatchReference;
	readonly format: FailuresFormat;
	readonly kind: FailuresKind;
	readonly connection: OmicsConnection;
	readonly demo?: EmulatorRequest;
	/** --max-rps: the GetBatch budget (the one GetBatch that checks the batch exists). */
	readonly maxRequestsPerSecond: number;
	/** --budget / the config file's `budget`: each operation's budget (TPS) over its default. */
	readonly budgets?: Partial<Record<Operation, number>>;
	readonly requestTimeoutMs?: number;
	/** --retry-manifest FILE: write the failures' run settings there instead of listing them. */
	readonly retryManifest?: string;
	/** --settings FILE: the batch's original run settings, the manifest's entries copied from it. */
	readonly settingsFile?: string;
}

/** The watch's flags that mean the same here; the simulation's ones need --demo. */
const ACCEPTED = new Set<FlagName>([
	'region',
	'profile',
	'endpointUrl',
	'maxRps',
	'budget',
	'requestTimeout',
	'json',
	'demo',
]);

/** Whether a flag was given (an isMultiple flag: at least once). */
const given = (value: unknown): boolean =>
	value !== undefined && !(Array.isArray(value) && value.length === 0);

/** Rejects `--csv`/`--kind` outside `batchtop failures` (flag-scope.ts knows only the watch and the emulator). */
export function rejectFailuresFlagsElsewhere(flags: Flags): void {
	for (const name of Object.keys(FLAG_SCOPES) as FlagName[])
		if (FLAG_SCOPES[name] === 'failures' && given(flags[name]))
			throw new UsageError(`--${kebabCase(name)} applies only to batchtop failures; see batchtop --help`);
}

/** Maps `batchtop failures …` into its config; every problem is a UsageError naming the flag or argument. */
export function parseFailuresConfig(
	input: readonly string[],
	flags: Flags,
	env: NodeJS.ProcessEnv = process.env,
	configFile?: ConfigFileSource,
): FailuresConfig {
	const demo = flags.demo === true;
	for (const name of Object.keys(FLAG_SCOPES) as FlagName[]) {
		if (!given(flags[name]) || ACCEPTED.has(name) || FLAG_SCOPES[name] === 'failures') continue;
		if (FLAG_SCOPES[name] === 'simulation' && demo) continue;
		throw new UsageError(
			FLAG_SCOPES[name] === 'simulation'
				? `--${kebabCase(name)} applies only to --demo and batchtop emulator`
				: `--${kebabCase(name)} does not apply to batchtop failures; see batchtop --help`,
		);
	}
	if (input.length !== 2)
		throw new UsageError(
			input.length < 2
				? 'batchtop failures needs one batch ID or ARN, e.g. batchtop failures 4812375'
				: `batchtop failures takes one batch; unexpected "${input[2]}"`,
		);
	let reference: BatchReference;
	try {
		reference = parseBatchReference(input[1] ?? '');
	} catch (error) {
		if (error instanceof BatchReferenceError) throw new UsageError(error.message);
		throw error;
	}
	if (flags.json === true && flags.csv === true) throw new UsageError('choose one of --json and --csv');
	const retryManifest = fileFlag(flags.retryManifest, '--retry-manifest');
	const settingsFile = fileFlag(flags.settings, '--settings');
	if (settingsFile !== undefined && retryManifest === undefined)
		throw new UsageError('--settings applies only with --retry-manifest FILE');
	if (retryManifest !== undefined && (flags.json === true || flags.csv === true))
		throw new UsageError(
			`--retry-manifest writes a file of run settings; drop --${flags.json === true ? 'json' : 'csv'}`,
		);
	const kind = (flags.kind ?? 'all').toLowerCase();
	if (kind !== 'submission' && kind !== 'run' && kind !== 'all')
		throw new UsageError(`--kind "${flags.kind}" is not one of submission, run, all`);
	const {endpointUrl} = flags;
	checkConnectionFlags(flags, demo);
	const file = configFile ? parseConfigFile(configFile, env['HOME'] || undefined) : undefined;
	const settings = resolveSettings({flags, env, ...(file ? {file} : {}), demo, references: [reference]});
	const requestTimeoutMs =
		settings.requestTimeout.source.kind === 'default' ? undefined : settings.requestTimeout.value;
	// From the environment, region and profile are left to resolve-region and the SDK (as the watch does).
	const region = settings.region.source.kind === 'env' ? undefined : settings.region.value;
	const profile = settings.profile.source.kind === 'env' ? undefined : settings.profile.value;
	return {
		command: 'failures',
		reference,
		format: flags.json === true ? 'json' : flags.csv === true ? 'csv' : 'plain',
		kind,
		connection: {
			...(region ? {region} : {}),
			...(profile ? {profile} : {}),
			...(endpointUrl ? {endpointUrl} : {}),
			...(requestTimeoutMs === undefined ? {} : {requestTimeoutMs}),
		},
		...(demo ? {demo: emulatorOptionsFromFlags(flags)} : {}),
		maxRequestsPerSecond: settings.maxRps.value,
		...(settings.budget.value === undefined
			? {}
			: {budgets: parseBudgets(settings.budget.value, '--budget')}),
		...(requestTimeoutMs === undefined ? {} : {requestTimeoutMs}),
		...(retryManifest === undefined ? {} : {retryManifest}),
		...(settingsFile === undefined ? {} : {settingsFile}),
	};
}

/** A file flag's path: given, and not empty. */
function fileFlag(value: string | undefined, flag: string): string | undefined {
	if (value === undefined) return undefined;
	if (value.trim() === '') throw new UsageError(`${flag} needs a file path`);
	return value;
}
