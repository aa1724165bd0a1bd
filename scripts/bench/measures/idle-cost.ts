// 2. Idle cost: batchtop watching 10 active batches in a 120×40 terminal, nobody typing.
import {activeBatches} from '../lib/bench-scenarios.js';
import {benchEnv} from '../lib/cli-env.js';
import {CLI, scenarioFile, startEmulatorProcess} from '../lib/emulator-process.js';
import {cpuMs} from '../lib/proc-stats.js';
import {PtyProcess} from '../lib/pty-process.js';

export interface IdleSample {
	readonly cpuPercent: number;
	readonly bytesPerSecond: number;
	readonly requests: number;
}

const BATCHES = 10;

/** CPU share of one core and bytes written per second over `seconds`, after a warm-up; one sample per run. */
export async function idleCost(runs: number, seconds: number, warmUpSeconds: number): Promise<IdleSample[]> {
	const scenario = await scenarioFile('idle', activeBatches(BATCHES));
	const samples: IdleSample[] = [];
	for (let run = 0; run < runs; run++) {
		const emulator = await startEmulatorProcess(['--scenario', scenario]);
		const pty = new PtyProcess({
			command: [process.execPath, CLI, '--endpoint-url', emulator.url],
			columns: 120,
			rows: 40,
			env: benchEnv(),
		});
		try {
			await pty.waitForScreen((screen) => screen.filter((line) => line.includes('bench-')).length >= BATCHES);
			await sleep(warmUpSeconds * 1000);
			const pid = pty.programPid();
			const cpuBefore = cpuMs(pid);
			const bytesBefore = pty.bytes;
			const statsBefore = await emulator.get<{total: number}>('stats');
			const started = performance.now();
			await sleep(seconds * 1000);
			const elapsed = performance.now() - started;
			const statsAfter = await emulator.get<{total: number}>('stats');
			samples.push({
				cpuPercent: ((cpuMs(pid) - cpuBefore) / elapsed) * 100,
				bytesPerSecond: ((pty.bytes - bytesBefore) / elapsed) * 1000,
				requests: statsAfter.total - statsBefore.total,
			});
		} finally {
			await pty.kill();
			await emulator.stop();
		}
	}
	return samples;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
