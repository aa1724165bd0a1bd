import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CloudWatchLogsClient, GetLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {
	GetRunCommand,
	GetRunTaskCommand,
	ListRunsInBatchCommand,
	ListRunTasksCommand,
	type GetRunCommandOutput,
	type TaskListItem,
} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator, type Scenario} from '../../../source/emulator/index.js';
import {omicsClient} from '../../helpers/omics-test-client.js';

// A failed run's reason must be plausible for that run, and stated alike in GetRun, in its failed task
// (GetRunTask) and in its logs: a TIMEOUT is the task's own time limit, not a 168-hour cap on a run of
// minutes; STORAGE_FULL gives a STATIC run's real capacity and never tells a
// DYNAMIC run to raise a storageCapacity it does not have; a missing input fails the first task.
const START = Date.parse('2026-11-01T12:00:00Z');
const GROUP = '/aws/omics/WorkflowLog';
const SCENARIO: Scenario = {
	account: {startRunTps: 1000},
	defaults: {
		submitRate: 100,
		runFailureShare: 1,
		submissionFailureShare: 0,
		durations: {pending: [1, 2], starting: [1, 2], running: [300, 3000]},
	},
	batches: [
		{name: 'dynamic', totalRuns: 150, storageType: 'DYNAMIC'},
		{name: 'static', totalRuns: 150, storageType: 'STATIC'},
	],
};

interface Failed {
	readonly batch: 'dynamic' | 'static';
	readonly run: GetRunCommandOutput;
	readonly tasks: TaskListItem[];
	readonly task?: {
		name?: string;
		statusMessage?: string;
		failureReason?: string;
		startTime?: Date;
		stopTime?: Date;
	};
	readonly taskLogLast?: string;
	readonly runLog: string[];
}

describe('failure texts that fit the run', () => {
	let emulator: Emulator;
	const failed: Failed[] = [];

	beforeAll(async () => {
		emulator = await startEmulator({clock: 'manual', startTime: START, seed: 5, scenario: SCENARIO});
		emulator.advance(4 * 3600);
		const client = omicsClient(emulator.url);
		const logs = new CloudWatchLogsClient({
			endpoint: emulator.url,
			region: 'us-east-1',
			credentials: {accessKeyId: 'x', secretAccessKey: 'x'},
			maxAttempts: 1,
		});
		const lastLine = async (logStreamName: string): Promise<string | undefined> =>
			(await logs.send(new GetLogEventsCommand({logGroupName: GROUP, logStreamName, limit: 1}))).events?.[0]
				?.message;
		const lines = async (logStreamName: string): Promise<string[]> =>
			(
				(await logs.send(new GetLogEventsCommand({logGroupName: GROUP, logStreamName, limit: 100}))).events ??
				[]
			).map((event) => event.message ?? '');
		for (const [position, batch] of (['dynamic', 'static'] as const).entries()) {
			let token: string | undefined;
			do {
				const page = await client.send(
					new ListRunsInBatchCommand({batchId: emulator.batchIds[position] ?? '', startingToken: token}),
				);
				for (const entry of page.runs ?? []) {
					const id = entry.runId ?? '';
					const run = await client.send(new GetRunCommand({id}));
					if (run.status !== 'FAILED') continue;
					const tasks = (await client.send(new ListRunTasksCommand({id}))).items ?? [];
					const failedTask = tasks.find((task) => task.status === 'FAILED');
					const task = failedTask
						? await client.send(new GetRunTaskCommand({id, taskId: failedTask.taskId ?? ''}))
						: undefined;
					failed.push({
						batch,
						run,
						tasks,
						...(task ? {task, taskLogLast: await lastLine(`run/${id}/task/${task.taskId ?? ''}`)} : {}),
						runLog: await lines(`run/${id}/run`),
					});
				}
				token = page.nextToken;
			} while (token);
		}
	});
	afterAll(async () => emulator.stop());

	const withReason = (reason: string): Failed[] =>
		failed.filter((entry) => entry.run.failureReason === reason);

	it('states each failure alike in GetRun, GetRunTask and the logs', () => {
		expect(failed.length).toBeGreaterThan(200);
		for (const {run, task, taskLogLast, runLog} of failed) {
			expect(runLog).toContain(`Run ${run.id} status FAILED: ${run.failureReason}: ${run.statusMessage}`);
			if (!task) continue;
			expect(task.failureReason).toBe(run.failureReason);
			expect(task.statusMessage).toBe(run.statusMessage);
			const exit = /exited with status (\d+): (.*)$/.exec(run.statusMessage ?? '');
			expect(taskLogLast).toBe(exit ? `${exit[2]} (exit status ${exit[1]})` : `ERROR: ${run.statusMessage}`);
		}
	});

	it('attributes a TIMEOUT to the failed task’s own limit, not to a run-wide cap the run never reached', () => {
		const timeouts = withReason('TIMEOUT');
		expect(timeouts.length).toBeGreaterThan(0);
		for (const {run, task} of timeouts) {
			// These runs lasted minutes: no 168-hour (or any run-wide) maximum is claimed.
			expect((run.stopTime?.getTime() ?? 0) - (run.startTime?.getTime() ?? 0)).toBeLessThan(3_600_000);
			expect(run.statusMessage).not.toMatch(/168 hours|maximum run time/);
			expect(run.statusMessage).toBe('Task exceeded the time limit its workflow sets for it and was stopped');
			expect(task?.statusMessage).toBe(run.statusMessage);
		}
	});

	it('never tells a DYNAMIC run to raise its storageCapacity; a STATIC run’s message states its capacity', () => {
		const dynamic = withReason('STORAGE_FULL').filter((entry) => entry.batch === 'dynamic');
		const fixed = withReason('STORAGE_FULL').filter((entry) => entry.batch === 'static');
		expect(dynamic.length).toBeGreaterThan(0);
		expect(fixed.length).toBeGreaterThan(0);
		for (const {run} of dynamic) {
			expect(run.storageType).toBe('DYNAMIC');
			expect(run.statusMessage).not.toMatch(/storageCapacity|GiB used of/);
			expect(run.statusMessage).toBe('Run storage is full: dynamic run storage could not grow any further');
		}
		for (const {run} of fixed) {
			expect(run.storageType).toBe('STATIC');
			const gib = run.storageCapacity ?? 0;
			expect(run.statusMessage).toBe(
				`Run storage is full: ${gib} GiB used of ${gib} GiB; increase storageCapacity`,
			);
		}
	});

	it('fails a missing input in the first task, before any task completed', () => {
		const missing = withReason('INPUT_NOT_FOUND');
		expect(missing.length).toBeGreaterThan(0);
		for (const {tasks} of missing) {
			expect(tasks[0]?.status).toBe('FAILED');
			expect(tasks.filter((task) => task.status === 'COMPLETED')).toEqual([]);
		}
	});
});
