import {describe, expect, it} from 'vitest';
import {formatAge, formatCount, formatTimestamp} from '../../../source/ui/text/format.js';
import {lineToAnsi, spanToAnsi} from '../../../source/ui/text/line-ansi.js';

describe('formatAge', () => {
	it('moves in 10 s steps under a minute, then minutes, hours, days', () => {
		expect([0, 9_999, 10_000, 19_999, 59_999, 60_000, 3_600_000, 86_400_000].map(formatAge)).toEqual([
			'now',
			'now',
			'10s',
			'10s',
			'50s',
			'1m',
			'1h',
			'1d',
		]);
	});
});

describe('formatCount and formatTimestamp', () => {
	it('groups thousands and names the month of another day', () => {
		expect(formatCount(1_234_567.4)).toBe('1,234,567');
		const now = Date.UTC(2026, 10, 29, 12);
		expect(formatTimestamp(new Date(Date.UTC(2026, 10, 20, 12)), now)).toMatch(/^Nov 20 \d\d:\d\d$/);
	});
});

describe('lineToAnsi', () => {
	it('styles each span and closes it; colour only when asked, emphasis always', () => {
		expect(spanToAnsi({text: 'x', color: 'red', bold: true}, true)).toBe('\u001b[1;31mx\u001b[0m');
		expect(spanToAnsi({text: 'x', color: 'red', bold: true}, false)).toBe('\u001b[1mx\u001b[0m');
		const line = [{text: 'a'}, {text: 'b', dim: true}];
		expect(lineToAnsi(line, true)).toBe('a\u001b[2mb\u001b[0m');
		expect(lineToAnsi(line, true)).toBe(lineToAnsi(line, true));
	});
});
