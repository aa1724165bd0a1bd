import {describe, expect, it} from 'vitest';
import {batchRowLine, rowAge} from '../../../source/ui/lines/batch-row-line.js';
import {listColumns} from '../../../source/ui/layout/list-columns.js';
import {UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const T0 = Date.parse('2026-11-29T08:00:00Z');
const row = (raw: Parameters<typeof batchSnapshot>[0], width = 60): string =>
	batchRowLine(batchSnapshot(raw, {}, T0), {
		columns: listColumns(width, 21),
		name: raw.name ?? raw.id ?? '',
		age: 'now',
		glyphs: UNICODE_GLYPHS,
		selected: false,
		focused: false,
	})
		.map((span) => span.text)
		.join('');

describe('a batch list row', () => {
	it('shows how a cancelled batch ended: 258 of 800 runs done, not 800/800', () => {
		const text = row({
			id: '7',
			name: 'methylation-reprocess',
			status: 'CANCELLED',
			totalRuns: 800,
			submissionSummary: {successfulStartSubmissionCount: 800},
			runSummary: {completedRunCount: 250, failedRunCount: 8, cancelledRunCount: 542},
		});
		expect(text).toMatch(/CANCELLED\s.*\s258\/800 {2}now$/);
		expect(text).not.toMatch(/800\/800/);
	});

	it('still counts a finished batch whole, deleted runs included (they had ended)', () => {
		expect(
			row({id: '8', name: 'qc', status: 'RUNS_DELETED', totalRuns: 120, runSummary: {deletedRunCount: 120}}),
		).toMatch(/120\/120 {2}now$/);
		expect(
			row({
				id: '9',
				name: 'done',
				status: 'PROCESSED',
				totalRuns: 96,
				runSummary: {completedRunCount: 91, failedRunCount: 5},
			}),
		).toMatch(/ 96\/96 {2}now$/);
	});

	it('gives a row fetched after the clock last ticked the age "now", never a negative one', () => {
		const batch = batchSnapshot({id: '1', status: 'INPROGRESS', totalRuns: 1}, {}, T0);
		expect(rowAge(batch, T0 - 3_000)).toBe('now');
		expect(rowAge(batch, T0 + 25_000)).toBe('20s');
		expect(rowAge(batch, T0 + 185_000)).toBe('3m');
	});
});
