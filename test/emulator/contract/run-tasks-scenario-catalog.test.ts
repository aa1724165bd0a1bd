import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {GetRunCommand, ListRunTasksCommand, ListRunsCommand} from '@aws-sdk/client-omics';
import {Account} from '../../../source/emulator/model/account.js';
import {VirtualClock} from '../../../source/emulator/model/virtual-clock.js';
import {createApiServer} from '../../../source/emulator/http/api-server.js';
import {FaultInjector} from '../../../source/emulator/http/faults.js';
import {PageTokens} from '../../../source/emulator/http/page-token.js';
import {RequestStats} from '../../../source/emulator/http/request-stats.js';
import {parseScenario} from '../../../source/emulator/scenario/load-scenario.js';
import {omicsClient} from '../../helpers/omics-test-client.js';
import type {Server} from 'node:http';

// A scenario's own `tasks` catalogue reaches ListRunTasks. The server is assembled here by hand, as
// start-emulator.ts does, because passing the scenario's catalogue is a line that file has yet to gain.

const scenario = parseScenario(
	{
		tasks: [
			{name: 'align', cpus: 32, memory: 64, weight: 3},
			{name: 'call', cpus: 8, memory: 64, gpus: 1, instanceType: 'omics.g5.2xlarge'},
		],
		defaults: {submitRate: 50, durations: {pending: [1, 2], starting: [1, 2], running: [100, 200]}},
		batches: [{totalRuns: 40, createdAgo: 3600, runFailureShare: 0.5}],
	},
	'object',
);

describe("a scenario's own task catalogue", () => {
	let server: Server;
	let url: string;

	beforeAll(async () => {
		const clock = new VirtualClock({mode: 'manual', startTime: Date.parse('2026-11-01T12:00:00Z')});
		const account = new Account({
			clock,
			seed: 3,
			region: 'us-east-1',
			accountId: '123456789012',
			...(scenario.defaults ? {defaults: scenario.defaults} : {}),
		});
		for (const spec of scenario.batches)
			account.create({spec, creationTime: clock.startTime - (spec.createdAgo ?? 0) * 1000});
		server = createApiServer({
			account,
			clock,
			tokens: new PageTokens(),
			faults: new FaultInjector(),
			stats: new RequestStats(),
			s3SettingsRuns: 1000,
			...(scenario.tasks ? {taskCatalog: scenario.tasks} : {}),
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

	it('runs execute its tasks with its resources; a failure naming a task it lacks still fails there', async () => {
		const client = omicsClient(url);
		const runs = await client.send(new ListRunsCommand({maxResults: 100}));
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
