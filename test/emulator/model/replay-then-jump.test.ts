import {describe, expect, it} from 'vitest';
import {resolveParameters} from '../../../source/emulator/model/batch-parameters.js';
import {SimulatedBatch, type CatchUpMode} from '../../../source/emulator/model/simulated-batch.js';

// A batch read every second (small steps: replayed) and then after an hour (a long one: jumped) must
// reach the state of one that only ever replays: the jump picks up runs the replay submitted.

const START = Date.parse('2026-11-01T00:00:00Z');

function batch(mode: CatchUpMode, cancelAt?: number): SimulatedBatch {
	return new SimulatedBatch({
		seed: 1234,
		totalRuns: 3000,
		creationTime: START,
		parameters: resolveParameters({submitRate: 2, submissionFailureShare: 0.1, runFailureShare: 0.2}),
		catchUp: mode,
		...(cancelAt === undefined ? {} : {actions: [{at: cancelAt, do: 'cancel' as const}]}),
	});
}

function observe(sim: SimulatedBatch): unknown {
	const runs: unknown[] = [];
	for (let index = 0; index < sim.totalRuns; index++) {
		runs.push([sim.subCodes[index], sim.runCodes[index], sim.appliedTimeline(index)]);
	}
	return {
		status: sim.status,
		history: sim.history,
		counts: [...sim.runCounts()],
		subs: sim.submissionCounts(),
		runs,
	};
}

describe('a batch replayed in small steps and then jumped', () => {
	for (const cancelAt of [undefined, START + 2 * 3_600_000]) {
		it(`reaches the replay’s state (${cancelAt === undefined ? 'no cancel' : 'cancelled later'})`, () => {
			const reference = batch('replay', cancelAt);
			const mixed = batch('auto', cancelAt);
			for (let second = 1; second <= 600; second++) {
				reference.advanceTo(START + second * 1000);
				mixed.advanceTo(START + second * 1000);
			}
			expect(observe(mixed)).toEqual(observe(reference));
			// Long steps (jumped) of a few minutes and then hours: runs the replay submitted are then mid-flight.
			for (const seconds of [660, 780, 1000, 1500, 2400, 3_600, 10_800, 108_000]) {
				reference.advanceTo(START + seconds * 1000);
				mixed.advanceTo(START + seconds * 1000);
				expect(observe(mixed)).toEqual(observe(reference));
			}
		});
	}
});
