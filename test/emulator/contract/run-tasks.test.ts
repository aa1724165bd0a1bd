import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	CancelRunBatchCommand,
	GetRunCommand,
	GetRunTaskCommand,
	ListRunTasksCommand,
	ListRunsInBatchCommand,
	paginateListRunTasks,
	type OmicsClient,
	type TaskListItem,
} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator, type Scenario} from '../../../source/emulator/index.js';
import {omicsClient, rejectionOf} from '../../helpers/omics-test-client.js';
import {DEFAULT_TASK_CATALOG} from '../../../source/emulator/model/task-catalog.js';

const START = Date.parse('2026-11-01T12:00:00Z');
const SCENARIO: Scenario = {
	// Both batches submit at their own rate: the account quota (0.1/s by default) would hold them to a few runs.
	account: {startRunTps: 40},
	defaults: {submitRate: 20, durations: {pending: [1, 5], starting: [5, 20], running: [1200, 2400]}},
	batches: [
		{name: 'tasks', totalRuns: 60, createdAgo: 0, runFailureShare: 0.4, submissionFailureShare: 0},
		{name: 'to-cancel', totalRuns: 20, createdAgo: 0, runFailureShare: 0, submissionFailureShare: 0},
	],
};
const TASK_ORDER: Record<string, number> = {COMPLETED: 0, STARTING: 1, RUNNING: 1, PENDING: 2};
const CATALOG_NAMES = DEFAULT_TASK_CATALOG.map((task) => task.name);

async function runIds(client: OmicsClient, batchId: string): Promise<string[]> {
	const page = await client.send(new ListRunsInBatchCommand({batchId, maxItems: 100}));
	return (page.runs ?? []).flatMap((run) => (run.runId ? [run.runId] : []));
}

async function allTasks(client: OmicsClient, id: string): Promise<TaskListItem[]> {
	const items: TaskListItem[] = [];
	for await (const page of paginateListRunTasks({client, pageSize: 3}, {id}))
		items.push(...(page.items ?? []));
	return items;
}

describe('run tasks through the SDK', () => {
	let emulator: Emulator;
	let client: OmicsClient;
	let runs: string[];
	let cancelRuns: string[];

	beforeAll(async () => {
		emulator = await startEmulator({clock: 'manual', startTime: START, seed: 7, scenario: SCENARIO});
		client = omicsClient(emulator.url);
		emulator.advance(60);
		runs = await runIds(client, emulator.batchIds[0] ?? '');
		cancelRuns = await runIds(client, emulator.batchIds[1] ?? '');
	});
	afterAll(async () => emulator.stop());

	it('task states follow the run state over time; a failed run has a failed task that explains it', async () => {
		const seen = {running: false, mixed: false, completed: 0, failed: 0, named: 0};
		for (let step = 0; step < 40; step += 1) {
			for (const id of runs.slice(0, 30)) {
				const run = await client.send(new GetRunCommand({id}));
				const tasks = await allTasks(client, id);
				const statuses = tasks.map((task) => task.status);
				if (run.status === 'PENDING' || run.status === 'STARTING') expect(tasks).toEqual([]);
				for (const task of tasks) {
					expect(CATALOG_NAMES).toContain(task.name);
					expect(task.creationTime?.getTime()).toBeGreaterThanOrEqual(run.startTime?.getTime() ?? Infinity);
					if (task.startTime)
						expect(task.startTime.getTime()).toBeGreaterThanOrEqual(task.creationTime?.getTime() ?? 0);
					if (task.stopTime) {
						expect(task.stopTime.getTime()).toBeLessThanOrEqual(run.stopTime?.getTime() ?? emulator.now());
						expect(task.stopTime.getTime()).toBeGreaterThanOrEqual(task.startTime?.getTime() ?? 0);
					}
				}
				if (run.status === 'RUNNING') {
					seen.running = true;
					expect(statuses).not.toContain('FAILED');
					expect(statuses).not.toContain('CANCELLED');
					// Completed ones first, at most one starting or running, pending ones after it.
					const order = statuses.map((status) => TASK_ORDER[status ?? '']);
					expect(order).toEqual([...order].sort());
					expect(
						statuses.filter((status) => status === 'RUNNING' || status === 'STARTING').length,
					).toBeLessThanOrEqual(1);
					if (statuses.includes('COMPLETED') && statuses.includes('RUNNING') && statuses.includes('PENDING'))
						seen.mixed = true;
				}
				if (run.status === 'COMPLETED') {
					seen.completed += 1;
					expect(statuses).toEqual(CATALOG_NAMES.map(() => 'COMPLETED'));
					expect(tasks.at(-1)?.stopTime?.getTime()).toBe(run.stopTime?.getTime());
				}
				if (run.status === 'FAILED') {
					seen.failed += 1;
					const failed = tasks.filter((task) => task.status === 'FAILED');
					expect(failed).toHaveLength(1);
					const detail = await client.send(new GetRunTaskCommand({id, taskId: failed[0]?.taskId ?? ''}));
					expect(detail.failureReason).toBe(run.failureReason);
					expect(detail.statusMessage).toBe(run.statusMessage);
					expect(detail.stopTime?.getTime()).toBe(run.stopTime?.getTime());
					const named = /^Task '([^']+)'/.exec(run.statusMessage ?? '')?.[1];
					if (named) {
						seen.named += 1;
						expect(detail.name).toBe(named);
					}
					expect(
						statuses.filter(
							(status) => status !== 'FAILED' && status !== 'COMPLETED' && status !== 'CANCELLED',
						),
					).toEqual([]);
				}
			}
			emulator.advance(90);
		}
		expect(seen.running).toBe(true);
		expect(seen.mixed).toBe(true);
		expect(seen.completed).toBeGreaterThan(0);
		expect(seen.failed).toBeGreaterThan(0);
		expect(seen.named).toBeGreaterThan(0);
	});

	it('GetRunTask agrees with the list item and adds the log stream ARN and image', async () => {
		const id = runs[0] ?? '';
		const [first] = await allTasks(client, id);
		const task = await client.send(new GetRunTaskCommand({id, taskId: first?.taskId ?? ''}));
		expect(task.taskId).toMatch(/^[0-9]{1,18}$/);
		expect(task.name).toBe('fastp');
		expect(task.cpus).toBe(4);
		expect(task.memory).toBe(8);
		expect(task.gpus).toBe(0);
		expect(task.instanceType).toBe('omics.c.xlarge');
		expect(task.creationTime?.getTime()).toBe(first?.creationTime?.getTime());
		expect(task.logStream).toBe(
			`arn:aws:logs:us-east-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/${id}/task/${task.taskId}`,
		);
		expect(task.imageDetails?.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
		const run = await client.send(new GetRunCommand({id}));
		expect(run.logLocation?.engineLogStream).toBe(
			`arn:aws:logs:us-east-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/${id}/engine`,
		);
	});

	it('pages with the SDK paginator without repeats or skips, and filters by status', async () => {
		const id = runs.find(Boolean) ?? '';
		const whole = await client.send(new ListRunTasksCommand({id}));
		const paged = await allTasks(client, id);
		expect(paged.map((task) => task.taskId)).toEqual(whole.items?.map((task) => task.taskId));
		expect(new Set(paged.map((task) => task.taskId)).size).toBe(paged.length);
		expect(paged.length).toBeGreaterThan(3);
		for (const status of ['COMPLETED', 'FAILED', 'CANCELLED', 'PENDING'] as const) {
			const filtered = await client.send(new ListRunTasksCommand({id, status}));
			expect(filtered.items?.map((task) => task.taskId)).toEqual(
				paged.filter((task) => task.status === status).map((task) => task.taskId),
			);
		}
	});

	it('a cancelled run cancels its running and pending tasks, after the cancel', async () => {
		const before = await client.send(new GetRunCommand({id: cancelRuns[0] ?? ''}));
		expect(before.status).toBe('COMPLETED');
		// A fresh emulator: cancel while its runs are running.
		const other = await startEmulator({clock: 'manual', startTime: START, seed: 7, scenario: SCENARIO});
		try {
			const otherClient = omicsClient(other.url);
			other.advance(600);
			const ids = await runIds(otherClient, other.batchIds[1] ?? '');
			const runningTasks = await allTasks(otherClient, ids[0] ?? '');
			expect(runningTasks.map((task) => task.status)).toContain('RUNNING');
			await otherClient.send(new CancelRunBatchCommand({batchId: other.batchIds[1] ?? ''}));
			other.advance(600);
			let cancelled = 0;
			for (const id of ids) {
				const run = await otherClient.send(new GetRunCommand({id}));
				if (run.status !== 'CANCELLED') continue;
				cancelled += 1;
				const tasks = await allTasks(otherClient, id);
				const statuses = new Set(tasks.map((task) => task.status));
				expect([...statuses].every((status) => status === 'COMPLETED' || status === 'CANCELLED')).toBe(true);
				for (const task of tasks.filter((candidate) => candidate.status === 'CANCELLED'))
					expect(task.stopTime?.getTime()).toBe(run.stopTime?.getTime());
			}
			expect(cancelled).toBeGreaterThan(0);
		} finally {
			await other.stop();
		}
	});

	it('the same seed gives the same tasks', async () => {
		const twin = await startEmulator({clock: 'manual', startTime: START, seed: 7, scenario: SCENARIO});
		try {
			twin.advance(emulator.now() - twin.now() + 0);
			const twinClient = omicsClient(twin.url);
			const id = runs[3] ?? '';
			expect(await allTasks(twinClient, id)).toEqual(await allTasks(client, id));
		} finally {
			await twin.stop();
		}
	});

	it('unknown runs and tasks are 404 ResourceNotFoundException; bad input is a 400 ValidationException', async () => {
		const missingRun = await rejectionOf(client.send(new ListRunTasksCommand({id: '999999999'})));
		expect(missingRun.name).toBe('ResourceNotFoundException');
		expect(missingRun.$metadata?.httpStatusCode).toBe(404);
		const missingTask = await rejectionOf(
			client.send(new GetRunTaskCommand({id: runs[0] ?? '', taskId: '1'})),
		);
		expect(missingTask.name).toBe('ResourceNotFoundException');
		const badTask = await rejectionOf(client.send(new GetRunTaskCommand({id: runs[0] ?? '', taskId: 'x1'})));
		expect(badTask.name).toBe('ValidationException');
		const badToken = await rejectionOf(
			client.send(new ListRunTasksCommand({id: runs[0] ?? '', startingToken: 'nope'})),
		);
		expect(badToken.name).toBe('ValidationException');
		const badSize = await rejectionOf(
			client.send(new ListRunTasksCommand({id: runs[0] ?? '', maxResults: 101})),
		);
		expect(badSize.$metadata?.httpStatusCode).toBe(400);
	});
});
