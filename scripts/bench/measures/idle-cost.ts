// 2. Idle cost: batchtop watching 10 active batches in a 120×40 terminal, nobody typing.
import {activeBatches} from '../lib/bench-scenarios.js';
import {benchEnv} from '../lib/cli-env.js';
import {countConnections} from '../lib/connection-counter.js';
import {CLI, scenarioFile, startEmulatorProcess} from '../lib/emulator-process.js';
import {cpuMs} from '../lib/proc-stats.js';
import {PtyProcess} from '../lib/pty-process.js';

export interface IdleSample {
	/** The steady state: after the warm-up, over `seconds`. */
	readonly cpuPercent: number;
	readonly bytesPerSecond: number;
	readonly requests: number;
	/** TCP connections the client opened over the steady window, per minute. */
	readonly connectionsPerMinute: number;
	/** The warm-up itself, from every batch on screen on: intervals ramp from MIN to MAX meanwhile. */
	readonly rampCpuPercent: number;
	readonly rampRequests: number;
	readonly rampConnections: number;
	/** The floor, same steady window: a bare Node process on its own pty writing one glyph a second. */
	readonly floorCpuPercent: number;
}

// What a turning spinner costs at the very least: Node waking once a second to write one cell.
const FLOOR_PROGRAM = `let i = 0; setInterval(() => process.stdout.write('\\u001b[2;2H' + '|/-\\\\'[i++ % 4]), 1000);`;

const BATCHES = 10;

interface Reading {
	readonly at: number;
	readonly cpu: number;
	readonly bytes: number;
	readonly requests: number;
	readonly connections: number;
}

/**
 * CPU share of one core, bytes written per second and connections opened, over the `warmUpSeconds`
 * after every batch is on screen (the ramp) and over the `seconds` after that (the steady state); one
 * sample per run. The client reaches the emulator through a relay that counts its connections.
 */
export async function idleCost(runs: number, seconds: number, warmUpSeconds: number): Promise<IdleSample[]> {
	const scenario = await scenarioFile('idle', activeBatches(BATCHES));
	const samples: IdleSample[] = [];
	for (let run = 0; run < runs; run++) {
		const emulator = await startEmulatorProcess(['--scenario', scenario]);
		const relay = await countConnections(emulator.url);
		const pty = new PtyProcess({
			command: [process.execPath, CLI, '--endpoint-url', relay.url],
			columns: 120,
			rows: 40,
			env: benchEnv(),
		});
		const floor = new PtyProcess({
			command: [process.execPath, '-e', FLOOR_PROGRAM],
			columns: 120,
			rows: 40,
			env: benchEnv(),
		});
		try {
			await pty.waitForScreen((screen) => screen.filter((line) => line.includes('bench-')).length >= BATCHES);
			const pid = pty.programPid();
			const floorPid = floor.programPid();
			const read = async (): Promise<Reading> => ({
				at: performance.now(),
				cpu: cpuMs(pid),
				bytes: pty.bytes,
				requests: (await emulator.get<{total: number}>('stats')).total,
				connections: relay.opened,
			});
			const start = await read();
			await sleep(warmUpSeconds * 1000);
			const warm = await read();
			const floorWarm = cpuMs(floorPid);
			await sleep(seconds * 1000);
			const end = await read();
			const floorEnd = cpuMs(floorPid);
			const elapsed = end.at - warm.at;
			samples.push({
				cpuPercent: ((end.cpu - warm.cpu) / elapsed) * 100,
				bytesPerSecond: ((end.bytes - warm.bytes) / elapsed) * 1000,
				requests: end.requests - warm.requests,
				connectionsPerMinute: ((end.connections - warm.connections) / elapsed) * 60_000,
				rampCpuPercent: ((warm.cpu - start.cpu) / (warm.at - start.at)) * 100,
				rampRequests: warm.requests - start.requests,
				rampConnections: warm.connections - start.connections,
				floorCpuPercent: ((floorEnd - floorWarm) / elapsed) * 100,
			});
		} finally {
			await floor.kill();
			await pty.kill();
			await relay.close();
			await emulator.stop();
		}
	}
	return samples;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
