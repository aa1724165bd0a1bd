import {describe, expect, it} from 'vitest';
import type {PollerEvent} from '../../source/poller/poller-state.js';
import {rememberEvents} from '../../source/poller/recent-events.js';

const seen = (id: string, at: number): PollerEvent => ({type: 'batch-seen', id, at, status: 'PENDING'});

describe('the ring of recent events', () => {
	it('keeps them newest first, leaves out counters moving, and never grows past its limit', () => {
		let ring = rememberEvents([], [seen('1', 1), {type: 'counts-changed', id: '1', at: 2}, seen('2', 3)], 3);
		expect(ring.map((event) => event.at)).toEqual([3, 1]);
		ring = rememberEvents(ring, [seen('3', 4), seen('4', 5)], 3);
		expect(ring.map((event) => event.at)).toEqual([5, 4, 3]);
	});

	it('returns the same ring when a tick had nothing to remember (the snapshot is not rebuilt)', () => {
		const ring = rememberEvents([], [seen('1', 1)]);
		expect(rememberEvents(ring, [{type: 'counts-changed', id: '1', at: 2}])).toBe(ring);
	});
});
