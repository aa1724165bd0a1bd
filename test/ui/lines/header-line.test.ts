import {describe, expect, it} from 'vitest';
import {HEADER_DROP_ORDER, headerLine} from '../../../source/ui/lines/header-line.js';
import type {BatchSnapshot, PollerSnapshot} from '../../../source/poller/poller-state.js';
import {lineWidth} from '../../../source/ui/text/styled-line.js';
import {UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';
import {batchSnapshot} from '../../helpers/static-poller.js';
import {pollerSnapshot} from '../../helpers/poller-snapshot.js';

const TARGET = 'the demo emulator http://127.0.0.1:40115';
const header = (snapshot: PollerSnapshot, width = 200): string =>
	headerLine(snapshot, TARGET, width, UNICODE_GLYPHS)
		.map((span) => span.text)
		.join('');
const batch = (id: string, status: string, extra: Partial<BatchSnapshot> = {}): BatchSnapshot =>
	batchSnapshot({id, name: `b${id}`, status, totalRuns: 10}, extra);

/** The demo's mix: 8 active, 3 done, 1 failed; `stale` of them with a failed last poll. */
const demo = (stale = 0): PollerSnapshot =>
	pollerSnapshot({
		batches: [
			...['INPROGRESS', 'SUBMITTING', 'SUBMITTING', 'PENDING', 'CREATING', 'STOPPING', 'RUNS_DELETING'].map(
				(status, index) => batch(String(index + 1), status),
			),
			batch('8', 'INPROGRESS'),
			batch('9', 'PROCESSED'),
			batch('10', 'CANCELLED'),
			batch('11', 'RUNS_DELETED'),
			batch('12', 'FAILED'),
		].map((each, index) =>
			index < stale ? {...each, lastError: {kind: 'throttled', message: 'Rate exceeded', at: 0}} : each,
		),
		requestsPerSecond: 2.5,
		budgetPerSecond: 5,
		requestBurst: 50,
	});

describe('the header', () => {
	it('says "1 batch", not "1 batches"', () => {
		expect(header(pollerSnapshot({batches: [batch('1', 'STOPPING')]}))).toMatch(/ 1 batch: 1 active /);
		expect(header(demo())).toMatch(/ 12 batches: 8 active · 3 done · 1 failed /);
	});

	it('shows requests in the last minute against what the budget allows in a minute', () => {
		// 8.1/s over a minute cannot happen within 5/s + 50; what can is shown against the same window.
		expect(header(demo())).toMatch(/ {2}150\/350 req\/min$/);
		expect(header({...demo(), requestsPerSecond: 5.8})).toMatch(/ {2}348\/350 req\/min$/);
	});

	it('shows no request rate while paused: nothing is sent, and a last-minute count would stand still', () => {
		const text = header({...demo(), paused: true});
		expect(text).not.toContain('req/min');
		expect(text).toMatch(/PAUSED$/);
	});

	it('at 80 columns keeps the failed count and the stale count, dropping the target first', () => {
		const text = header(demo(2), 80);
		expect(text).toContain('1 failed');
		expect(text).toContain('2 stale');
		expect(text).not.toContain(TARGET);
		expect(text).not.toContain('…');
	});

	it('gives parts way in the stated order and never drops failed, PAUSED or stale, down to 30 columns', () => {
		const markers: Record<(typeof HEADER_DROP_ORDER)[number], string> = {
			target: TARGET,
			rate: 'req/min',
			total: '12 batches',
			done: '3 done',
			name: 'batchtop',
			active: '8 active',
		};
		for (const paused of [false, true]) {
			const snapshot = {...demo(3), paused};
			// While paused there is no rate to drop.
			const order = HEADER_DROP_ORDER.filter((part) => !(paused && part === 'rate'));
			let droppedSoFar = 0;
			for (let width = 160; width >= 30; width--) {
				const line = headerLine(snapshot, TARGET, width, UNICODE_GLYPHS);
				const text = line.map((span) => span.text).join('');
				expect(lineWidth(line)).toBeLessThanOrEqual(width);
				for (const kept of ['1 failed', '3 stale', ...(paused ? ['PAUSED'] : [])])
					expect(text).toContain(kept);
				const present = order.map((part) => text.includes(markers[part]));
				// What is gone is always a prefix of the drop order, and it only grows as the width shrinks.
				const gone = present.indexOf(true) === -1 ? present.length : present.indexOf(true);
				expect(present.slice(gone).every(Boolean)).toBe(true);
				expect(gone).toBeGreaterThanOrEqual(droppedSoFar);
				droppedSoFar = gone;
			}
			if (paused) {
				expect(header(snapshot, 40)).toBe('8 active · 1 failed  PAUSED  ! 3 stale');
				expect(header(snapshot, 30)).toBe('1 failed  PAUSED  ! 3 stale');
			}
		}
	});
});
