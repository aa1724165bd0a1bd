import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {listNames, shortenMiddle, widestName} from '../../../source/ui/lines/batch-names.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const T0 = Date.parse('2026-11-29T08:00:00Z');
const named = (id: string, name: string) =>
	batchSnapshot({id, name, status: 'INPROGRESS', totalRuns: 10}, {}, T0);

describe('batch names in the list', () => {
	it('keeps a name whole when it fits, and cuts it in the middle when it must', () => {
		expect(shortenMiddle('germline-trio-2026-11', 21)).toBe('germline-trio-2026-11');
		expect(shortenMiddle('ukb-wgs-cohort-2026-part-07', 15)).toBe('ukb-wgs…part-07');
		expect(shortenMiddle('ukb-wgs-cohort-2026-part-07', 15, '~')).toBe('ukb-wgs~part-07');
		expect(shortenMiddle('abcdef', 1)).toBe('…');
	});

	it('measures wide characters by their columns, never past the width', () => {
		const text = shortenMiddle('解析-cohort-データ-part-07', 12);
		expect(text).toContain('…');
		expect(text.endsWith('-07')).toBe(true);
		expect(stringWidth(text)).toBeLessThanOrEqual(12);
		expect(stringWidth(text)).toBeGreaterThanOrEqual(11);
	});

	it('forty parts of one cohort stay apart: the part number survives the cut', () => {
		const batches = Array.from({length: 40}, (_, index) =>
			named(String(1000 + index), `ukb-wgs-cohort-2026-part-${String(index + 1).padStart(2, '0')}`),
		);
		const names = listNames(batches, 15);
		expect(new Set(names.values()).size).toBe(40);
		expect(names.get('1006')).toBe('ukb-wgs…part-07');
		expect(widestName(batches)).toBe(27);
	});

	it('shows the id where shortened names would read the same, and only there', () => {
		const batches = [
			named('1111111', 'cohort-alpha-lane-final'),
			named('2222222', 'cohort-gamma-lane-final'),
			named('3333333', 'small'),
		];
		const names = listNames(batches, 16);
		expect(names.get('1111111')).toMatch(/ 1111111$/);
		expect(names.get('2222222')).toMatch(/ 2222222$/);
		expect(names.get('3333333')).toBe('small');
		for (const text of names.values()) expect(text.length).toBeLessThanOrEqual(16);
	});
});
