import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {GetRunCommand, ListRunTasksCommand, ListRunsCommand} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator, type Scenario} from '../../../source/emulator/index.js';
import {omicsClient} from '../../helpers/omics-test-client.js';

// A scenario's own `tasks` catalogue reaches ListRunTasks through startEmulator, as a user's scenario file does.

const SCENARIO: Scenario = {
	tasks: [
		{name: 'align', cpus: 32, memory: 64, weight: 3},
		{name: 'call', cpus: 8, memory: 64, gpus: 1, instanceType: 'omics.g5.2xlarge'},
	],
	defaults: {submitRate: 50, durations: {pending: [1, 2], starting: [1, 2], running: [100, 200]}},
	batches: [{totalRuns: 40, createdAgo: 3600, runFailureShare: 0.5}],
};

describe("a scenario's own task catalogue", () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			startTime: Date.parse('2026-11-01T12:00:00Z'),
			seed: 3,
			scenario: SCENARIO,
		});
	});
	afterAll(async () => emulator.stop());

	it('runs execute its tasks with its resources; a failure naming a task it lacks still fails there', async () => {
		const client = omicsClient(emulator.url);
		const runs = await client.send(new ListRunsCommand({maxResults: 100}));
		expect(runs.items?.length).toBeGreaterThan(0);
		let failedNamed = 0;
		for (const item of runs.items ?? []) {
			const tasks = (await client.send(new ListRunTasksCommand({id: item.id ?? ''}))).items ?? [];
			expect(tasks.slice(0, 2).map((task) => task.name)).toEqual(['align', 'call']);
			expect(tasks[0]).toMatchObject({cpus: 32, memory: 64, gpus: 0, instanceType: 'omics.c.8xlarge'});
			expect(tasks[1]).toMatchObject({gpus: 1, instanceType: 'omics.g5.2xlarge'});
			const run = await client.send(new GetRunCommand({id: item.id ?? ''}));
			const named = /^Task '([^']+)'/.exec(run.statusMessage ?? '')?.[1];
			if (run.status === 'FAILED' && named) {
				failedNamed += 1;
				expect(tasks.find((task) => task.status === 'FAILED')?.name).toBe(named);
			}
		}
		expect(failedNamed).toBeGreaterThan(0);
	});
});
