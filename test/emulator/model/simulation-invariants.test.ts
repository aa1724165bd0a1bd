import {describe, expect, it} from 'vitest';
import {Account} from '../../../source/emulator/model/account.js';
import {getBatchBody} from '../../../source/emulator/model/batch-views.js';
import {VirtualClock} from '../../../source/emulator/model/virtual-clock.js';
import {loadScenario} from '../../../source/emulator/scenario/load-scenario.js';
import type {Scenario} from '../../../source/emulator/scenario/scenario-schema.js';
import {expectBatchInvariants, type BatchObservation} from '../../helpers/batch-invariants.js';

/** A GetBatch body as the emulator builds it (counts keyed by their API names). */
interface RawBatch extends BatchObservation {
	submissionSummary?: Record<string, number>;
	runSummary?: Record<string, number>;
}

const START = Date.parse('2026-11-01T00:00:00Z');

/** A scenario with every fate, fast durations so whole lifecycles fit in a few virtual hours. */
const LIFECYCLES: Scenario = {
	defaults: {
		submitRate: 20,
		durations: {pending: [1, 20], starting: [5, 30], running: [60, 900], stopping: [5, 60]},
	},
	batches: [
		{name: 'clean', totalRuns: 500},
		{name: 'run-failures', totalRuns: 800, runFailureShare: 0.2},
		{name: 'submission-failures', totalRuns: 300, submissionFailureShare: 0.3},
		{name: 'all-submissions-fail', totalRuns: 40, submissionFailureShare: 1},
		{name: 'cancel-while-submitting', totalRuns: 2000, actions: [{at: 30, do: 'cancel'}]},
		{name: 'cancel-while-pending', totalRuns: 100, actions: [{at: 0, do: 'cancel'}]},
		{
			name: 'cancel-fails-sometimes',
			totalRuns: 400,
			cancelFailureShare: 0.3,
			actions: [{at: 40, do: 'cancel'}],
		},
		{
			name: 'fail-in-validation',
			totalRuns: 1000,
			actions: [{at: 2, do: 'fail', reason: 'duplicate runSettingId'}],
		},
		{name: 'fail-mid-submission', totalRuns: 1000, actions: [{at: 25, do: 'fail'}]},
		{name: 'deleted', totalRuns: 200, actions: [{at: 0, do: 'deleteRuns'}]},
		{name: 'delete-fails', totalRuns: 300, deleteFailureShare: 0.1, actions: [{at: 0, do: 'deleteRuns'}]},
		{
			name: 'cancel-then-delete',
			totalRuns: 300,
			actions: [
				{at: 20, do: 'cancel'},
				{at: 0, do: 'deleteRuns'},
			],
		},
	],
};

/** Steps a fresh account through virtual time and checks every batch at every step. */
function followAccount(
	scenario: Scenario,
	seed: number,
	steps: number,
	stepMs: number,
	lagMs = 0,
	startRunTps?: number,
): Map<string, RawBatch[]> & {account?: Account} {
	const clock = new VirtualClock({mode: 'manual', startTime: START});
	const account = new Account({
		clock,
		seed,
		region: 'us-east-1',
		accountId: '123456789012',
		...(scenario.defaults ? {defaults: scenario.defaults} : {}),
		runSummaryLagMs: lagMs,
		...(startRunTps === undefined ? {} : {startRunTps}),
	});
	for (const spec of scenario.batches)
		account.create({spec, creationTime: START - (spec.createdAgo ?? 0) * 1000});
	const seen: Map<string, RawBatch[]> & {account?: Account} = new Map();
	seen.account = account;
	for (let step = 0; step <= steps; step++) {
		for (const record of account.list()) {
			const body = getBatchBody(record) as RawBatch;
			const history = seen.get(record.name ?? record.id) ?? [];
			expectBatchInvariants(body, history.at(-1), {lagged: lagMs > 0});
			history.push(body);
			seen.set(record.name ?? record.id, history);
		}
		// Irregular steps catch bugs that only show between events.
		clock.advance(stepMs * (0.5 + ((step * 7919) % 100) / 100));
	}
	return seen;
}

describe('simulation invariants', () => {
	for (const seed of [1, 42, 20261129]) {
		it(`hold at 400 instants for every fate (seed ${seed})`, () => {
			const seen = followAccount(LIFECYCLES, seed, 400, 30_000);
			const final = (name: string): string | undefined => seen.get(name)?.at(-1)?.status;
			expect(final('clean')).toBe('PROCESSED');
			expect(final('run-failures')).toBe('PROCESSED');
			expect(final('all-submissions-fail')).toBe('PROCESSED');
			expect(final('cancel-while-submitting')).toBe('CANCELLED');
			expect(final('cancel-while-pending')).toBe('CANCELLED');
			expect(final('cancel-fails-sometimes')).toBe('CANCELLED');
			expect(final('fail-in-validation')).toBe('FAILED');
			expect(final('fail-mid-submission')).toBe('FAILED');
			expect(final('deleted')).toBe('RUNS_DELETED');
			expect(final('delete-fails')).toBe('RUNS_DELETE_FAILED');
			expect(final('cancel-then-delete')).toBe('RUNS_DELETED');
			const runFailures = seen.get('run-failures')?.at(-1)?.runSummary?.['failedRunCount'] ?? 0;
			expect(runFailures).toBeGreaterThan(100);
			expect(runFailures).toBeLessThan(250);
			const submissionFailures =
				seen.get('submission-failures')?.at(-1)?.submissionSummary?.['failedStartSubmissionCount'] ?? 0;
			expect(submissionFailures).toBeGreaterThan(60);
			expect(submissionFailures).toBeLessThan(120);
			const midway = seen.get('fail-mid-submission')?.at(-1)?.submissionSummary;
			expect(midway?.['successfulStartSubmissionCount']).toBeGreaterThan(0);
			expect(midway?.['pendingStartSubmissionCount']).toBeGreaterThan(0);
			expect(
				seen.get('fail-in-validation')?.at(-1)?.submissionSummary?.['successfulStartSubmissionCount'],
			).toBe(0);
			const cancelled = seen.get('cancel-fails-sometimes')?.at(-1)?.submissionSummary;
			expect(cancelled?.['failedCancelSubmissionCount']).toBeGreaterThan(0);
			expect(cancelled?.['successfulCancelSubmissionCount']).toBeGreaterThan(0);
		});
	}

	it('passes through every phase of a lifecycle in order', () => {
		const seen = followAccount(LIFECYCLES, 7, 400, 5_000);
		const statuses = (name: string): string[] => [
			...new Set(seen.get(name)?.map((body) => body.status ?? '')),
		];
		expect(statuses('clean')).toEqual(['CREATING', 'PENDING', 'SUBMITTING', 'INPROGRESS', 'PROCESSED']);
		expect(statuses('cancel-while-submitting')).toEqual([
			'CREATING',
			'PENDING',
			'SUBMITTING',
			'STOPPING',
			'CANCELLED',
		]);
		// deleteRuns fires the moment the batch is PROCESSED, so that instant shows only in the batch's own history.
		expect(statuses('deleted').slice(-2)).toEqual(['RUNS_DELETING', 'RUNS_DELETED']);
		const deleted = seen.account?.all().find((record) => record.name === 'deleted');
		expect(deleted?.sim.history.map((change) => change.status)).toEqual([
			'CREATING',
			'PENDING',
			'SUBMITTING',
			'INPROGRESS',
			'PROCESSED',
			'RUNS_DELETING',
			'RUNS_DELETED',
		]);
	});

	it('holds with runSummary lag, and lagged counts trail then settle exactly', () => {
		const seen = followAccount(LIFECYCLES, 3, 300, 10_000, 60_000);
		const run = seen.get('run-failures') ?? [];
		const trailing = run.some((body) => {
			const started = body.submissionSummary?.['successfulStartSubmissionCount'] ?? 0;
			const sum = Object.values(body.runSummary ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);
			return sum < started;
		});
		expect(trailing).toBe(true);
		expect(run.at(-1)?.status).toBe('PROCESSED');
	});

	it('replays the same history for the same seed, and another for another seed', () => {
		const a = followAccount(LIFECYCLES, 99, 50, 30_000);
		const b = followAccount(LIFECYCLES, 99, 50, 30_000);
		const c = followAccount(LIFECYCLES, 100, 50, 30_000);
		expect(JSON.stringify([...a])).toBe(JSON.stringify([...b]));
		expect(JSON.stringify([...a])).not.toBe(JSON.stringify([...c]));
	});

	it('holds for the demo scenario over two virtual hours', async () => {
		const demo = await loadScenario('demo');
		const seen = followAccount(demo, demo.seed ?? 1, 240, 30_000);
		expect(seen.size).toBe(demo.batches.length);
	});

	it('hold at every instant with an account StartRun quota shared by all batches, and reach the same fates', () => {
		const seen = followAccount(LIFECYCLES, 5, 400, 30_000, 0, 30);
		const final = (name: string): string | undefined => seen.get(name)?.at(-1)?.status;
		expect(final('clean')).toBe('PROCESSED');
		expect(final('cancel-while-submitting')).toBe('CANCELLED');
		expect(final('fail-mid-submission')).toBe('FAILED');
		expect(final('deleted')).toBe('RUNS_DELETED');
		const midway = seen.get('fail-mid-submission')?.at(-1)?.submissionSummary;
		expect(midway?.['successfulStartSubmissionCount']).toBeGreaterThan(0);
		expect(midway?.['pendingStartSubmissionCount']).toBeGreaterThan(0);
	});

	it('replays the same history for the same seed with a quota', () => {
		const a = followAccount(LIFECYCLES, 11, 60, 20_000, 0, 25);
		const b = followAccount(LIFECYCLES, 11, 60, 20_000, 0, 25);
		expect(JSON.stringify([...a])).toBe(JSON.stringify([...b]));
	});

	it('keeps the demo at its own pace under the 13/s quota the demo sets', async () => {
		const demo = await loadScenario('demo');
		const free = followAccount(demo, demo.seed ?? 1, 120, 30_000);
		const quota = demo.account?.startRunTps;
		expect(quota).toBe(13);
		const shared = followAccount(demo, demo.seed ?? 1, 120, 30_000, 0, quota);
		for (const [name, history] of free) {
			expect(
				shared.get(name)?.map((body) => body.submissionSummary),
				name,
			).toEqual(history.map((body) => body.submissionSummary));
		}
	});
});
