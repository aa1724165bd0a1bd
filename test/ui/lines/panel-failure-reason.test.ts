import {describe, expect, it} from 'vitest';
import {batchPanelLines} from '../../../source/ui/lines/batch-panel-lines.js';
import {widthOf} from '../../../source/ui/text/styled-line.js';
import {UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const T0 = Date.parse('2026-11-29T08:00:00Z');
const URI = 's3://omics-batches-123456789012/q4/settings.json';
const REASON = `The run settings file ${URI} changed after the batch started (ETag mismatch). Submit a new batch.`;

/** variant-calling-q4 as the demo fails it, in the summary panel at `width` columns. */
function panel(width: number, failureReason = REASON): string[] {
	const batch = batchSnapshot(
		{
			id: '5477974',
			name: 'variant-calling-q4',
			status: 'FAILED',
			totalRuns: 2000,
			failureReason,
			submissionSummary: {successfulStartSubmissionCount: 175},
			runSummary: {completedRunCount: 175},
		},
		{},
		T0,
	);
	const lines = batchPanelLines(batch, {
		width,
		now: T0,
		spinning: false,
		glyphs: UNICODE_GLYPHS,
		stallMs: 1_800_000,
		throughputWindowMs: 600_000,
	});
	return lines.map((line) => line.map((span) => span.text).join(''));
}

/** The reason's rows read as one text: a row that ends in `/` (a URI broken at a slash) goes on without a space. */
const joined = (rows: string[]): string =>
	rows
		.map((row, index) => (index === 0 ? row.replace(/^Failure/, '') : row).trim())
		.reduce((text, row) => (text === '' ? row : text.endsWith('/') ? text + row : `${text} ${row}`), '');

/** The rows of the failure reason: from the `Failure` label to the end of the reason's text. */
function reasonRows(lines: string[]): string[] {
	const start = lines.findIndex((line) => line.startsWith('Failure'));
	return lines.slice(start).filter((line, index) => index === 0 || /^ {2}/.test(line));
}

describe("the panel's failure reason", () => {
	it.each([40, 60, 63, 80, 100, 200])('is whole at %i columns, its URI on one row where it fits', (width) => {
		const rows = reasonRows(panel(width));
		for (const row of rows) expect(widthOf(row)).toBeLessThanOrEqual(width);
		expect(joined(rows)).toBe(REASON);
		// Wherever a row has room for it, the URI is on one row, to be selected whole.
		if (width - 2 >= URI.length) expect(rows.some((row) => row.includes(URI))).toBe(true);
		expect(rows.join('')).not.toContain('…');
	});

	it('has no cap on its rows: a long reason is all there (the caller cuts by its height)', () => {
		const long = Array.from({length: 12}, (_, index) => `Setting ${index} is invalid.`).join(' ');
		const rows = reasonRows(panel(60, long));
		expect(rows.length).toBeGreaterThan(3);
		expect(joined(rows)).toBe(long);
	});
});
