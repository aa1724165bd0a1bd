import {describe, expect, it} from 'vitest';
import {wrapText} from '../../../source/ui/text/wrap-text.js';
import {widthOf} from '../../../source/ui/text/styled-line.js';

const REASON =
	'The run settings file s3://omics-batches-123456789012/q4/settings.json changed after the batch started (ETag mismatch). Submit a new batch.';
const URI = 's3://omics-batches-123456789012/q4/settings.json';
const ARN = 'arn:aws:omics:us-east-1:123456789012:runBatch/5477974';

/** Every character is kept: the lines, spaces taken out, are the text with its spaces taken out. */
const same = (lines: string[], text: string) =>
	expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));

describe('wrapText', () => {
	it.each([5, 20, 28, 38, 40, 47, 48, 60, 63, 100])(
		'keeps every character and every line within %i columns',
		(width) => {
			const lines = wrapText(REASON, width);
			same(lines, REASON);
			for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(width);
			expect(lines.every((line) => line === line.trim())).toBe(true);
		},
	);

	it('puts a URI that fits a line whole on one line, never across two', () => {
		for (const width of [48, 50, 60, 63, 80]) {
			const lines = wrapText(REASON, width);
			expect(lines.some((line) => line.includes(URI))).toBe(true);
		}
	});

	it('breaks a URI wider than the line only after a slash, and never after s3:// alone', () => {
		expect(wrapText(REASON, 38)).toEqual([
			'The run settings file',
			's3://omics-batches-123456789012/q4/',
			'settings.json changed after the batch',
			'started (ETag mismatch). Submit a new',
			'batch.',
		]);
		const narrow = wrapText(URI, 32);
		expect(narrow).toEqual(['s3://omics-batches-123456789012/', 'q4/settings.json']);
	});

	it('breaks a segment wider than the line at punctuation, and cuts only what has none, without an ellipsis', () => {
		expect(wrapText(ARN, 40)).toEqual(['arn:aws:omics:us-east-1:123456789012:', 'runBatch/5477974']);
		expect(wrapText('s3://bucket/abcdefghijklmnopqrstuvwxyz', 10)).toEqual([
			's3://',
			'bucket/',
			'abcdefghij',
			'klmnopqrst',
			'uvwxyz',
		]);
		expect(wrapText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
	});

	it('wraps ids at the spaces after their commas and never inside one', () => {
		const ids = 'sample-0042, sample-0107, sample-0311, sample-1299';
		expect(wrapText(ids, 26)).toEqual(['sample-0042, sample-0107,', 'sample-0311, sample-1299']);
		expect(wrapText(ids, 12)).toEqual(['sample-0042,', 'sample-0107,', 'sample-0311,', 'sample-1299']);
	});

	it('gives the first line its own width (a label before it) and counts wide characters as two', () => {
		expect(wrapText('aaa bbb ccc ddd', 7, 3)).toEqual(['aaa', 'bbb ccc', 'ddd']);
		const wide = wrapText('試験 試験 試験', 5);
		expect(wide).toEqual(['試験', '試験', '試験']);
		expect(wrapText('', 10)).toEqual(['']);
	});
});
