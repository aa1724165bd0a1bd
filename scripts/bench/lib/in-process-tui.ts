// The real TUI (runTui: Ink, the frame sink, the terminal session) rendering into a fake 120×40 terminal
// in this process, fed by a poller stand-in, so that each update's bytes and render time can be taken apart.
import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import {runTui} from '../../../source/ui/run-tui.js';
import {FrameSink} from '../../../source/ui/terminal/frame-sink.js';
import type {RawBatch} from '../../../source/domain/raw-batch.js';
import type {BatchSnapshot} from '../../../source/poller/poller-state.js';
import {StaticPoller, batchSnapshot} from '../../../test/helpers/static-poller.js';

/** A terminal-shaped stream that records every write. */
export class RecordingTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly writes: string[] = [];
	bytes = 0;
	/** performance.now() of each write. */
	readonly writeTimes: number[] = [];
	/** What triggered each write, and when. */
	readonly sources: Array<{kind: string; at: number}> = [];
	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}
	write(chunk: string, callback?: () => void): boolean {
		this.writes.push(chunk);
		this.bytes += Buffer.byteLength(chunk);
		this.writeTimes.push(performance.now());
		this.emit('write');
		callback?.();
		return true;
	}
}

export interface TuiHarness {
	readonly terminal: RecordingTerminal;
	readonly poller: StaticPoller;
	/**
	 * Publishes new batches as a poll result would and finds the frame that shows them: painted at once
	 * for urgent changes, else by the progress throttle's timer. Render time runs from what triggered
	 * that frame to its write. Takes 1.2 s: the longest the throttle may wait.
	 */
	update(batches: BatchSnapshot[]): Promise<{bytes: number; ms: number}>;
	stop(): Promise<void>;
}

/** Starts the TUI on a fake terminal with these batches and waits for its first frame. */
export async function startTui(batches: BatchSnapshot[], columns = 120, rows = 40): Promise<TuiHarness> {
	const terminal = new RecordingTerminal(columns, rows);
	// Which timer callback ran last, and when: React paints in the microtasks right after it, so each
	// write is attributed to it (the spinner's setInterval, the progress throttle's setTimeout).
	let source: {kind: 'publish' | 'interval' | 'timeout'; at: number} = {kind: 'publish', at: 0};
	const realSetInterval = globalThis.setInterval;
	const realSetTimeout = globalThis.setTimeout;
	globalThis.setInterval = ((callback: () => void, ms: number) =>
		realSetInterval(() => {
			source = {kind: 'interval', at: performance.now()};
			callback();
		}, ms)) as typeof setInterval;
	globalThis.setTimeout = ((callback: () => void, ms?: number) =>
		realSetTimeout(() => {
			source = {kind: 'timeout', at: performance.now()};
			callback();
		}, ms)) as typeof setTimeout;
	// The panel's spinner turns in the frame sink on its own timer: those writes come from no frame of
	// Ink's. Only what the sink writes while Ink hands it a frame is a paint.
	let inkFrame = false;
	const sinkWrite = FrameSink.prototype.write;
	FrameSink.prototype.write = function (this: FrameSink, chunk: string, callback?: () => void) {
		inkFrame = true;
		try {
			return sinkWrite.call(this, chunk, callback);
		} finally {
			inkFrame = false;
		}
	};
	terminal.on('write', () =>
		terminal.sources.push(inkFrame ? source : {kind: 'spinner', at: performance.now()}),
	);
	const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
	const poller = new StaticPoller();
	poller.set(batches);
	const done = runTui({
		poller: Object.assign(poller, {start() {}, stop() {}}),
		target: 'us-east-1',
		ascii: false,
		color: true,
		alternateScreen: true,
		stallMs: 10 * 60_000,
		stdout: terminal as unknown as NodeJS.WriteStream,
		stdin,
	});
	await new Promise((resolve) => setTimeout(resolve, 50));
	return {
		terminal,
		poller,
		async update(next) {
			const writesBefore = terminal.writes.length;
			const published = performance.now();
			source = {kind: 'publish', at: published};
			poller.set(next);
			// Urgent changes paint now, progress within a second; spinner steps in between are not it.
			await new Promise((resolve) => realSetTimeout(resolve, 1_200));
			for (let index = writesBefore; index < terminal.writes.length; index++) {
				const cause = terminal.sources[index];
				if (!cause || cause.kind === 'interval' || cause.kind === 'spinner') continue;
				return {
					bytes: Buffer.byteLength(terminal.writes[index] ?? ''),
					ms: (terminal.writeTimes[index] ?? Number.NaN) - cause.at,
				};
			}
			return {bytes: 0, ms: Number.NaN};
		},
		async stop() {
			stdin.emit('end');
			await done;
			FrameSink.prototype.write = sinkWrite;
			globalThis.setInterval = realSetInterval;
			globalThis.setTimeout = realSetTimeout;
		},
	};
}

/** Batches as GetBatch would describe them mid-run: varied sizes, phases and failures. */
export function midRunBatches(count: number, now = Date.now()): BatchSnapshot[] {
	return Array.from({length: count}, (_, index) => batchSnapshot(midRunBatch(index, 0), {}, now));
}

/**
 * Batch `index` after `step` changes: each step moves one run from running to completed. Sizes stay
 * below 1,000 so that every step shows (larger counts are abbreviated, 2.5k, and a step may not).
 */
export function midRunBatch(index: number, step: number): RawBatch {
	const total = [96, 240, 384, 600, 960][index % 5] ?? 96;
	const submitted = Math.floor(total * 0.6);
	const failed = Math.floor(submitted * 0.02);
	const completed = Math.floor(submitted * 0.4) + step;
	return {
		id: String(4_800_000 + index),
		name: `cohort-${String(index + 1).padStart(4, '0')}`,
		status: 'INPROGRESS',
		totalRuns: total,
		creationTime: new Date(Date.now() - 3_600_000),
		submittedTime: new Date(Date.now() - 3_500_000),
		submissionSummary: {
			successfulStartSubmissionCount: submitted,
			pendingStartSubmissionCount: total - submitted,
		},
		runSummary: {
			pendingRunCount: 5,
			startingRunCount: 3,
			runningRunCount: submitted - failed - completed - 8,
			completedRunCount: completed,
			failedRunCount: failed,
		},
	};
}

export {replayScreen as replay} from '../../../test/helpers/terminal-screen.js';
