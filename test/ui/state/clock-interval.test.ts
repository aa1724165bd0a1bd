import {describe, expect, it} from 'vitest';
import {AGES_MS, SECONDS_MS, clockInterval, spinnerTurns} from '../../../source/ui/state/clock-interval.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const done = batchSnapshot({id: '1', status: 'PROCESSED', totalRuns: 1, runSummary: {completedRunCount: 1}});
const active = batchSnapshot({id: '2', status: 'INPROGRESS', totalRuns: 2, runSummary: {runningRunCount: 2}});
const stale = {...active, lastError: {kind: 'unavailable' as const, message: 'down', at: 0}};

describe('clockInterval', () => {
	it('ticks every second while the detail pane shows "fetched Ns ago", even for a finished batch', () => {
		expect(clockInterval({listed: [done], selected: done, detailOpen: true, help: false})).toBe(SECONDS_MS);
	});
	it('ticks every 10 s while list rows show ages, finished batches included', () => {
		expect(clockInterval({listed: [done], selected: done, detailOpen: false, help: false})).toBe(AGES_MS);
		expect(clockInterval({listed: [], selected: active, detailOpen: false, help: false})).toBe(AGES_MS);
	});
	it('ticks every second for a stale notice, and not at all when nothing shown has an age', () => {
		expect(clockInterval({listed: [stale], selected: stale, detailOpen: false, help: false})).toBe(
			SECONDS_MS,
		);
		expect(clockInterval({listed: [], selected: undefined, detailOpen: false, help: false})).toBeUndefined();
	});
});

describe('spinnerTurns', () => {
	it('turns for a live active batch only: not paused, not stale, not finished', () => {
		expect(spinnerTurns(active, false)).toBe(true);
		expect(spinnerTurns(active, true)).toBe(false);
		expect(spinnerTurns(stale, false)).toBe(false);
		expect(spinnerTurns(done, false)).toBe(false);
	});
});
