// 5. API efficiency: the demo scenario followed to completion, against a fixed 5 s poller, and how late
// each status change shows. Time is scaled: the emulator runs `speed` times faster than the wall clock
// and batchtop's intervals and request budget are scaled by the same factor, so its policy is unchanged.
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {benchEnv} from '../lib/cli-env.js';
import {CLI, startEmulatorProcess} from '../lib/emulator-process.js';

const TERMINAL = new Set(['CANCELLED', 'FAILED', 'PROCESSED', 'RUNS_DELETED', 'RUNS_DELETE_FAILED']);
const FIXED_INTERVAL_S = 5;
const MIN_INTERVAL_S = 5;
const MAX_INTERVAL_S = 60;
const RATE_PER_S = 2;

export interface Transition {
	readonly batch: string;
	readonly to: string;
	/** Virtual seconds from the change in the emulator to batchtop reporting it; undefined if never reported. */
	readonly delayS?: number;
}

export interface ApiEfficiency {
	readonly requests: number;
	/** The requests by operation: polling (GetBatch, ListBatch) and the failure reasons the events name. */
	readonly byOperation: Readonly<Record<string, number>>;
	readonly fixedPollerRequests: number;
	readonly virtualSeconds: number;
	readonly transitions: Transition[];
	readonly maxIntervalS: number;
}

interface EmulatorBatches {
	virtualTime: string;
	batches: Array<{id: string; name: string; history: Array<{status: string; at: string}>}>;
}

/** Runs `batchtop --json --wait --all` on `scenario` at `speed` until every batch has finished. */
export async function apiEfficiency(scenario: string, speed: number): Promise<ApiEfficiency> {
	const emulator = await startEmulatorProcess(['--scenario', scenario, '--speed', String(speed)]);
	try {
		const start = await emulator.get<{virtualTime: string}>('stats');
		const wallStart = Date.now();
		const virtualStart = Date.parse(start.virtualTime);
		const toVirtual = (wall: number) => virtualStart + (wall - wallStart) * speed;
		const scaled = (seconds: number) => String(seconds / speed);
		const child = spawn(
			process.execPath,
			[
				CLI,
				'--json',
				'--wait',
				'--all',
				'--endpoint-url',
				emulator.url,
				'--interval',
				`${scaled(MIN_INTERVAL_S)}:${scaled(MAX_INTERVAL_S)}`,
				'--max-rps',
				String(RATE_PER_S * speed),
				'--timeout',
				'30m',
			],
			{env: benchEnv(), stdio: ['ignore', 'pipe', 'inherit']},
		);
		const seen = new Map<string, number>();
		const lines = createInterface({input: child.stdout});
		lines.on('line', (line) => {
			const event = JSON.parse(line) as {
				type: string;
				time: string;
				id?: string;
				to?: string;
				batch?: {id: string; status: string};
			};
			const at = toVirtual(Date.parse(event.time));
			const id = event.id ?? event.batch?.id;
			const status =
				event.type === 'status' ? event.to : event.type === 'seen' ? event.batch?.status : undefined;
			if (id && status && !seen.has(`${id} ${status}`)) seen.set(`${id} ${status}`, at);
		});
		await once(child, 'exit');
		const end = toVirtual(Date.now());
		const stats = await emulator.get<{total: number; byOperation: Record<string, {total: number}>}>('stats');
		const batches = await emulator.get<EmulatorBatches>('batches');
		let fixedPollerRequests = 0;
		const transitions: Transition[] = [];
		for (const batch of batches.batches) {
			const finished = batch.history.find((change) => TERMINAL.has(change.status));
			const finishedAt = finished ? Math.max(virtualStart, Date.parse(finished.at)) : end;
			// A fixed poller asks every 5 s until it sees the batch finished, then stops.
			fixedPollerRequests += Math.ceil((finishedAt - virtualStart) / 1000 / FIXED_INTERVAL_S) + 1;
			for (const change of batch.history) {
				const at = Date.parse(change.at);
				if (at < virtualStart) continue;
				const reported = seen.get(`${batch.id} ${change.status}`);
				transitions.push({
					batch: batch.name,
					to: change.status,
					...(reported === undefined ? {} : {delayS: Math.max(0, (reported - at) / 1000)}),
				});
			}
		}
		return {
			requests: stats.total,
			byOperation: Object.fromEntries(
				Object.entries(stats.byOperation).map(([operation, counts]) => [operation, counts.total]),
			),
			fixedPollerRequests,
			virtualSeconds: (end - virtualStart) / 1000,
			transitions,
			maxIntervalS: MAX_INTERVAL_S,
		};
	} finally {
		await emulator.stop();
	}
}

/** Whether a status ends a batch. */
export function isTerminal(status: string): boolean {
	return TERMINAL.has(status);
}
