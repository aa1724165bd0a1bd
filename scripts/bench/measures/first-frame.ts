// 1. Time to first frame: `batchtop --demo` on a pseudo-terminal, and `batchtop --once --json`.
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {benchEnv} from '../lib/cli-env.js';
import {CLI, startEmulatorProcess} from '../lib/emulator-process.js';
import {PtyProcess} from '../lib/pty-process.js';

const DEMO_BATCHES = 12;

/** A frame is complete when the header, the footer and a row for every demo batch are on screen. */
function demoFrameComplete(screen: string[]): boolean {
	const header = screen[0] ?? '';
	const footer = screen.findLast((line) => line.trim() !== '') ?? '';
	const rows = screen.filter((line) => /\d+(\.\d)?k?\/\d+(\.\d)?k?/.test(line) || /\?\/\d/.test(line));
	return header.startsWith('batchtop') && footer.includes('q quit') && rows.length >= DEMO_BATCHES;
}

/** Spawn to first complete frame of `batchtop --demo` on a 120×40 pty, in ms, `runs` times. */
export async function demoFirstFrame(runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const pty = new PtyProcess({
			command: [process.execPath, CLI, '--demo'],
			columns: 120,
			rows: 40,
			env: benchEnv(),
		});
		try {
			times.push(await pty.waitForScreen(demoFrameComplete));
		} finally {
			await pty.kill();
		}
	}
	return times;
}

/** Spawn to exit of `batchtop --once --json --all` against a running demo emulator, in ms. */
export async function onceJson(runs: number): Promise<number[]> {
	const emulator = await startEmulatorProcess(['--scenario', 'demo']);
	const times: number[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			const started = performance.now();
			const child = spawn(
				process.execPath,
				[CLI, '--once', '--json', '--all', '--endpoint-url', emulator.url],
				{
					env: benchEnv(),
					stdio: ['ignore', 'pipe', 'inherit'],
				},
			);
			let lines = 0;
			child.stdout.on('data', (chunk: Buffer) => (lines += chunk.toString().split('\n').length - 1));
			const [code] = (await once(child, 'exit')) as [number | null];
			times.push(performance.now() - started);
			if (code !== 0 || lines < DEMO_BATCHES)
				throw new Error(`--once --json exited ${code} after ${lines} lines`);
		}
	} finally {
		await emulator.stop();
	}
	return times;
}

/** Node's own start-up, the floor under both figures. */
export async function nodeStartup(runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const child = spawn(process.execPath, ['-e', '0'], {stdio: 'ignore'});
		await once(child, 'exit');
		times.push(performance.now() - started);
	}
	return times;
}
