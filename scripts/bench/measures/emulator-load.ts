// 6. Emulator: GetBatch answering time on a 100,000-run batch, and memory with ten of them.
import {largeBatches} from '../lib/bench-scenarios.js';
import {scenarioFile, startEmulatorProcess} from '../lib/emulator-process.js';
import {rssBytes} from '../lib/proc-stats.js';
import {median} from '../lib/statistics.js';

export interface EmulatorLoad {
	/** Server-side GetBatch time, p50 and p95 over the last 4,096 requests, ms. */
	readonly serverP50Ms: number;
	readonly serverP95Ms: number;
	/** Round trip seen by a client on the same machine (fetch, keep-alive), median ms. */
	readonly roundTripP50Ms: number;
	readonly rssAfterReplayBytes: number;
	readonly rssAfterRequestsBytes: number;
}

/** Ten 100,000-run batches an hour into their life; `requests` GetBatch calls spread over all ten while time runs. */
export async function emulatorLoad(requests: number, batches = 10): Promise<EmulatorLoad> {
	const scenario = await scenarioFile('large', largeBatches(batches));
	const emulator = await startEmulatorProcess(['--scenario', scenario]);
	try {
		const list = await emulator.get<{batches: Array<{id: string}>}>('batches');
		const ids = list.batches.map((batch) => batch.id);
		const rssAfterReplay = rssBytes(emulator.pid);
		const roundTrips: number[] = [];
		for (let index = 0; index < requests; index++) {
			const started = performance.now();
			const response = await fetch(`${emulator.url}/runBatch/${ids[index % ids.length]}`);
			await response.arrayBuffer();
			roundTrips.push(performance.now() - started);
		}
		const stats = await emulator.get<{byOperation: {GetBatch?: {serverMs?: {p50: number; p95: number}}}}>(
			'stats',
		);
		const server = stats.byOperation.GetBatch?.serverMs;
		if (!server) throw new Error('the emulator reported no GetBatch times');
		return {
			serverP50Ms: server.p50,
			serverP95Ms: server.p95,
			roundTripP50Ms: median(roundTrips),
			rssAfterReplayBytes: rssAfterReplay,
			rssAfterRequestsBytes: rssBytes(emulator.pid),
		};
	} finally {
		await emulator.stop();
	}
}
