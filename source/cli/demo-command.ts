import {createBatchApi} from '../omics/batch-api.js';
import {createOmicsClient} from '../omics/omics-client.js';
import {BatchPoller} from '../poller/batch-poller.js';
import {runTui} from '../ui/run-tui.js';
import {wantsAscii, wantsColor} from '../ui/theme/glyphs.js';
import {
	emulatorOptionsFromFlags,
	startEmulatorForCli,
	stopOnSignal,
	type EmulatorFlags,
} from './emulator-command.js';

export interface DemoFlags extends EmulatorFlags {
	ascii?: boolean;
	color?: boolean;
	altScreen?: boolean;
}

/**
 * `batchtop --demo`: the emulator in-process on the demo scenario, and the monitor watching every
 * batch in it. Without a terminal (piped), it serves and prints how to reach it instead.
 */
export async function runDemoCommand(flags: DemoFlags, write: (line: string) => void): Promise<number> {
	const emulator = await startEmulatorForCli(emulatorOptionsFromFlags(flags));
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		write(`listening on ${emulator.url}`);
		write(
			`HealthOmics run-batch emulator, scenario "${flags.scenario ?? 'demo'}", region ${emulator.region}, ${emulator.batchIds.length} batches.`,
		);
		write(
			`Point an AWS SDK at it: endpoint ${emulator.url}, disableHostPrefix: true, region ${emulator.region}, any credentials.`,
		);
		write('Press Ctrl-C to stop.');
		await stopOnSignal(emulator);
		return 0;
	}
	const client = createOmicsClient({
		endpointUrl: emulator.url,
		region: emulator.region,
		credentials: {accessKeyId: 'demo', secretAccessKey: 'demo'},
		requestTimeoutMs: 5_000,
	});
	const poller = new BatchPoller({
		api: createBatchApi(client),
		// Twelve batches at one poll per 3 s stay under the 5 req/s budget, leaving room for failure details.
		interval: {minMs: 3_000, maxMs: 20_000},
		maxRequestsPerSecond: 5,
		discovery: {filter: {}, includeFinished: true, intervalMs: 15_000},
	});
	try {
		return await runTui({
			poller,
			target: `demo emulator ${emulator.url}`,
			ascii: wantsAscii(flags.ascii ?? false),
			color: wantsColor(flags.color),
			alternateScreen: flags.altScreen ?? true,
			stallMs: 5 * 60_000,
		});
	} finally {
		await emulator.stop();
	}
}
