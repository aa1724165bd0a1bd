import {describe, expect, it} from 'vitest';
import type {PollerEvent} from '../../../source/poller/poller-state.js';
import {panelSplit} from '../../../source/ui/layout/panel-split.js';
import {sparkline} from '../../../source/ui/lines/sparkline.js';
import {timelineLines} from '../../../source/ui/lines/timeline-lines.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const T0 = new Date(2026, 10, 29, 9, 30, 5).getTime();
const text = (line: readonly {text: string}[]) => line.map((span) => span.text).join('');
const batches = [
	batchSnapshot({id: '1111111', name: 'germline-trio-2026-11', status: 'INPROGRESS', totalRuns: 10}, {}, T0),
	batchSnapshot({id: '2222222', name: 'rnaseq-pilot-48', status: 'SUBMITTING', totalRuns: 10}, {}, T0),
];

describe('the event timeline', () => {
	it('says each event with its time and batch name, as given (newest first)', () => {
		const events: PollerEvent[] = [
			{type: 'status-changed', id: '2222222', at: T0 + 2_000, from: 'PENDING', to: 'SUBMITTING'},
			{
				type: 'failure-group',
				id: '1111111',
				at: T0 + 1_500,
				kind: 'run',
				reason: 'TASK_FAILED',
				message: 'exit 137',
				count: 2,
			},
			{type: 'failure-appeared', id: '1111111', at: T0 + 1_000, runs: 3, submissions: 1},
			{type: 'error', id: '1111111', at: T0, error: {kind: 'throttled', message: 'x', at: T0}},
			{type: 'recovered', at: T0},
			{type: 'batch-seen', id: '1111111', at: T0, status: 'INPROGRESS'},
			{type: 'batch-discovered', id: '1111111', at: T0},
			{type: 'batch-discovered', id: '3333333', at: T0},
		];
		const lines = timelineLines(events, batches, 80, UNICODE_GLYPHS).map(text);
		expect(lines).toEqual([
			'09:30:07  rnaseq-pilot-48        PENDING → SUBMITTING',
			'09:30:06  germline-trio-2026-11  new run failure group: TASK_FAILED: exit 137',
			'09:30:06  germline-trio-2026-11  +3 runs failed, 1 submission failed',
			'09:30:05  germline-trio-2026-11  error: throttled',
			'09:30:05  discovery              ListBatch answers again',
			'09:30:05  germline-trio-2026-11  appeared INPROGRESS',
			'09:30:05  3333333                discovered',
		]);
		expect(text(timelineLines(events, batches, 80, ASCII_GLYPHS, true)[0] ?? [])).toContain(
			'PENDING -> SUBMITTING',
		);
	});

	it('fits every line in its width and never shows text the sanitiser would not', () => {
		const hostile: PollerEvent = {type: 'batch-discovered', id: 'x\u001b[2Jy', at: T0};
		for (const line of timelineLines([hostile], batches, 30, UNICODE_GLYPHS)) {
			expect(text(line)).not.toContain('\u001b');
			expect(text(line).length).toBeLessThanOrEqual(30);
		}
	});
});

describe('the panel’s spare rows', () => {
	it('go to the timeline first (one row per entry and a title), then more of the batch, then the timeline again', () => {
		expect(panelSplit(37, 13, 11, 12)).toEqual({extraRows: 11, timelineRows: 13});
		expect(panelSplit(37, 13, 4, 12)).toEqual({extraRows: 4, timelineRows: 20});
		expect(panelSplit(37, 13, 11, 40)).toEqual({extraRows: 0, timelineRows: 24});
		// No room for a title and two entries: no timeline, the rows go to the batch.
		expect(panelSplit(15, 13, 11, 12)).toEqual({extraRows: 2, timelineRows: 0});
	});
});

describe('the sparkline', () => {
	it('scales values to the largest, a zero on the floor', () => {
		expect(sparkline([0, 1, 2, 4, 8])).toBe('▁▂▃▅█');
		expect(sparkline([0, 0])).toBe('▁▁');
		expect(sparkline([0, 8], true)).toBe('_#');
	});
});
