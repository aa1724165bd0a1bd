import {describe, expect, it} from 'vitest';
import {seededRandom as random} from '../../helpers/seeded-random.js';
import {resolveParameters} from '../../../source/emulator/model/batch-parameters.js';
import {getBatchBody} from '../../../source/emulator/model/batch-views.js';
import {
	SimulatedBatch,
	StateConflictError,
	type CatchUpMode,
	type ScheduledAction,
} from '../../../source/emulator/model/simulated-batch.js';
import {StartRunQuota} from '../../../source/emulator/model/start-run-quota.js';
import type {BatchRecord} from '../../../source/emulator/model/account.js';
import type {Behaviour} from '../../../source/emulator/scenario/scenario-schema.js';

// The direct jump (catch-up by windows between phase changes) must reach exactly the state the
// step-by-step replay reaches, whatever the batch and whenever it is read. The replay is the reference.

const START = Date.parse('2026-11-01T00:00:00Z');

interface BatchPlan {
	readonly seed: number;
	readonly totalRuns: number;
	readonly createdAt: number;
	readonly behaviour: Behaviour;
	readonly actions: ScheduledAction[];
	readonly lagMs: number;
	/** CancelRunBatch / DeleteRunBatch calls made through the API at these moments. */
	readonly calls: Array<{at: number; do: 'cancel' | 'deleteRuns'}>;
}

function planBatches(seed: number, count: number): BatchPlan[] {
	const next = random(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
	return Array.from({length: count}, (_, index) => {
		// Whole seconds everywhere make events coincide with each other and with actions: ties must
		// resolve as in the replay (a phase change before the runs' changes at the same moment).
		const whole = next() < 0.35;
		const range = (low: number, high: number): [number, number] => {
			if (whole) {
				const a = Math.floor(low + next() * (high - low));
				return [a, a];
			}
			const a = low + next() * (high - low);
			return next() < 0.2 ? [a, a] : [a, a + next() * (high - low)];
		};
		const createdAt = START - Math.floor(next() * 4 * 3_600_000);
		const actions: ScheduledAction[] = [];
		const calls: BatchPlan['calls'] = [];
		for (let n = Math.floor(next() * 3); n > 0; n--) {
			const kind = pick(['cancel', 'deleteRuns', 'fail'] as const);
			const at = whole
				? createdAt + Math.floor(next() * (next() < 0.5 ? 60 : 3_000)) * 1000
				: createdAt + Math.floor(next() * 3_000_000) * (next() < 0.3 ? 0.001 : 1);
			actions.push({at, do: kind, ...(kind === 'fail' && next() < 0.5 ? {reason: 'scenario says so'} : {})});
		}
		if (next() < 0.3)
			calls.push({at: createdAt + next() * 2_000_000, do: pick(['cancel', 'deleteRuns'] as const)});
		return {
			seed: Math.floor(next() * 2 ** 31) ^ index,
			totalRuns: pick([0, 1, 2, 7, 40, 300, 1500]),
			createdAt,
			behaviour: {
				submitRate: whole ? pick([1, 1000]) : pick([0.5, 2, 8, 40, 1000]),
				submissionFailureShare: pick([0, 0, 0.05, 0.5, 1]),
				runFailureShare: pick([0, 0.02, 0.3]),
				cancelFailureShare: pick([0, 0.2]),
				deleteFailureShare: pick([0, 0.1, 1]),
				cancelRate: pick([1, 10, 1000]),
				deleteRate: pick([1, 10, 1000]),
				durations: {
					creating: range(0, 3),
					validating: range(0, 8),
					pending: range(0, 40),
					starting: range(0, 60),
					running: range(0, 1800),
					stopping: range(0, 30),
				},
			},
			actions,
			lagMs: pick([0, 0, 30_000]),
			calls,
		};
	});
}

/** The plan's batches, built for one catch-up mode, with an account quota of their own when asked. */
function build(plans: readonly BatchPlan[], mode: CatchUpMode, startRunTps?: number): SimulatedBatch[] {
	const quota = startRunTps === undefined ? undefined : new StartRunQuota(startRunTps);
	return plans.map((plan) => {
		const batch: SimulatedBatch = new SimulatedBatch({
			seed: plan.seed,
			totalRuns: plan.totalRuns,
			creationTime: plan.createdAt,
			parameters: resolveParameters(plan.behaviour),
			actions: plan.actions,
			runSummaryLagMs: plan.lagMs,
			catchUp: mode,
			sharesAccountQuota: quota !== undefined,
			...(quota
				? {
						onSubmissionsHalted: (at: number) => quota.halt(batch.quotaClaim, at),
						beforeAdvance: (target: number) => quota.syncTo(target),
					}
				: {}),
		});
		quota?.add(batch.quotaClaim);
		return batch;
	});
}

/** Everything a reader can see of a batch: its GetBatch body, every run's codes and applied entries, its history. */
function observe(batch: SimulatedBatch): unknown {
	const record = {id: '1', arn: 'arn', uuid: 'uuid', tags: {}, defaultRunSetting: {}, sim: batch};
	const runs: unknown[] = [];
	for (let index = 0; index < batch.totalRuns; index++) {
		runs.push([batch.subCodes[index], batch.runCodes[index], batch.appliedTimeline(index)]);
	}
	return {
		body: getBatchBody(record as unknown as BatchRecord),
		status: batch.status,
		time: batch.time,
		history: batch.history,
		submittedTime: batch.submittedTime,
		processedTime: batch.processedTime,
		failedTime: batch.failedTime,
		runCounts: [...batch.runCounts()],
		submissions: batch.submissionCounts(),
		runs,
	};
}

/** Reads every batch at `at` (and makes the API calls due by then) the same way in each world. */
function readAll(
	plans: readonly BatchPlan[],
	batches: readonly SimulatedBatch[],
	at: number,
	done: Set<string>,
): string[] {
	return batches.map((batch, index) => {
		const plan = plans[index] as BatchPlan;
		const outcomes: string[] = [];
		for (const [number, call] of plan.calls.entries()) {
			const key = `${index}/${number}`;
			if (done.has(key) || call.at > at) continue;
			done.add(key);
			try {
				if (call.do === 'cancel') batch.cancel(call.at);
				else batch.deleteRuns(call.at);
				outcomes.push(`${call.do} ok`);
			} catch (error) {
				if (!(error instanceof StateConflictError)) throw error;
				outcomes.push(`${call.do} refused`);
			}
		}
		batch.advanceTo(at);
		return JSON.stringify({outcomes, state: observe(batch)});
	});
}

/** Read times: a first read long after creation, then gaps from a millisecond to hours. */
function readTimes(seed: number, count: number): number[] {
	const next = random(seed ^ 0x5eed);
	const times: number[] = [];
	let at = START - 3_600_000 * next();
	for (let n = 0; n < count; n++) {
		times.push(at);
		const scale = [1, 1_000, 30_000, 600_000, 7_200_000][Math.floor(next() * 5)] as number;
		at += Math.max(1, Math.floor(next() * scale));
	}
	return times;
}

/**
 * Batches whose scheduled action falls on the very moment of a run's change (whole seconds: 2 s to
 * submit the first run, which ends 12 s later): the action comes first, as in the replay.
 */
function tiedPlans(): BatchPlan[] {
	const whole = (seconds: number): [number, number] => [seconds, seconds];
	const plan = (totalRuns: number, action: ScheduledAction['do'], atSeconds: number): BatchPlan => ({
		seed: 7,
		totalRuns,
		createdAt: START - 600_000,
		behaviour: {
			submitRate: 1,
			durations: {
				creating: whole(1),
				validating: whole(1),
				pending: whole(1),
				starting: whole(1),
				running: whole(10),
				stopping: whole(5),
			},
		},
		actions: [{at: START - 600_000 + atSeconds * 1000, do: action}],
		lagMs: 0,
		calls: [],
	});
	return [
		plan(1, 'fail', 14),
		plan(1, 'cancel', 14),
		plan(3, 'fail', 16),
		plan(3, 'cancel', 16),
		plan(2, 'cancel', 3),
		plan(2, 'fail', 2),
	];
}

function expectSameWorlds(seed: number, count: number, startRunTps?: number): void {
	expectSamePlans(planBatches(seed, count), seed, startRunTps);
}

function expectSamePlans(plans: readonly BatchPlan[], seed: number, startRunTps?: number): void {
	const worlds = (['replay', 'jump', 'auto'] as const).map((mode) => ({
		mode,
		batches: build(plans, mode, startRunTps),
		done: new Set<string>(),
	}));
	for (const at of readTimes(seed, 40)) {
		const [reference, ...others] = worlds.map((world) => readAll(plans, world.batches, at, world.done));
		for (const [position, other] of others.entries()) {
			for (const [index, state] of (other ?? []).entries()) {
				const expected = reference?.[index];
				if (state !== expected) {
					// Only the first difference, readably: which world, batch and moment.
					expect({mode: worlds[position + 1]?.mode, batch: index, at, state: JSON.parse(state)}).toEqual({
						mode: worlds[position + 1]?.mode,
						batch: index,
						at,
						state: JSON.parse(expected ?? 'null'),
					});
				}
			}
		}
	}
}

describe('catching up by jumping gives the replay’s state', () => {
	for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
		it(`at every read, for batches of every kind (seed ${seed})`, () => {
			expectSameWorlds(seed, 12);
		});
	}

	for (const seed of [11, 12, 13]) {
		it(`at every read, with batches sharing an account StartRun quota (seed ${seed})`, () => {
			expectSameWorlds(seed, 10, [0.5, 5, 50][seed % 3]);
		});
	}

	it('when an action falls on the moment of a run’s change', () => {
		expectSamePlans(tiedPlans(), 21);
		// The reads must see the action win the tie: the fail and the cancel happen, the batch is not PROCESSED.
		const [failed, cancelled] = build(tiedPlans(), 'jump');
		failed?.advanceTo(START);
		cancelled?.advanceTo(START);
		expect(failed?.status).toBe('FAILED');
		expect(cancelled?.history.map((change) => change.status)).toContain('STOPPING');
	});

	it('reaches every fate the plans can lead to', () => {
		const statuses = new Set<string>();
		for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
			const plans = planBatches(seed, 12);
			const batches = build(plans, 'jump');
			for (const batch of batches) {
				batch.advanceTo(START + 3 * 86_400_000);
				for (const change of batch.history) statuses.add(change.status);
			}
		}
		// So that the equivalence above was checked through every branch of the lifecycle.
		expect([...statuses].sort()).toEqual(
			[
				'CANCELLED',
				'CREATING',
				'FAILED',
				'INPROGRESS',
				'PENDING',
				'PROCESSED',
				'RUNS_DELETED',
				'RUNS_DELETE_FAILED',
				'RUNS_DELETING',
				'STOPPING',
				'SUBMITTING',
			].sort(),
		);
	});
});
