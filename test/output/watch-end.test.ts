import {describe, expect, it} from 'vitest';
import {toBatchView} from '../../source/domain/batch-view.js';
import {quitEnd, watchEnd, type WatchEndRules} from '../../source/output/watch-end.js';
import type {BatchSnapshot} from '../../source/poller/poller-state.js';
import {pollerSnapshot} from '../helpers/poller-snapshot.js';

const START = 1_000_000;
const running = (id: string, extra: Partial<BatchSnapshot> = {}): BatchSnapshot => ({
	id,
	view: toBatchView({id, status: 'INPROGRESS', totalRuns: 10, runSummary: {runningRunCount: 10}}, id),
	lastUpdated: START,
	polling: false,
	done: false,
	history: [],
	...extra,
});
const failing = (id: string, since: number): Partial<BatchSnapshot> => ({
	lastUpdated: since,
	lastError: {kind: 'unavailable', message: 'HealthOmics unreachable (HTTP 500)', at: since},
});
const wait: WatchEndRules = {namedBatches: true, exitStatus: true, failFast: false, staleTimeoutMs: 60_000};
const monitor: WatchEndRules = {
	namedBatches: true,
	exitStatus: false,
	failFast: false,
	staleTimeoutMs: 60_000,
};
const at = (seconds: number) => ({started: START, now: START + seconds * 1000});

describe('when a watch is over', () => {
	it('each batch has its own stale clock: one that stopped answering ends the watch while others answer', () => {
		const snapshot = pollerSnapshot({
			batches: [running('1', {lastUpdated: START + 90_000}), running('2', failing('2', START + 10_000))],
		});
		expect(watchEnd(snapshot, wait, at(69), 'us-east-1')).toBeUndefined();
		expect(watchEnd(snapshot, wait, at(71), 'us-east-1')).toEqual({
			code: 6,
			reason: 'batch 2: no usable answer for more than 60s (HealthOmics unreachable (HTTP 500))',
		});
	});

	it('time spent paused does not count toward a stale clock; a pause still on counts up to now', () => {
		const batches = [running('2', failing('2', START + 10_000))];
		// Paused 40 s of the 70 s since the last answer: 30 s watched, far from 60.
		const resumed = pollerSnapshot({batches, pauses: [{from: START + 20_000, to: START + 60_000}]});
		expect(watchEnd(resumed, wait, at(80), 'us-east-1')).toBeUndefined();
		expect(watchEnd(resumed, wait, at(111), 'us-east-1')?.code).toBe(6);
		const stillPaused = pollerSnapshot({batches, paused: true, pauses: [{from: START + 20_000}]});
		expect(watchEnd(stillPaused, wait, at(3600), 'us-east-1')).toBeUndefined();
		// A pause before the outage began takes nothing off it.
		const before = pollerSnapshot({batches, pauses: [{from: START, to: START + 9_000}]});
		expect(watchEnd(before, wait, at(71), 'us-east-1')?.code).toBe(6);
	});

	it('q under --wait before the end is 130; with the end already reached, that end', () => {
		const snapshot = pollerSnapshot({batches: [running('1')]});
		expect(quitEnd(snapshot, wait, at(5), 'us-east-1', 'q')).toEqual({
			code: 130,
			reason: 'interrupted (q) with 1 batch still running',
		});
		const denied = pollerSnapshot({
			credentialsError: {kind: 'expired-credentials', message: 'AWS credentials expired', at: START},
		});
		expect(quitEnd(denied, wait, at(5), 'us-east-1', 'q')).toEqual({
			code: 4,
			reason: 'AWS credentials expired',
		});
	});

	it('q without script flags is 0, or the code of what would have ended a script watch by now', () => {
		const fine = pollerSnapshot({batches: [running('1')]});
		expect(quitEnd(fine, monitor, at(5), 'us-east-1', 'q')).toEqual({code: 0, reason: 'quit'});
		const stale = pollerSnapshot({batches: [running('1', failing('1', START + 1_000))]});
		expect(quitEnd(stale, monitor, at(30), 'us-east-1', 'q').code).toBe(0);
		expect(quitEnd(stale, monitor, at(62), 'us-east-1', 'q').code).toBe(6);
		const listing = pollerSnapshot({
			discoveryError: {kind: 'access-denied', message: 'access denied', at: START},
		});
		expect(quitEnd(listing, {...monitor, namedBatches: false}, at(1), 'us-east-1', 'q')).toEqual({
			code: 4,
			reason: 'access denied: these credentials may not call omics:ListBatch in us-east-1',
		});
	});
});
