import {homedir} from 'node:os';
import {BatchReferenceError, parseBatchReferences} from '../domain/batch-reference.js';
import {KNOWN_STATUSES} from '../domain/batch-status.js';
import type {BatchFilter} from '../omics/batch-api.js';
import type {Flags} from './cli-flags.js';
import {parseConfigFile, type ConfigFile, type ConfigFileSource} from './config-file.js';
import {emulatorOptionsFromFlags} from './emulator-command.js';
import {UsageError} from './exit-codes.js';
import {checkConnectionFlags} from './connection-flags.js';
import {rejectFlagsThatDoNotApply} from './flag-scope.js';
import {parseDuration} from './parse-duration.js';
import {parseBudgets} from './parse-budgets.js';
import {resolveSettings} from './settings.js';
import type {CliConfig, OutputMode} from './watch-config.js';

export {parseInterval} from './settings.js';

export interface Terminal {
	readonly stdinIsTty: boolean;
	readonly stdoutIsTty: boolean;
}

/**
 * Maps the command line, the environment and the config file into one validated config; every
 * problem is a UsageError naming the flag, the argument, or the config file and key. Pure: the
 * config file arrives as its path and text (`configFile`, absent for none), read by the caller.
 */
export function parseConfig(
	input: readonly string[],
	flags: Flags,
	terminal: Terminal,
	env: NodeJS.ProcessEnv = process.env,
	configFile?: ConfigFileSource,
): CliConfig {
	const command = input[0] === 'emulator' ? 'emulator' : 'watch';
	rejectFlagsThatDoNotApply(command, flags);
	if (command === 'emulator') {
		if (input.length > 1)
			throw new UsageError(`unexpected argument "${input[1]}" after emulator; see batchtop --help`);
		return {command: 'emulator', options: emulatorOptionsFromFlags(flags)};
	}

	let references;
	try {
		references = parseBatchReferences(input);
	} catch (error) {
		if (error instanceof BatchReferenceError) throw new UsageError(error.message);
		throw error;
	}

	const filters: Array<[string, string]> = [];
	const {status, name, runGroup} = flags;
	if (status !== undefined) {
		const upper = status.toUpperCase();
		if (!(KNOWN_STATUSES as readonly string[]).includes(upper)) {
			throw new UsageError(
				`--status "${status}" is not a batch status; use one of ${KNOWN_STATUSES.join(', ')}`,
			);
		}
		filters.push(['status', upper]);
	}
	if (name !== undefined) {
		if (name.length < 1 || name.length > 64) throw new UsageError('--name must be 1 to 64 characters');
		filters.push(['name', name]);
	}
	if (runGroup !== undefined) {
		if (!/^[0-9]{1,18}$/.test(runGroup))
			throw new UsageError(`--run-group "${runGroup}" is not a run group ID (1-18 digits)`);
		filters.push(['runGroupId', runGroup]);
	}
	if (filters.length > 1)
		throw new UsageError(
			'use one of --status, --name or --run-group at a time (the ListBatch API takes one filter per call)',
		);
	if (references.length > 0 && (filters.length > 0 || flags.all === true)) {
		throw new UsageError(
			'--all, --status, --name and --run-group choose batches when no IDs are given; drop them or the IDs',
		);
	}

	const demo = flags.demo === true;
	const {endpointUrl} = flags;
	checkConnectionFlags(flags, demo);
	if (flags.plain === true && flags.json === true) throw new UsageError('choose one of --plain and --json');

	// The file is validated whole, even for keys a flag overrides: a mistake in it is reported today.
	const file: ConfigFile | undefined = configFile
		? parseConfigFile(configFile, env['HOME'] || safeHomedir())
		: undefined;
	const settings = resolveSettings({
		flags,
		env,
		...(file ? {file} : {}),
		demo,
		references,
	});
	if (flags.printConfig === true)
		return {
			command: 'print-config',
			settings,
			configFile: file ? {path: file.path, found: file.found} : undefined,
			json: flags.json === true,
		};

	const once = flags.once === true;
	const scripted =
		flags.plain === true || flags.json === true || once || !terminal.stdinIsTty || !terminal.stdoutIsTty;
	const output: OutputMode = flags.json === true ? 'json' : scripted ? 'plain' : 'tui';
	const timeoutMs = parseDuration('timeout', flags.timeout);
	// Set only when not the default, which differs for the demo (run-watch applies it).
	const requestTimeoutMs =
		settings.requestTimeout.source.kind === 'default' ? undefined : settings.requestTimeout.value;
	// From the environment, the region and profile are left to resolve-region and the SDK, which read
	// the same variables; the config file's (or a batch ARN's, over it) are passed on.
	const region = settings.region.source.kind === 'env' ? undefined : settings.region.value;
	const profile = settings.profile.source.kind === 'env' ? undefined : settings.profile.value;
	const logFile = settings.log.value;
	const discoveryFilter = (filters.length === 0 ? {} : Object.fromEntries(filters)) as BatchFilter;

	return {
		command: 'watch',
		references,
		// The demo shows its whole account, history included; elsewhere finished batches need --all or a filter.
		...(references.length === 0
			? {
					discovery: {
						filter: discoveryFilter,
						includeFinished: demo || flags.all === true || filters.length > 0,
					},
				}
			: {}),
		connection: {
			...(region ? {region} : {}),
			...(profile ? {profile} : {}),
			...(endpointUrl ? {endpointUrl} : {}),
			...(requestTimeoutMs === undefined ? {} : {requestTimeoutMs}),
		},
		...(requestTimeoutMs === undefined ? {} : {requestTimeoutMs}),
		...(demo ? {demo: emulatorOptionsFromFlags(flags)} : {}),
		interval: settings.interval.value,
		maxRequestsPerSecond: settings.maxRps.value,
		...(settings.budget.value === undefined
			? {}
			: {budgets: parseBudgets(settings.budget.value, '--budget')}),
		output,
		once,
		exitStatus: flags.exitStatus === true || flags.wait === true,
		failFast: flags.failFast === true,
		...(timeoutMs === undefined ? {} : {timeoutMs}),
		staleTimeoutMs: settings.staleTimeout.value,
		...(logFile ? {logFile} : {}),
		notify: settings.notify.value,
		color: settings.color.value,
		ascii: settings.ascii.value,
		alternateScreen: flags.altScreen !== false,
		title: settings.title.value,
		mouse: settings.mouse.value,
		allowCancel: flags.allowCancel === true,
		initialSort: settings.sort.value,
	};
}

function safeHomedir(): string | undefined {
	try {
		return homedir() || undefined;
	} catch {
		return undefined;
	}
}
