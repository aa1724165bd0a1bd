import {describe, expect, it} from 'vitest';
import {pausedWithin} from '../../source/domain/paused-time.js';

describe('paused time within a span', () => {
	it('adds the overlap of each pause with the span, an open pause up to its end', () => {
		const spans = [{from: 10, to: 20}, {from: 30, to: 40}, {from: 50}];
		expect(pausedWithin(spans, 0, 100)).toBe(10 + 10 + 50);
		expect(pausedWithin(spans, 15, 35)).toBe(5 + 5);
		expect(pausedWithin(spans, 20, 30)).toBe(0);
		expect(pausedWithin(spans, 45, 60)).toBe(10);
		expect(pausedWithin([], 0, 100)).toBe(0);
	});
});
