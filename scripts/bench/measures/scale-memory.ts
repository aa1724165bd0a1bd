// 4. Scale: CPU and resident memory of the real CLI watching many active batches on a 120×40 pty.
import {activeBatches} from '../lib/bench-scenarios.js';
import {benchEnv} from '../lib/cli-env.js';
import {CLI, scenarioFile, startEmulatorProcess} from '../lib/emulator-process.js';
import {cpuMs, rssBytes} from '../lib/proc-stats.js';
import {PtyProcess} from '../lib/pty-process.js';

export interface ScaleMemory {
	readonly peakRssBytes: number;
	readonly cpuPercent: number;
	readonly requests: number;
	/** CPU time of the CLI over the sampled seconds, divided by the requests it sent meanwhile. */
	readonly cpuMsPerRequest: number;
}

export interface ScaleOptions {
	/** --max-rps; the default budget (2/s) when absent. */
	readonly maxRps?: number;
	/**
	 * Wait until every batch has answered one GetBatch before sampling (the steady state of a fast
	 * budget); otherwise sampling starts once discovery has found them all.
	 */
	readonly afterEveryPoll?: boolean;
}

/**
 * Discovers `count` batches (and, with afterEveryPoll, polls each at least once), then samples CPU
 * time and RSS every second for `seconds`.
 */
export async function scaleMemory(
	count: number,
	seconds: number,
	options: ScaleOptions = {},
): Promise<ScaleMemory> {
	const scenario = await scenarioFile(`scale-${count}`, activeBatches(count, 500));
	const emulator = await startEmulatorProcess(['--scenario', scenario]);
	const rate = options.maxRps === undefined ? [] : ['--max-rps', String(options.maxRps)];
	const pty = new PtyProcess({
		command: [process.execPath, CLI, '--endpoint-url', emulator.url, ...rate],
		columns: 120,
		rows: 40,
		env: benchEnv(),
	});
	try {
		// Discovery pages through ListBatch on the polling budget: 10,000 batches take minutes at 2/s.
		// The header drops its total first when it is too wide (10,000 of each): the active count stays.
		await pty.waitForScreen(
			(screen) => [`${count} batches`, `${count} active`].some((text) => (screen[0] ?? '').includes(text)),
			15 * 60_000,
		);
		const pid = pty.programPid();
		// Every batch answered once: ListBatch pages plus one GetBatch each.
		const polled = async () =>
			(await emulator.get<{byOperation: {GetBatch?: {total: number}}}>('stats')).byOperation.GetBatch
				?.total ?? 0;
		if (options.afterEveryPoll)
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
		const cpu = cpuMs(pid) - cpuBefore;
		const requests = (await emulator.get<{total: number}>('stats')).total - requestsBefore;
		return {
			peakRssBytes: peak,
			cpuPercent: (cpu / elapsed) * 100,
			requests,
			cpuMsPerRequest: requests > 0 ? cpu / requests : Number.NaN,
		};
	} finally {
		await pty.kill();
		await emulator.stop();
	}
}
