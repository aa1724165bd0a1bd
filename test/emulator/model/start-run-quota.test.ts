import {describe, expect, it} from 'vitest';
import {Account} from '../../../source/emulator/model/account.js';
import {VirtualClock} from '../../../source/emulator/model/virtual-clock.js';
import {SubmissionCurve} from '../../../source/emulator/model/submission-curve.js';
import {
	DOCUMENTED_START_RUN_TPS,
	StartRunQuota,
	type QuotaClaim,
} from '../../../source/emulator/model/start-run-quota.js';
import {SeededSequence} from '../../../source/emulator/model/seeded-random.js';
import {ReferenceStartRunQuota} from './reference-start-run-quota.js';
import {parseScenario, startRunTpsOf} from '../../../source/emulator/scenario/load-scenario.js';
import type {BatchSpec, Behaviour} from '../../../source/emulator/scenario/scenario-schema.js';

const START = Date.parse('2026-11-01T00:00:00Z');
const QUICK: Behaviour['durations'] = {
	creating: [1, 1],
	validating: [1, 1],
	pending: [1, 2],
	starting: [1, 2],
	running: [30, 60],
};

function account(startRunTps: number): {clock: VirtualClock; account: Account} {
	const clock = new VirtualClock({mode: 'manual', startTime: START});
	return {
		clock,
		account: new Account({
			clock,
			seed: 3,
			region: 'us-east-1',
			accountId: '123456789012',
			defaults: {submitRate: 1000, durations: QUICK},
			startRunTps,
		}),
	};
}

const attempted = (record: ReturnType<Account['get']>): number =>
	record.sim.totalRuns - record.sim.submissionCounts().pendingStartSubmissionCount;

describe('the account StartRun quota', () => {
	it('hands a failed batch’s share to the batch still submitting', () => {
		const {clock, account: acct} = account(10);
		const steady = acct.create({spec: {name: 'steady', totalRuns: 50_000} as BatchSpec, creationTime: START});
		const failing = acct.create({
			spec: {name: 'failing', totalRuns: 50_000, actions: [{at: 102, do: 'fail'}]} as BatchSpec,
			creationTime: START,
		});
		clock.advance(2_000);
		const atStart = attempted(acct.get(steady.id));
		clock.advance(100_000); // both submit from 2 s to 102 s: 5/s each
		const shared = attempted(acct.get(steady.id)) - atStart;
		expect(acct.get(failing.id).sim.status).toBe('FAILED');
		clock.advance(100_000); // alone from 102 s: 10/s
		const alone = attempted(acct.get(steady.id)) - atStart - shared;
		expect(shared).toBeGreaterThanOrEqual(495);
		expect(shared).toBeLessThanOrEqual(505);
		expect(alone).toBeGreaterThanOrEqual(990);
		expect(alone).toBeLessThanOrEqual(1010);
	});

	it('lets a batch created later join and take its fair share from then on', () => {
		const {clock, account: acct} = account(6);
		const early = acct.create({spec: {name: 'early', totalRuns: 50_000} as BatchSpec, creationTime: START});
		clock.advance(50_000);
		const late = acct.create({
			spec: {name: 'late', totalRuns: 50_000} as BatchSpec,
			creationTime: clock.now(),
		});
		clock.advance(2_000); // late is SUBMITTING from now on
		const [early0, late0] = [attempted(acct.get(early.id)), attempted(acct.get(late.id))];
		clock.advance(100_000);
		const [early1, late1] = [attempted(acct.get(early.id)), attempted(acct.get(late.id))];
		expect(early1 - early0 + (late1 - late0)).toBeGreaterThanOrEqual(594);
		expect(early1 - early0 + (late1 - late0)).toBeLessThanOrEqual(606);
		expect(Math.abs(early1 - early0 - (late1 - late0))).toBeLessThanOrEqual(6);
	});

	it('defaults to the documented StartRun quota when a scenario sets none', () => {
		expect(startRunTpsOf(parseScenario({batches: []}, 'none'))).toBe(DOCUMENTED_START_RUN_TPS);
		expect(startRunTpsOf(parseScenario({account: {startRunTps: 5}, batches: []}, 'set'))).toBe(5);
		expect(() => parseScenario({account: {startRunTps: 0}, batches: []}, 'zero')).toThrow(/startRunTps/);
	});
});

describe('SubmissionCurve', () => {
	it('gives each index the time its count is reached, across rate changes', () => {
		const curve = new SubmissionCurve();
		expect(curve.timeOf(0)).toBe(Number.POSITIVE_INFINITY);
		curve.setRate(1000, 2); // 2/s from t = 1 s
		curve.setRate(6000, 5); // count 10 at 6 s, then 5/s
		curve.setRate(8000, 0); // count 20 at 8 s, then stopped
		expect(curve.timeOf(0)).toBe(1000);
		expect(curve.timeOf(4)).toBe(3000);
		expect(curve.timeOf(10)).toBe(6000);
		expect(curve.timeOf(15)).toBe(7000);
		expect(curve.timeOf(20)).toBe(8000); // reached just as it stops
		expect(curve.timeOf(21)).toBe(Number.POSITIVE_INFINITY);
		expect(curve.countAt(7000)).toBe(15);
		expect(() => curve.setRate(7000, 1)).toThrow(RangeError);
	});
});

describe('StartRunQuota against the reference (the first, quadratic implementation)', () => {
	/** A claim for each implementation, with the same numbers and a curve of its own. */
	const twins = (
		submittingAt: number,
		totalRuns: number,
		ceiling: number,
		haltAt: number,
	): [QuotaClaim, QuotaClaim] => [
		{submittingAt, totalRuns, ceiling, haltAt, curve: new SubmissionCurve()},
		{submittingAt, totalRuns, ceiling, haltAt, curve: new SubmissionCurve()},
	];
	const sameTime = (actual: number, expected: number): boolean =>
		actual === expected || Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));

	it.each(Array.from({length: 300}, (_, trial) => trial))(
		'gives every run the same StartRun time for random joins, halts and ceilings (trial %i)',
		(trial) => {
			const random = new SeededSequence(1000 + trial);
			const pick = <T>(values: readonly T[]): T => values[random.int(0, values.length - 1)] as T;
			const tps = pick([0.1, 1, 4, 13, 50]);
			const quota = new StartRunQuota(tps);
			const reference = new ReferenceStartRunQuota(tps);
			const pairs: Array<[QuotaClaim, QuotaClaim]> = [];
			const addClaim = (notBefore: number): void => {
				// Few distinct ceilings and round times, so that groups share members and changes coincide.
				const submittingAt = notBefore + random.int(0, 40) * 1000 * pick([1, 0.5, 0.37]);
				const haltAt =
					random.next() < 0.3 ? submittingAt + random.int(-5, 120) * 1000 : Number.POSITIVE_INFINITY;
				const pair = twins(submittingAt, random.int(1, 80), pick([0.5, 1, 2, 8, 1000]), haltAt);
				quota.add(pair[0]);
				reference.add(pair[1]);
				pairs.push(pair);
			};
			const claims = random.int(1, 14);
			for (let index = 0; index < claims; index++) addClaim(0);
			let now = 0;
			for (let step = 0; step < 12; step++) {
				now += random.int(0, 60) * 1000 * pick([1, 0.25]);
				quota.syncTo(now);
				reference.syncTo(now);
				for (const [claim, expected] of pairs) {
					// Times up to now are final: both must agree on every run submitted by then.
					for (let index = 0; index <= claim.totalRuns; index++) {
						const want = expected.curve.timeOf(index);
						if (want > now) break;
						const got = claim.curve.timeOf(index);
						if (!sameTime(got, want))
							expect({trial, step, index, got}).toEqual({trial, step, index, got: want});
					}
					const at = now - random.int(0, 30) * 1000;
					const want = expected.curve.countAt(at);
					expect(Math.abs(claim.curve.countAt(at) - want)).toBeLessThan(1e-6 * Math.max(1, want));
				}
				if (random.next() < 0.4 && pairs.length > 0) {
					const [claim, expected] = pick(pairs); // a CancelRunBatch at now
					quota.halt(claim, now);
					reference.halt(expected, now);
				}
				if (random.next() < 0.3) addClaim(now);
			}
			const end = 1e9;
			quota.syncTo(end);
			reference.syncTo(end);
			for (const [claim, expected] of pairs) {
				for (let index = 0; index <= claim.totalRuns; index++) {
					const want = expected.curve.timeOf(index);
					const got = claim.curve.timeOf(index);
					if (!sameTime(got, want)) expect({trial, index, got}).toEqual({trial, index, got: want});
				}
			}
		},
	);
});
