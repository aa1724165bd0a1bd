import {describe, expect, it} from 'vitest';
import {lineWidth, type Line} from '../../../source/ui/text/styled-line.js';
import {wrapLine} from '../../../source/ui/text/wrap-line.js';

const text = (lines: readonly Line[]) => lines.map((line) => line.map((span) => span.text).join(''));

describe('wrapLine', () => {
	it('keeps a line that fits as it is', () => {
		const line: Line = [{text: 'Elapsed', dim: true}, {text: ' 12m'}];
		expect(wrapLine(line, 40, 4)).toEqual([line]);
	});

	it('wraps at spaces under the indent, each word keeping its span style, nothing cut', () => {
		const line: Line = [
			{text: 'Submitting  ', bold: true},
			{text: '480 starts/min   91,888 to go, all submitted in 3h 11m (20:03:10)', color: 'red'},
		];
		const rows = wrapLine(line, 40, 12);
		expect(text(rows)).toEqual([
			'Submitting  480 starts/min   91,888 to',
			'            go, all submitted in 3h 11m',
			'            (20:03:10)',
		]);
		for (const row of rows) expect(lineWidth(row)).toBeLessThanOrEqual(40);
		expect(rows[1]?.find((span) => span.text.includes('submitted'))?.color).toBe('red');
		expect(text(rows).join(' ').replace(/ +/g, ' ')).toBe(
			'Submitting 480 starts/min 91,888 to go, all submitted in 3h 11m (20:03:10)',
		);
	});

	it('breaks a word wider than a row after its slashes, as wrapText does', () => {
		const rows = text(
			wrapLine([{text: 'outputUri s3://omics-results-123456789012/somatic-tn-pairs/'}], 30, 2),
		);
		expect(rows).toEqual(['outputUri', '  s3://omics-results-', '  123456789012/', '  somatic-tn-pairs/']);
	});

	it('moves a span that fits a row down whole rather than splitting it (a date stays with its label)', () => {
		const line: Line = [
			{text: 'Created     '},
			{text: 'Nov 29 17:00'},
			{text: '   Submitted Nov 29 17:05'},
			{text: '   Processed Nov 29 17:21'},
		];
		expect(text(wrapLine(line, 64, 12))).toEqual([
			'Created     Nov 29 17:00   Submitted Nov 29 17:05',
			'            Processed Nov 29 17:21',
		]);
	});
});
