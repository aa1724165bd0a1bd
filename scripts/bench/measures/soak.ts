// 7. Soak: the full TUI watching 100 batches for as many requests as 24 h at the default budget can
// send (2/s × 86,400 s), compressed: the emulator runs 50× faster, batchtop's intervals are scaled to
// match (0.1-1.2 s) and its budget raised to 200/s, so the same code paths run as often as in a day.
import {readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {activeBatches} from '../lib/bench-scenarios.js';
import {benchEnv} from '../lib/cli-env.js';
import {CLI, scenarioFile, startEmulatorProcess} from '../lib/emulator-process.js';
import {openFds} from '../lib/proc-stats.js';
import {PtyProcess} from '../lib/pty-process.js';

export interface SoakSample {
	readonly seconds: number;
	readonly requests: number;
	readonly rssBytes: number;
	readonly heapUsedBytes: number;
	readonly fds: number;
	readonly resources: Record<string, number>;
}

export interface Soak {
	readonly samples: SoakSample[];
	readonly requests: number;
	readonly seconds: number;
	readonly warmUpSeconds: number;
}

const SPEED = 50;
const MAX_RPS = 200;

/** Runs until the emulator has answered `requests` requests (or `maxSeconds` passed), sampling every `sampleSeconds`. */
export async function soak(requests: number, sampleSeconds: number, maxSeconds: number): Promise<Soak> {
	const scenario = await scenarioFile('soak', activeBatches(100, 20_000));
	const diagnostics = join(tmpdir(), `batchtop-bench-${process.pid}-diagnostics.ndjson`);
	rmSync(diagnostics, {force: true});
	const emulator = await startEmulatorProcess(['--scenario', scenario, '--speed', String(SPEED)]);
	const pty = new PtyProcess({
		command: [
			process.execPath,
			CLI,
			'--endpoint-url',
			emulator.url,
			'--interval',
			`${5 / SPEED}:${60 / SPEED}`,
			'--max-rps',
			String(MAX_RPS),
		],
		columns: 120,
		rows: 40,
		env: {...benchEnv(), BATCHTOP_DIAGNOSTICS: diagnostics},
	});
	const samples: SoakSample[] = [];
	try {
		await pty.waitForScreen((screen) => (screen[0] ?? '').includes('100 batches'), 30_000);
		const pid = pty.programPid();
		const started = performance.now();
		let answered = 0;
		while (answered < requests && performance.now() - started < maxSeconds * 1000) {
			await new Promise((resolve) => setTimeout(resolve, sampleSeconds * 1000));
			answered = (await emulator.get<{total: number}>('stats')).total;
			const last = readFileSync(diagnostics, 'utf8').trim().split('\n').at(-1) ?? '{}';
			const sample = JSON.parse(last) as {
				rssBytes: number;
				heapUsedBytes: number;
				resources: Record<string, number>;
			};
			samples.push({
				seconds: (performance.now() - started) / 1000,
				requests: answered,
				rssBytes: sample.rssBytes,
				heapUsedBytes: sample.heapUsedBytes,
				fds: openFds(pid),
				resources: sample.resources,
			});
		}
		return {
			samples,
			requests: answered,
			seconds: (performance.now() - started) / 1000,
			warmUpSeconds: sampleSeconds,
		};
	} finally {
		await pty.kill();
		await emulator.stop();
		rmSync(diagnostics, {force: true});
	}
}
