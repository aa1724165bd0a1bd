import {describe, expect, it} from 'vitest';
import {toBatchView} from '../../source/domain/batch-view.js';
import {verdictExitCode} from '../../source/output/watch-outcome.js';
import type {BatchSnapshot, PollerSnapshot} from '../../source/poller/poller-state.js';

const known = (id: string, status: string): BatchSnapshot => ({
	id,
	view: toBatchView({id, status, totalRuns: 1, runSummary: {completedRunCount: 1}}, id),
	polling: false,
	done: true,
	history: [],
});
const unknown = (id: string): BatchSnapshot => ({
	id,
	lastError: {kind: 'not-found', message: `not found: batch ${id}`, at: 0},
	polling: false,
	done: false,
	history: [],
});
const of = (...batches: BatchSnapshot[]): PollerSnapshot => ({
	batches,
	paused: false,
	requestsPerSecond: 0,
	budgetPerSecond: 2,
});

describe('the exit code of a finished watch', () => {
	it('never says "succeeded" with an unknown batch among the watched ones', () => {
		expect(verdictExitCode(of(known('1', 'PROCESSED'), unknown('999')))).toEqual({
			code: 2,
			reason: 'unknown batch 999; check the IDs and the region',
		});
	});

	it('names the unknown batch beside a FAILED one too', () => {
		expect(verdictExitCode(of(known('1', 'FAILED'), unknown('999')))).toEqual({
			code: 3,
			reason: '1 FAILED; unknown batch 999',
		});
	});

	it('is 0 when every batch succeeded', () => {
		expect(verdictExitCode(of(known('1', 'PROCESSED'), known('2', 'PROCESSED'))).code).toBe(0);
	});
});
