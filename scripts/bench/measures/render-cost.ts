// 3. Change cost: bytes for one changed counter, checked for ghost lines; 4. render time with many batches.
import type {BatchSnapshot} from '../../../source/poller/poller-state.js';
import {batchSnapshot} from '../../../test/helpers/static-poller.js';
import {midRunBatch, midRunBatches, replay, startTui} from '../lib/in-process-tui.js';

const COLUMNS = 120;
const ROWS = 40;

export interface ChangeCost {
	readonly bytesPerChange: number[];
	/** Rows where the replayed byte stream differs from a fresh paint of the same state. */
	readonly ghostRows: number;
	readonly differing: ReadonlyArray<{row: string; expected: string}>;
}

/**
 * One counter of one batch changes, `changes` times (each a different batch); 10 batches on screen.
 * The bytes are the whole frame that shows the change (the panel's spinner turns apart, in the sink).
 */
export async function changeCost(changes: number): Promise<ChangeCost> {
	const count = 10;
	const steps = new Array<number>(count).fill(0);
	let batches = midRunBatches(count);
	const tui = await startTui(batches, COLUMNS, ROWS);
	const bytesPerChange: number[] = [];
	try {
		for (let change = 0; change < changes; change++) {
			const index = change % count;
			steps[index] = (steps[index] ?? 0) + 1;
			batches = withBatch(batches, index, steps[index] ?? 0);
			bytesPerChange.push((await tui.update(batches)).bytes);
		}
		const streamed = await replay(tui.terminal.writes.join(''), COLUMNS, ROWS);
		const fresh = await startTui(batches, COLUMNS, ROWS);
		const expected = await replay(fresh.terminal.writes.join(''), COLUMNS, ROWS);
		await fresh.stop();
		// Ages and spinners may differ by a tick between the two; compare everything else.
		const differing = streamed
			.map((row, index) => ({row, expected: expected[index] ?? ''}))
			.filter(({row, expected: want}) => normalise(row) !== normalise(want));
		return {bytesPerChange, ghostRows: differing.length, differing};
	} finally {
		await tui.stop();
	}
}

export interface RenderTimes {
	readonly ms: number[];
	readonly bytes: number[];
}

/** Batches among the first rows of the list (sorted by status, then name: cohort-0001 and on). */
const ON_SCREEN_ROWS = 30;

/** JIT and caches settle over the first frames; those are not what a user watching for hours gets. */
const WARM_UP_UPDATES = 20;

/**
 * Render time per poll result with `count` batches watched: one batch's counters change each time.
 * With `onScreen`, the changed batch is one of the first rows (the list's top), so that every update
 * paints: with 10,000 batches a batch picked anywhere is nearly always off screen, and an update that
 * changes nothing on screen writes nothing to time.
 */
export async function renderTimes(count: number, updates: number, onScreen = false): Promise<RenderTimes> {
	const steps = new Array<number>(count).fill(0);
	let batches = midRunBatches(count);
	const tui = await startTui(batches, COLUMNS, ROWS);
	const ms: number[] = [];
	const bytes: number[] = [];
	try {
		for (let update = 0; update < WARM_UP_UPDATES + updates; update++) {
			const index = onScreen ? (update * 7) % Math.min(count, ON_SCREEN_ROWS) : (update * 7919) % count;
			steps[index] = (steps[index] ?? 0) + 1;
			batches = withBatch(batches, index, steps[index] ?? 0);
			const result = await tui.update(batches);
			if (update < WARM_UP_UPDATES || Number.isNaN(result.ms)) continue;
			ms.push(result.ms);
			bytes.push(result.bytes);
		}
	} finally {
		await tui.stop();
	}
	return {ms, bytes};
}

function withBatch(batches: readonly BatchSnapshot[], index: number, step: number): BatchSnapshot[] {
	const next = [...batches];
	next[index] = batchSnapshot(midRunBatch(index, step));
	return next;
}

/** A row without what moves with the clocks (spinner frames, ages "now"/"20s", elapsed "5m"): up to 10 s apart here. */
function normalise(row: string): string {
	return row.replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏|/\\-]/gu, '·').replace(/\b(now|\d+[smh]( ago)?)\b/g, 'N');
}
