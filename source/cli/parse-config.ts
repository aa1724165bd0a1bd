import {BatchReferenceError, parseBatchReferences} from '../domain/batch-reference.js';
import {KNOWN_STATUSES} from '../domain/batch-status.js';
import type {BatchFilter} from '../omics/batch-api.js';
import {wantsAscii, wantsColor} from '../ui/theme/glyphs.js';
import {emulatorOptionsFromFlags} from './emulator-command.js';
import {UsageError} from './exit-codes.js';
import {parseDuration} from './parse-duration.js';
import {parseNumberFlag} from './parse-number.js';
import type {CliConfig, OutputMode} from './watch-config.js';

/** The flag values meow hands over (strings and booleans, unvalidated). */
export interface RawFlags {
	readonly [name: string]: string | boolean | string[] | undefined;
}

export interface Terminal {
	readonly stdinIsTty: boolean;
	readonly stdoutIsTty: boolean;
}

const text = (flags: RawFlags, name: string): string | undefined =>
	typeof flags[name] === 'string' ? (flags[name] as string) : undefined;
const yes = (flags: RawFlags, name: string): boolean => flags[name] === true;

/** Maps the command line into one validated config; every problem is a UsageError naming the flag or argument. */
export function parseConfig(
	input: readonly string[],
	flags: RawFlags,
	terminal: Terminal,
	env: NodeJS.ProcessEnv = process.env,
): CliConfig {
	if (input[0] === 'emulator') {
		if (input.length > 1)
			throw new UsageError(`unexpected argument "${input[1]}" after emulator; see batchtop --help`);
		return {
			command: 'emulator',
			options: emulatorOptionsFromFlags(flags as Parameters<typeof emulatorOptionsFromFlags>[0]),
		};
	}

	let references;
	try {
		references = parseBatchReferences(input);
	} catch (error) {
		if (error instanceof BatchReferenceError) throw new UsageError(error.message);
		throw error;
	}

	const filters: Array<[string, string]> = [];
	const status = text(flags, 'status');
	if (status !== undefined) {
		const upper = status.toUpperCase();
		if (!(KNOWN_STATUSES as readonly string[]).includes(upper)) {
			throw new UsageError(
				`--status "${status}" is not a batch status; use one of ${KNOWN_STATUSES.join(', ')}`,
			);
		}
		filters.push(['status', upper]);
	}
	const name = text(flags, 'name');
	if (name !== undefined) {
		if (name.length < 1 || name.length > 64) throw new UsageError('--name must be 1 to 64 characters');
		filters.push(['name', name]);
	}
	const runGroup = text(flags, 'runGroup');
	if (runGroup !== undefined) {
		if (!/^[0-9]{1,18}$/.test(runGroup))
			throw new UsageError(`--run-group "${runGroup}" is not a run group ID (1-18 digits)`);
		filters.push(['runGroupId', runGroup]);
	}
	if (filters.length > 1)
		throw new UsageError(
			'use one of --status, --name or --run-group at a time (the ListBatch API takes one filter per call)',
		);
	if (references.length > 0 && (filters.length > 0 || yes(flags, 'all'))) {
		throw new UsageError(
			'--all, --status, --name and --run-group choose batches when no IDs are given; drop them or the IDs',
		);
	}

	const demo = yes(flags, 'demo');
	const region = text(flags, 'region');
	const profile = text(flags, 'profile');
	const endpointUrl = text(flags, 'endpointUrl');
	if (demo && (region || profile || endpointUrl))
		throw new UsageError('--demo runs its own emulator; drop --region, --profile and --endpoint-url');
	if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
		throw new UsageError(`--region "${region}" is not an AWS region such as us-east-1`);
	if (endpointUrl !== undefined) {
		let url: URL | undefined;
		try {
			url = new URL(endpointUrl);
		} catch {
			url = undefined;
		}
		if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
			throw new UsageError(
				`--endpoint-url "${endpointUrl}" is not an http(s) URL such as http://127.0.0.1:4566`,
			);
		}
	}

	// The demo account is small and local: poll it a little faster so it feels alive (12 batches at 3 s stay under 5 req/s).
	const interval =
		text(flags, 'interval') === undefined && demo
			? {minMs: 3_000, maxMs: 20_000}
			: parseInterval(text(flags, 'interval'));
	const maxRequestsPerSecond =
		parseNumberFlag('max-rps', text(flags, 'maxRps'), {min: 0.1, max: 1000}) ?? (demo ? 5 : 2);
	if (yes(flags, 'plain') && yes(flags, 'json')) throw new UsageError('choose one of --plain and --json');
	const scripted =
		yes(flags, 'plain') ||
		yes(flags, 'json') ||
		yes(flags, 'once') ||
		!terminal.stdinIsTty ||
		!terminal.stdoutIsTty;
	const output: OutputMode = yes(flags, 'json') ? 'json' : scripted ? 'plain' : 'tui';
	const timeoutMs = parseDuration('timeout', text(flags, 'timeout'));
	const staleTimeoutMs = parseDuration('stale-timeout', text(flags, 'staleTimeout')) ?? 10 * 60_000;
	const requestTimeoutMs = parseDuration('request-timeout', text(flags, 'requestTimeout'));
	if (requestTimeoutMs !== undefined && (requestTimeoutMs < 100 || requestTimeoutMs > 600_000))
		throw new UsageError('--request-timeout must be between 100ms and 10m, such as 15s');
	const logFile = text(flags, 'log');
	if (logFile !== undefined && logFile.trim() === '') throw new UsageError('--log needs a file name');
	const discoveryFilter = (filters.length === 0 ? {} : Object.fromEntries(filters)) as BatchFilter;

	return {
		command: 'watch',
		references,
		// The demo shows its whole account, history included; elsewhere finished batches need --all or a filter.
		...(references.length === 0
			? {
					discovery: {
						filter: discoveryFilter,
						includeFinished: demo || yes(flags, 'all') || filters.length > 0,
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
		...(demo
			? {demo: emulatorOptionsFromFlags(flags as Parameters<typeof emulatorOptionsFromFlags>[0])}
			: {}),
		interval,
		maxRequestsPerSecond,
		output,
		once: yes(flags, 'once'),
		exitStatus: yes(flags, 'exitStatus') || yes(flags, 'wait'),
		failFast: yes(flags, 'failFast'),
		...(timeoutMs === undefined ? {} : {timeoutMs}),
		staleTimeoutMs,
		...(logFile ? {logFile} : {}),
		notify: yes(flags, 'notify'),
		color: wantsColor(flags['color'] === false ? false : undefined, env),
		ascii: wantsAscii(yes(flags, 'ascii'), env),
		alternateScreen: flags['altScreen'] !== false,
	};
}

/** --interval MIN[:MAX] in seconds (default 5:60; MIN alone keeps MAX at 60 or MIN, whichever is larger). */
export function parseInterval(raw: string | undefined): {minMs: number; maxMs: number} {
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
