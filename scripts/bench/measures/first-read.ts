// 6. Emulator: the first ListBatch of a fresh emulator, which catches every batch up from its creation
// to now, and how long other requests wait behind that catch-up.
import {Account} from '../../../source/emulator/model/account.js';
import {VirtualClock} from '../../../source/emulator/model/virtual-clock.js';
import {parseScenario} from '../../../source/emulator/scenario/load-scenario.js';
import {manyBatches} from '../lib/bench-scenarios.js';
import {
	scenarioFile,
	startBackgroundEmulatorProcess,
	startEmulatorProcess,
	type EmulatorProcess,
} from '../lib/emulator-process.js';

export interface FirstRead {
	/** Server time of the demo's first ListBatch, one per fresh emulator, ms. */
	readonly demoServerMs: number[];
	/** Spawn to "listening" of the demo emulator (its history is computed before it listens), ms. */
	readonly demoReadyMs: number[];
	/** The big account: spawn to its first ListBatch answered, and that ListBatch's server time, ms. */
	readonly manyWallMs: number;
	readonly manyServerMs: number;
	/** The same account started as --demo starts it: its first ListBatch, client and server time, ms. */
	readonly backgroundWallMs: number;
	readonly backgroundServerMs: number;
	/** The longest any /__emulator/stats or GetBatch sent during that ListBatch took, ms, and how many were sent. */
	readonly worstWaitMs: number;
	readonly probes: number;
}

interface Stats {
	byOperation: Record<string, {serverMs?: {max: number}}>;
}

async function listBatchServerMs(emulator: EmulatorProcess): Promise<number> {
	const stats = await emulator.get<Stats>('stats');
	const server = stats.byOperation['ListBatch']?.serverMs;
	if (!server) throw new Error('the emulator reported no ListBatch time');
	return server.max;
}

async function timed(url: string): Promise<number> {
	const started = performance.now();
	const response = await fetch(url);
	await response.arrayBuffer();
	if (!response.ok) throw new Error(`${url} answered ${response.status}`);
	return performance.now() - started;
}

/** Ids of a scenario's first batches, as the emulator will draw them (same seed, same order). */
function firstIds(scenario: unknown, count: number): string[] {
	const parsed = parseScenario(scenario, 'bench');
	const clock = new VirtualClock({mode: 'manual'});
	const account = new Account({
		clock,
		seed: parsed.seed ?? 1,
		region: 'us-east-1',
		accountId: '123456789012',
	});
	return parsed.batches.slice(0, count).map((spec) => account.create({spec, creationTime: clock.now()}).id);
}

/** The demo's first ListBatch `runs` times, then one big account's, probed by other requests meanwhile. */
export async function firstRead(runs: number, batches: number): Promise<FirstRead> {
	const demoServerMs: number[] = [];
	const demoReadyMs: number[] = [];
	for (let run = 0; run < runs; run++) {
		const spawned = performance.now();
		const emulator = await startEmulatorProcess(['--scenario', 'demo']);
		demoReadyMs.push(performance.now() - spawned);
		try {
			await timed(`${emulator.url}/runBatch`);
			demoServerMs.push(await listBatchServerMs(emulator));
		} finally {
			await emulator.stop();
		}
	}

	const scenario = manyBatches(batches);
	const ids = firstIds(scenario, 20);
	const file = await scenarioFile('many', scenario);
	const spawned = performance.now();
	const emulator = await startEmulatorProcess(['--scenario', file]);
	let manyWallMs: number;
	let manyServerMs: number;
	try {
		await timed(`${emulator.url}/runBatch?maxItems=100`);
		manyWallMs = performance.now() - spawned;
		manyServerMs = await listBatchServerMs(emulator);
	} finally {
		await emulator.stop();
	}

	// As --demo runs it: listening at once, so the first ListBatch shares the server with the catch-up.
	const background = await startBackgroundEmulatorProcess(file);
	try {
		let listing = true;
		const waits: number[] = [];
		const probe = async (): Promise<void> => {
			for (let n = 0; listing; n++) {
				const path = n % 2 === 0 ? '__emulator/stats' : `runBatch/${ids[(n >> 1) % ids.length]}`;
				waits.push(await timed(`${background.url}/${path}`));
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
		};
		const list = timed(`${background.url}/runBatch?maxItems=100`).finally(() => {
			listing = false;
		});
		// The probes start once the ListBatch is on its way, so they land during its catch-up.
		await new Promise((resolve) => setTimeout(resolve, 5));
		const [backgroundWallMs] = await Promise.all([list, probe()]);
		return {
			demoServerMs,
			demoReadyMs,
			manyWallMs,
			manyServerMs,
			backgroundWallMs,
			backgroundServerMs: await listBatchServerMs(background),
			worstWaitMs: Math.max(0, ...waits),
			probes: waits.length,
		};
	} finally {
		await background.stop();
	}
}
