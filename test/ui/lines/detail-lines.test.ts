import {describe, expect, it} from 'vitest';
import {detailLines, failureListState, NO_TABLES} from '../../../source/ui/lines/detail-lines.js';
import type {FailureList} from '../../../source/poller/poller-state.js';
import {UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const T0 = Date.parse('2026-11-29T08:00:00Z');
const list = (loaded: number, complete = true): FailureList => ({groups: [], loaded, complete});

/** somatic-tn-pairs-like: `submissions` failed starts and `runs` failed runs in GetBatch, the lists as loaded. */
function detail(
	counts: {submissions: number; runs: number},
	loaded: {submissions: FailureList; runs: FailureList},
	now = T0,
	loading = false,
): string[] {
	const batch = batchSnapshot(
		{
			id: '4',
			name: 'somatic-tn-pairs',
			status: 'INPROGRESS',
			totalRuns: 400,
			submissionSummary: {
				successfulStartSubmissionCount: 300,
				failedStartSubmissionCount: counts.submissions,
			},
			runSummary: {failedRunCount: counts.runs, runningRunCount: 300 - counts.runs},
		},
		{failures: {...loaded, loading}},
		T0,
	);
	return detailLines(batch, now, {width: 120, glyphs: UNICODE_GLYPHS, tables: NO_TABLES}).map((line) =>
		line.map((span) => span.text).join(''),
	);
}
const section = (lines: string[], title: string) => lines.find((line) => line.startsWith(`${title}:`));

describe('the detail pane', () => {
	it('never calls a list "all loaded" when the count has grown past it, nor when it holds more', () => {
		const lines = detail({submissions: 17, runs: 16}, {submissions: list(16), runs: list(17)});
		expect(section(lines, 'Submissions')).toBe(
			'Submissions: 17 failed  (16 loaded; 1 more failed since, press l to load)',
		);
		expect(section(lines, 'Runs')).toBe("Runs: 16 failed  (17 listed; the batch's count lags behind)");
	});

	it('says "all N loaded" only when the list has every failure the count has', () => {
		const lines = detail({submissions: 16, runs: 4}, {submissions: list(16), runs: list(2, false)});
		expect(section(lines, 'Submissions')).toBe('Submissions: 16 failed  (all 16 loaded)');
		expect(section(lines, 'Runs')).toBe('Runs: 4 failed  (2 loaded, press l for more)');
		expect(failureListState(4, list(2), true, '…')).toBe('2 loaded, loading more…');
		expect(failureListState(4, list(0), true, '…')).toBe('loading…');
	});

	it('computes "Fetched … ago" from the now it is given, never negative', () => {
		const fetched = (now: number) =>
			detail({submissions: 0, runs: 0}, {submissions: list(0), runs: list(0)}, now).find((line) =>
				line.startsWith('Fetched'),
			);
		expect(fetched(T0 - 3_000)).toMatch(/\(0s ago\)$/);
		expect(fetched(T0 + 77_000)).toMatch(/\(1m 17s ago\)$/);
		expect(fetched(T0 + 2 * 3_600_000)).toMatch(/\(2h 00m ago\)$/);
	});
});
