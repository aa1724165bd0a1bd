import {
	emulatorOptionsFromFlags,
	startEmulatorForCli,
	stopOnSignal,
	type EmulatorFlags,
} from './emulator-command.js';

/**
 * `batchtop --demo` until the monitor exists: starts the emulator on the demo scenario and says how
 * to reach it. Later issues replace this with the TUI watching the emulator.
 */
export async function runDemoCommand(flags: EmulatorFlags, write: (line: string) => void): Promise<void> {
	const emulator = await startEmulatorForCli(emulatorOptionsFromFlags(flags));
	write(`listening on ${emulator.url}`);
	write(
		`HealthOmics run-batch emulator, scenario "${flags.scenario ?? 'demo'}", region ${emulator.region}, ${emulator.batchIds.length} batches.`,
	);
	write(
		`Point an AWS SDK at it: endpoint ${emulator.url}, disableHostPrefix: true, region ${emulator.region}, any credentials.`,
	);
	write(`Try: curl -s ${emulator.url}/runBatch   or   curl -s ${emulator.url}/__emulator/stats`);
	write('Press Ctrl-C to stop.');
	await stopOnSignal(emulator);
}
