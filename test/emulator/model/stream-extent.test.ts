import {describe, expect, it} from 'vitest';
import {Account} from '../../../source/emulator/model/account.js';
import {planRunTasks} from '../../../source/emulator/model/run-tasks.js';
import {runStreams, streamExtent, streamLines} from '../../../source/emulator/model/run-logs.js';
import {Run} from '../../../source/emulator/model/statuses.js';
import {DEFAULT_TASK_CATALOG} from '../../../source/emulator/model/task-catalog.js';
import {VirtualClock} from '../../../source/emulator/model/virtual-clock.js';
import type {Scenario} from '../../../source/emulator/scenario/scenario-schema.js';

// DescribeLogStreams orders by a stream's last event without making its lines: the extent computed from
// the schedule must be exactly what the lines give, for every kind of stream and every fate, at many moments.

const START = Date.parse('2026-11-01T00:00:00Z');
const SCENARIO: Scenario = {
	defaults: {
		submitRate: 20,
		durations: {pending: [1, 20], starting: [5, 30], running: [60, 900], stopping: [5, 60]},
	},
	batches: [
		{name: 'mixed', totalRuns: 120, runFailureShare: 0.3, submissionFailureShare: 0.05},
		{name: 'cancelled', totalRuns: 80, runFailureShare: 0.2, actions: [{at: 200, do: 'cancel'}]},
		{name: 'deleted', totalRuns: 40, actions: [{at: 400, do: 'deleteRuns'}]},
	],
};

describe('streamExtent', () => {
	it("gives each stream's first and last line times, as its lines do, through every run's life", () => {
		const clock = new VirtualClock({mode: 'manual', startTime: START});
		const account = new Account({
			clock,
			seed: 17,
			region: 'us-east-1',
			accountId: '123456789012',
			...(SCENARIO.defaults ? {defaults: SCENARIO.defaults} : {}),
		});
		for (const spec of SCENARIO.batches) account.create({spec, creationTime: START});
		const catalogs = [
			undefined,
			[
				DEFAULT_TASK_CATALOG[0],
				{name: 'bwa_mem', cpus: 16, memory: 32, weight: 5},
				{name: 'tool_x', cpus: 2, memory: 4},
			],
		];
		let compared = 0;
		for (let step = 0; step < 40; step += 1) {
			clock.advance(37_000 + ((step * 7919) % 13_000));
			const now = clock.now();
			for (const record of account.all()) {
				record.sim.advanceTo(now);
				for (let index = 0; index < record.sim.totalRuns; index += 1) {
					if (record.sim.runCodes[index] === Run.NONE) continue;
					const catalog = catalogs[index % 2] as typeof DEFAULT_TASK_CATALOG | undefined;
					const plans = planRunTasks(record, index, catalog);
					for (const stream of runStreams(record, index, now, catalog, plans)) {
						const lines = streamLines(record, index, stream, now, catalog, plans);
						const expected =
							lines.length === 0 ? undefined : {first: lines[0]?.timestamp, last: lines.at(-1)?.timestamp};
						expect(
							streamExtent(record, index, stream, now, catalog, plans),
							`${record.name ?? ''} ${index} ${JSON.stringify(stream)}`,
						).toEqual(expected);
						compared += 1;
					}
				}
			}
		}
		expect(compared).toBeGreaterThan(10_000);
	});
});
