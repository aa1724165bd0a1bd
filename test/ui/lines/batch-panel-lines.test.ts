import {describe, expect, it} from 'vitest';
import {lineWidth} from '../../../source/ui/text/styled-line.js';
import {toBatchView} from '../../../source/domain/batch-view.js';
import {sampleOf} from '../../../source/domain/throughput.js';
import type {RawBatch} from '../../../source/domain/raw-batch.js';
import type {BatchSnapshot} from '../../../source/poller/poller-state.js';
import {batchPanelLines, type PanelContext} from '../../../source/ui/lines/batch-panel-lines.js';
import {UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-29T08:00:00Z');

/** A snapshot whose history is the given polls (raw answer, time); the last one is the current view. */
function polled(polls: ReadonlyArray<readonly [RawBatch, number]>): BatchSnapshot {
	const views = polls.map(([raw, at]) => [toBatchView(raw, '7'), at] as const);
	const [view, at] = views.at(-1) ?? [];
	return {
		id: '7',
		...(view ? {view} : {}),
		...(at === undefined ? {} : {lastUpdated: at}),
		polling: false,
		done: false,
		history: views.map(([each, time]) => sampleOf(each, time)),
	};
}

const context = (now: number): PanelContext => ({
	width: 100,
	now,
	spinning: false,
	glyphs: UNICODE_GLYPHS,
	stallMs: 30 * MINUTE,
	throughputWindowMs: 10 * MINUTE,
});

const text = (batch: BatchSnapshot, now: number): string[] =>
	batchPanelLines(batch, context(now)).map((line) => line.map((span) => span.text).join(''));
const lineOf = (batch: BatchSnapshot, now: number, start: string): string =>
	text(batch, now).find((line) => line.startsWith(start)) ?? '';

/** methylation-reprocess as the demo has it: 800 runs, cancelled with 542 never finished. */
const cancelled = (extra: Partial<RawBatch> = {}): RawBatch => ({
	id: '7',
	name: 'methylation-reprocess',
	status: 'CANCELLED',
	totalRuns: 800,
	creationTime: new Date(T0),
	submittedTime: new Date(T0 + 20 * MINUTE),
	submissionSummary: {successfulStartSubmissionCount: 800, successfulCancelSubmissionCount: 542},
	runSummary: {completedRunCount: 250, failedRunCount: 8, cancelledRunCount: 542},
	...extra,
});
const going = (status: string, completed: number, cancelledRuns = 0): RawBatch => ({
	...cancelled(),
	status,
	runSummary: {
		completedRunCount: completed,
		failedRunCount: 8,
		cancelledRunCount: cancelledRuns,
		runningRunCount: 800 - 8 - completed - cancelledRuns,
	},
});

describe('batch panel numbers', () => {
	it("a cancelled batch's elapsed ends with it: the same two hours later, and after a refresh poll", () => {
		// First seen ended at T0+90m (it had ended by then), polled again by a refresh at T0+4h.
		const batch = polled([
			[cancelled(), T0 + 90 * MINUTE],
			[cancelled(), T0 + 240 * MINUTE],
		]);
		const early = lineOf(batch, T0 + 241 * MINUTE, 'Elapsed');
		const late = lineOf(batch, T0 + 480 * MINUTE, 'Elapsed');
		expect(early).toMatch(/^Elapsed\s+at most 1h 30m\s/);
		expect(late).toBe(early);
		expect(lineOf(batch, T0 + 241 * MINUTE, 'Created')).toMatch(/Ended by 09:30:00|Ended by \w+ \d+ 09:30/);
	});

	it('a cancelled batch watched while it stops ends at the poll that first saw it cancelled', () => {
		const batch = polled([
			[going('INPROGRESS', 240), T0 + 80 * MINUTE],
			[going('STOPPING', 248, 300), T0 + 81 * MINUTE],
			[cancelled(), T0 + 82 * MINUTE],
		]);
		expect(lineOf(batch, T0 + 200 * MINUTE, 'Elapsed')).toMatch(/^Elapsed\s+1h 22m\s/);
	});

	it('throughput never counts cancellations, while stopping or after', () => {
		const stopping = polled([
			[going('INPROGRESS', 240), T0 + 80 * MINUTE],
			[going('STOPPING', 250, 500), T0 + 82 * MINUTE],
		]);
		// 10 runs done in 2 minutes; the 500 cancelled are not throughput.
		expect(lineOf(stopping, T0 + 82 * MINUTE, 'Elapsed')).toMatch(/Throughput 5\.0 runs\/min /);
		const ended = polled([
			[going('INPROGRESS', 240), T0 + 80 * MINUTE],
			[going('STOPPING', 250, 500), T0 + 82 * MINUTE],
			[cancelled(), T0 + 84 * MINUTE],
		]);
		// 258 done over the 84 minutes it ran, not (800 - 248) / 4 minutes.
		expect(lineOf(ended, T0 + 84 * MINUTE, 'Elapsed')).toMatch(/Throughput 3\.1 runs\/min avg /);
	});

	it("a finished batch's throughput is over its real run time, not the last polls", () => {
		const processed = (done: number, at: number): readonly [RawBatch, number] => [
			{
				...cancelled(),
				status: done === 600 ? 'PROCESSED' : 'INPROGRESS',
				totalRuns: 600,
				submissionSummary: {successfulStartSubmissionCount: 600},
				runSummary: {completedRunCount: done, runningRunCount: 600 - done},
				...(done === 600 ? {processedTime: new Date(T0 + 60 * MINUTE)} : {}),
			},
			at,
		];
		// 300 runs in its last 5 minutes, 600 in its hour.
		const batch = polled([processed(300, T0 + 55 * MINUTE), processed(600, T0 + 60 * MINUTE)]);
		const line = lineOf(batch, T0 + 61 * MINUTE, 'Elapsed');
		expect(line).toMatch(/^Elapsed\s+1h 00m\s+Throughput 10 runs\/min avg\s+ETA —/);
		expect(lineOf(batch, T0 + 300 * MINUTE, 'Elapsed')).toBe(line);
	});

	it('a PROCESSED batch without processedTime stops its elapsed at the poll that saw it end', () => {
		const raw = (status: string, completed: number): RawBatch => ({
			...cancelled(),
			status,
			runSummary: {completedRunCount: completed, runningRunCount: 800 - completed},
		});
		const batch = polled([
			[raw('INPROGRESS', 790), T0 + 59 * MINUTE],
			[raw('PROCESSED', 800), T0 + 60 * MINUTE],
			[raw('PROCESSED', 800), T0 + 300 * MINUTE], // a refresh, hours later
		]);
		expect(lineOf(batch, T0 + 301 * MINUTE, 'Elapsed')).toMatch(/^Elapsed\s+1h 00m\s/);
		expect(lineOf(batch, T0 + 301 * MINUTE, 'Created')).toMatch(/Ended 09:00:00|Ended \w+ \d+ 09:00/);
	});

	it('an ended batch with no end evidence has no elapsed rather than a growing one', () => {
		const batch: BatchSnapshot = {...polled([[cancelled(), T0 + 90 * MINUTE]]), history: []};
		expect(lineOf(batch, T0 + 300 * MINUTE, 'Elapsed')).toMatch(/^Elapsed\s+—\s+Throughput —/);
	});

	it('a running batch still counts elapsed up to now', () => {
		const batch = polled([[going('INPROGRESS', 100), T0 + 30 * MINUTE]]);
		expect(lineOf(batch, T0 + 45 * MINUTE, 'Elapsed')).toMatch(/^Elapsed\s+45m 00s\s/);
	});

	it('a cancelled batch reads 258/800 runs done, its cancellations in the legend', () => {
		const lines = text(polled([[cancelled(), T0 + 90 * MINUTE]]), T0 + 91 * MINUTE);
		expect(lines.find((line) => line.startsWith('Runs'))).toMatch(/ 258\/800 32%$/);
		// The legend's percentages add up: 31.3 + 1 + 67.7 (floored, 31 + 1 + 67 read as 99%).
		expect(lines.join('\n')).toMatch(
			/completed 250 \(31\.3%\) .* failed 8 \(1\.0%\) .* cancelled 542 \(67\.7%\)/,
		);
	});

	it('STOPPING says cancelling and RUNS_DELETING says deleting runs, neither running; no ETA', () => {
		const stopping = polled([
			[going('INPROGRESS', 240), T0 + 80 * MINUTE],
			[going('STOPPING', 250, 100), T0 + 82 * MINUTE],
		]);
		const lines = text(stopping, T0 + 82 * MINUTE);
		expect(lines[1]).toBe('cancelling, 8 of 800 failed');
		expect(lineOf(stopping, T0 + 82 * MINUTE, 'Elapsed')).toMatch(/ETA —$/);
		const deleting = polled([
			[
				{
					...cancelled(),
					status: 'RUNS_DELETING',
					processedTime: new Date(T0 + 60 * MINUTE),
					runSummary: {completedRunCount: 500, deletedRunCount: 300},
				},
				T0 + 90 * MINUTE,
			],
		]);
		expect(text(deleting, T0 + 91 * MINUTE)[1]).toBe('deleting runs');
		expect(lineOf(deleting, T0 + 91 * MINUTE, 'Elapsed')).toMatch(/^Elapsed\s+1h 00m\s+Throughput —\s+ETA —/);
	});

	it('legend percentages add up for a 100,000-run batch with tiny segments, none rounded to 100% or 0%', () => {
		const big = polled([
			[
				{
					...cancelled(),
					status: 'INPROGRESS',
					totalRuns: 100_000,
					runSummary: {
						completedRunCount: 6,
						failedRunCount: 17,
						runningRunCount: 7_770,
						startingRunCount: 195,
						pendingRunCount: 107,
					},
				},
				T0 + 30 * MINUTE,
			],
		]);
		const legend = text(big, T0 + 30 * MINUTE).join('\n');
		expect(legend).toMatch(/completed 6 \(<0\.1%\).*failed 17 \(<0\.1%\).*running 7,770 \(7\.8%\)/s);
		expect(legend).toMatch(/starting 195 \(0\.2%\).*pending 107 \(0\.1%\).*not started 91,905 \(91\.9%\)/s);
		const almost = polled([
			[
				{
					...cancelled(),
					status: 'INPROGRESS',
					totalRuns: 100_000,
					runSummary: {completedRunCount: 99_995, runningRunCount: 5},
				},
				T0,
			],
		]);
		expect(text(almost, T0).join('\n')).toMatch(/completed 99,995 \(99\.9%\).*running 5 \(<0\.1%\)/s);
	});

	it('wraps what does not fit instead of cutting it: submission rate, timings, at any width (found by trying it)', () => {
		const submitting = (submitted: number): RawBatch => ({
			...cancelled(),
			name: 'wgs-cohort-2026-11',
			status: 'SUBMITTING',
			totalRuns: 100_000,
			submissionSummary: {
				successfulStartSubmissionCount: submitted,
				pendingStartSubmissionCount: 100_000 - submitted,
			},
			runSummary: {runningRunCount: submitted},
		});
		const batch = polled([
			[submitting(8_000), T0 + 10 * MINUTE],
			[submitting(8_480), T0 + 11 * MINUTE],
		]);
		for (const width of [40, 60, 75, 100]) {
			const lines = batchPanelLines(batch, {...context(T0 + 11 * MINUTE), width});
			for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
			const shown = lines.map((line) => line.map((span) => span.text).join('')).join('\n');
			expect(shown).not.toContain('…');
			expect(shown.replace(/\s+/g, ' ')).toMatch(/91,520 to go, all submitted in \S+ \S+ \(\d\d:\d\d:\d\d\)/);
		}
	});

	it('shows the id whole beside the status, or on its own line when the width is short (40 columns)', () => {
		const batch = polled([[going('INPROGRESS', 100), T0 + 30 * MINUTE]]);
		const at = (width: number) =>
			batchPanelLines(batch, {...context(T0 + 30 * MINUTE), width}).map((line) =>
				line.map((span) => span.text).join(''),
			);
		expect(at(100)[0]).toMatch(/^methylation-reprocess {2}• INPROGRESS +id 7$/);
		const narrow = at(36);
		expect(narrow[0]).toBe('methylation-reprocess  • INPROGRESS');
		expect(narrow[1]).toBe('id 7');
	});

	it("a stale batch's notice never shows a negative age when the snapshot is newer than the clock", () => {
		const batch: BatchSnapshot = {
			...polled([[going('INPROGRESS', 100), T0]]),
			lastError: {kind: 'throttled', message: 'Rate exceeded', at: T0},
		};
		const notice = (now: number) => text(batch, now).find((line) => line.startsWith('as of')) ?? '';
		expect(notice(T0 - 3_000)).toMatch(/\(0s ago\)/);
		expect(notice(T0 + 125_000)).toMatch(/\(2m 05s ago\)/);
	});
});
