import type {EmulatorOptions} from '../emulator/index.js';
import type {Flags} from './cli-flags.js';
import {UsageError} from './exit-codes.js';
import {parseNumberFlag} from './parse-number.js';

/** Raw flag values of `batchtop emulator` (and of `--demo`, which shares all but --port and --host). */
export type EmulatorFlags = Pick<
	Flags,
	'port' | 'host' | 'scenario' | 'seed' | 'speed' | 'fault' | 'runSummaryLag' | 's3SettingsRuns'
>;

/** Emulator options from flags; fault specs are checked when the emulator loads (it alone parses them). */
export type EmulatorRequest = Omit<EmulatorOptions, 'faults'> & {readonly faultSpecs: readonly string[]};

/** Turns flag strings into validated emulator options, or throws a UsageError naming the flag. */
export function emulatorOptionsFromFlags(flags: EmulatorFlags): EmulatorRequest {
	const port = parseNumberFlag('port', flags.port, {min: 0, max: 65_535, integer: true});
	const seed = parseNumberFlag('seed', flags.seed, {min: 0, max: 0xffff_ffff, integer: true});
	const speed = parseNumberFlag('speed', flags.speed, {min: 0.001, max: 1_000_000});
	const lag = parseNumberFlag('run-summary-lag', flags.runSummaryLag, {min: 0, max: 86_400});
	const s3Runs = parseNumberFlag('s3-settings-runs', flags.s3SettingsRuns, {
		min: 1,
		max: 100_000,
		integer: true,
	});
	return {
		host: flags.host ?? '127.0.0.1',
		scenario: flags.scenario ?? 'demo',
		faultSpecs: flags.fault ?? [],
		...(port === undefined ? {} : {port}),
		...(seed === undefined ? {} : {seed}),
		...(speed === undefined ? {} : {speed}),
		...(lag === undefined ? {} : {runSummaryLagSeconds: lag}),
		...(s3Runs === undefined ? {} : {s3SettingsRuns: s3Runs}),
	};
}

/** Starts the emulator, turning scenario and listen errors into one-line usage errors. */
export async function startEmulatorForCli({faultSpecs, ...options}: EmulatorRequest) {
	// Loaded only here: watching real AWS never pays for parsing the emulator.
	const {startEmulator, parseFaultSpecs, FaultSpecError, ScenarioError} =
		await import('../emulator/index.js');
	try {
		return await startEmulator({...options, faults: parseFaultSpecs(faultSpecs)});
	} catch (error) {
		if (error instanceof ScenarioError || error instanceof FaultSpecError)
			throw new UsageError(error.message);
		const code = (error as NodeJS.ErrnoException).code;
		const where = `${options.host ?? '127.0.0.1'}:${options.port ?? 0}`;
		if (code === 'EADDRINUSE')
			throw new UsageError(
				`port ${where} is already in use; pick another with --port, or --port 0 for any free port`,
			);
		if (code === 'EACCES') throw new UsageError(`not allowed to listen on ${where}; use a port above 1023`);
		if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
			throw new UsageError(`cannot listen on --host ${options.host ?? ''}: no such local address`);
		throw error;
	}
}

/** `batchtop emulator`: serve until SIGINT/SIGTERM, printing exactly one line (the URL) on stdout. */
export async function runEmulatorCommand(
	options: EmulatorRequest,
	write: (line: string) => void,
): Promise<void> {
	// Nobody is waiting for a first frame here: the history is computed before the URL is printed.
	const emulator = await startEmulatorForCli({...options, catchUpFirst: true});
	write(`listening on ${emulator.url}`);
	await stopOnSignal(emulator);
}

/** Resolves after SIGINT or SIGTERM has stopped the emulator. */
export function stopOnSignal(emulator: {stop(): Promise<void>}): Promise<void> {
	return new Promise((resolve) => {
		const stop = (): void => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			void emulator.stop().then(resolve);
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}
