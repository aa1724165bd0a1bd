import {describe, expect, it} from 'vitest';
import type {PollerSnapshot} from '../../../source/poller/poller-state.js';
import {isUrgentChange} from '../../../source/ui/state/snapshot-urgency.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const snapshot = (...batches: PollerSnapshot['batches']): PollerSnapshot => ({
	batches,
	paused: false,
	requestsPerSecond: 0,
	budgetPerSecond: 2,
});
const running = (completed: number, status = 'INPROGRESS') =>
	batchSnapshot({
		id: '1',
		name: 'a',
		status,
		totalRuns: 10,
		runSummary: {completedRunCount: completed, runningRunCount: 10 - completed},
	});

describe('isUrgentChange', () => {
	it('lets counters moving within a status wait', () => {
		expect(isUrgentChange(snapshot(running(1)), snapshot(running(2)))).toBe(false);
	});
	it('paints status changes, new batches, errors and pausing at once', () => {
		expect(isUrgentChange(snapshot(running(1)), snapshot(running(1, 'STOPPING')))).toBe(true);
		expect(
			isUrgentChange(snapshot(running(1)), snapshot(running(1), batchSnapshot({id: '2', status: 'PENDING'}))),
		).toBe(true);
		const failing = {
			...running(1),
			lastError: {kind: 'throttled', message: 'slow down', at: 0},
		} as PollerSnapshot['batches'][number];
		expect(isUrgentChange(snapshot(running(1)), snapshot(failing))).toBe(true);
		expect(isUrgentChange(snapshot(running(1)), {...snapshot(running(1)), paused: true})).toBe(true);
	});
	it("lets a listed batch's first counts wait when they bring the status the row showed, not another", () => {
		const listed = {
			id: '1',
			polling: false,
			done: false,
			history: [],
			listing: {name: 'a', status: 'INPROGRESS', totalRuns: 10},
		};
		expect(isUrgentChange(snapshot(listed), snapshot(running(1)))).toBe(false);
		expect(isUrgentChange(snapshot(listed), snapshot(running(1, 'STOPPING')))).toBe(true);
		// Added by id, nothing listed: the row said "loading" until now.
		const unknown = {id: '1', polling: false, done: false, history: []};
		expect(isUrgentChange(snapshot(unknown), snapshot(running(1)))).toBe(true);
		expect(isUrgentChange(snapshot(running(1)), snapshot(unknown))).toBe(true);
	});
});
