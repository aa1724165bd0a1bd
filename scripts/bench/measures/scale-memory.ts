// 4b. Scale: resident memory of the real CLI watching 1,000 active batches on a 120×40 pty.
import {activeBatches} from '../lib/bench-scenarios.js';
import {benchEnv} from '../lib/cli-env.js';
import {CLI, scenarioFile, startEmulatorProcess} from '../lib/emulator-process.js';
import {cpuMs, rssBytes} from '../lib/proc-stats.js';
import {PtyProcess} from '../lib/pty-process.js';

export interface ScaleMemory {
	readonly peakRssBytes: number;
	readonly cpuPercent: number;
	readonly requests: number;
}

/**
 * Discovers 1,000 batches, polls each at least once (--max-rps 50, so that it takes seconds rather
 * than the ten minutes 2/s would), then samples RSS every second for `seconds`.
 */
export async function scaleMemory(count: number, seconds: number): Promise<ScaleMemory> {
	const scenario = await scenarioFile('scale', activeBatches(count, 500));
	const emulator = await startEmulatorProcess(['--scenario', scenario]);
	const pty = new PtyProcess({
		command: [process.execPath, CLI, '--endpoint-url', emulator.url, '--max-rps', '50'],
		columns: 120,
		rows: 40,
		env: benchEnv(),
	});
	try {
		await pty.waitForScreen((screen) => (screen[0] ?? '').includes(`${count} batches`), 60_000);
		const pid = pty.programPid();
		// Every batch answered once: ListBatch pages plus one GetBatch each.
		const polled = async () =>
			(await emulator.get<{byOperation: {GetBatch?: {total: number}}}>('stats')).byOperation.GetBatch
				?.total ?? 0;
		while ((await polled()) < count) await new Promise((resolve) => setTimeout(resolve, 500));
		let peak = 0;
		const cpuBefore = cpuMs(pid);
		const requestsBefore = (await emulator.get<{total: number}>('stats')).total;
		const started = performance.now();
		for (let second = 0; second < seconds; second++) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			peak = Math.max(peak, rssBytes(pid));
		}
		const elapsed = performance.now() - started;
		return {
			peakRssBytes: peak,
			cpuPercent: ((cpuMs(pid) - cpuBefore) / elapsed) * 100,
			requests: (await emulator.get<{total: number}>('stats')).total - requestsBefore,
		};
	} finally {
		await pty.kill();
		await emulator.stop();
	}
}
