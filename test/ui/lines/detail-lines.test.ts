import {describe, expect, it} from 'vitest';
import {detailLines, failureListState} from '../../../source/ui/lines/detail-lines.js';
import {failureBlocks, NO_FAILURE_BLOCKS} from '../../../source/ui/lines/failure-blocks.js';
import {groupFailures} from '../../../source/domain/failure-groups.js';
import {widthOf} from '../../../source/ui/text/styled-line.js';
import type {FailureDetail, FailureList} from '../../../source/poller/poller-state.js';
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
	return detailLines(batch, now, {width: 120, glyphs: UNICODE_GLYPHS, tables: NO_FAILURE_BLOCKS}).map(
		(line) => line.map((span) => span.text).join(''),
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
		// Paused, a page being read waits: it says so rather than "loading more" (found by trying it).
		expect(failureListState(4, list(2), true, '…', true)).toBe('2 loaded, loading paused (p resumes)');
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

// The emulator's three TASK_FAILED messages (the demo's two, the hostile scenario's sanitised one) and the
// demo's batch-level reason (emulator/model/failure-catalog.ts, demo.json, hostile.json).
const BWA = "Task 'bwa_mem' exited with status 137: the container ran out of memory";
const GATK =
	"Task 'haplotype_caller' exited with status 1: java.lang.IllegalArgumentException: malformed VCF header";
const SEGFAULT = 'Task call_variants failed: stderr tail: Segmentation fault (core dumped)';
const QUOTA = 'Maximum number of active runs (static storage) reached for this account';
const REASON =
	'The run settings file s3://omics-batches-123456789012/q4/settings.json changed after the batch started (ETag mismatch). Submit a new batch.';
const ARN = 'arn:aws:omics:us-east-1:123456789012:runBatch/5477974';
const URI = 's3://omics-batches-123456789012/q4/settings.json';

function failedDetail(width: number): string[] {
	const runs = groupFailures([
		...['3628869', '3630418', '3631100', '3631222'].map((id) => ({
			reason: 'TASK_FAILED',
			message: BWA,
			example: id,
		})),
		{reason: 'TASK_FAILED', message: GATK, example: '3700001'},
		{reason: 'TASK_FAILED', message: SEGFAULT, example: '3700002'},
	]);
	const submissions = groupFailures([
		{reason: 'ServiceQuotaExceededException', message: QUOTA, example: 'sample-0000042'},
		{reason: 'ServiceQuotaExceededException', message: QUOTA, example: 'sample-0000107'},
	]);
	const failures: FailureDetail = {
		submissions: {groups: submissions, loaded: 2, complete: true},
		runs: {groups: runs, loaded: 6, complete: false},
		loading: false,
	};
	const batch = batchSnapshot(
		{
			id: '5477974',
			arn: ARN,
			name: 'variant-calling-q4',
			status: 'FAILED',
			totalRuns: 2000,
			failureReason: REASON,
			submissionSummary: {successfulStartSubmissionCount: 175, failedStartSubmissionCount: 2},
			runSummary: {failedRunCount: 9, completedRunCount: 166},
		},
		{failures},
		T0,
	);
	const tables = failureBlocks(failures, width, UNICODE_GLYPHS);
	return detailLines(batch, T0, {width, glyphs: UNICODE_GLYPHS, tables}).map((line) =>
		line.map((span) => span.text).join(''),
	);
}

/** Whether the text is there whole, wrapped over any number of rows (the spaces at breaks aside). */
const readable = (lines: string[], text: string) =>
	lines.join('').replace(/\s+/g, '').includes(text.replace(/\s+/g, ''));

describe('failure text in the detail pane', () => {
	it.each([40, 60, 63, 80, 100, 120, 200])('is whole at %i columns: messages, reason, ids, ARN', (width) => {
		const lines = failedDetail(width);
		for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(width);
		for (const text of [BWA, GATK, SEGFAULT, QUOTA, REASON, ARN, 'ServiceQuotaExceededException'])
			expect(readable(lines, text), text).toBe(true);
		for (const id of ['3628869', '3630418', '3631100', '3700001', '3700002', 'sample-0000042'])
			expect(
				lines.some((line) => new RegExp(`(^|[ :])${id}(,|$)`).test(line)),
				id,
			).toBe(true);
		expect(lines.join('\n')).not.toContain('…');
		// The URI is never broken but after a slash.
		const uriRows = lines.filter((line) => /s3:\/\/|settings\.json|q4\//.test(line));
		for (const row of uriRows.slice(0, -1))
			expect(row.trimEnd()).toMatch(/\/$|^\s*The run settings file$|Failure reason$/);
		expect(lines).toContainEqual(expect.stringContaining('(3 of 4)'));
		// A URI or ARN that fits a row under its label is on one row, whole, to be selected with the mouse.
		for (const id of [URI, ARN])
			if (width - 2 >= id.length)
				expect(
					lines.some((line) => line.includes(id)),
					id,
				).toBe(true);
	});

	it('tells the three TASK_FAILED groups apart: one heading each, its message under it', () => {
		const lines = failedDetail(63);
		const headings = lines.filter((line) => /^ +\d+ × TASK_FAILED$/.test(line));
		expect(headings.map((line) => line.trim())).toEqual([
			'4 × TASK_FAILED',
			'1 × TASK_FAILED',
			'1 × TASK_FAILED',
		]);
		const after = (heading: number) => lines[lines.indexOf(headings[heading] ?? '') + 1] ?? '';
		expect(after(0)).toBe(`    ${BWA.slice(0, BWA.lastIndexOf(' ', 59))}`);
		const ids = lines.indexOf('    run ids (3 of 4): 3628869, 3630418, 3631100');
		expect(ids).toBe(lines.indexOf(headings[0] ?? '') + 3);
	});

	it('keeps the loaded/press-l state at 40 columns, on a row of its own when it does not fit', () => {
		const lines = failedDetail(40);
		const index = lines.indexOf('Runs: 9 failed');
		expect(index).toBeGreaterThan(-1);
		expect(lines[index + 1]).toBe('  (6 loaded, press l for more)');
		expect(failedDetail(120)).toContain('Runs: 9 failed  (6 loaded, press l for more)');
	});
});
