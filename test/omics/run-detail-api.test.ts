import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ListRunsCommand} from '@aws-sdk/client-omics';
import {CloudWatchLogsClient, GetLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {parseFaultSpecs, startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import {createOmicsClient} from '../../source/omics/omics-client.js';
import {createRunDetailApi} from '../../source/omics/run-detail-api.js';
import {parseLogStreamArn} from '../../source/domain/run-detail.js';
import {FAST_ACCOUNT, FAST_DEFAULTS} from '../helpers/fast-scenario.js';
import {omicsClient, omicsRejection} from '../helpers/omics-test-client.js';

const SCENARIO: Scenario = {
	seed: 11,
	account: FAST_ACCOUNT,
	defaults: {
		...FAST_DEFAULTS,
		durations: {...FAST_DEFAULTS?.durations, running: [5, 10]},
	} as Scenario['defaults'],
	batches: [{name: 'fails', totalRuns: 30, runFailureShare: 0.5}],
};

describe('the run-detail API against the emulator (real SDK)', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({scenario: SCENARIO, speed: 1000, catchUpFirst: true});
	});
	afterAll(async () => emulator.stop());
	const connection = () => ({
		endpointUrl: emulator.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'a', secretAccessKey: 'b'},
		direct: true,
	});

	it('reads GetRun essentials, the failed task as GetRunTask states it, and the tail of its log', async () => {
		const batchId = emulator.batchIds[0] ?? '';
		const failed = await omicsClient(emulator.url).send(new ListRunsCommand({batchId, status: 'FAILED'}));
		const runId = failed.items?.[0]?.id ?? '';
		expect(runId).toMatch(/^\d+$/);
		const api = createRunDetailApi(createOmicsClient(connection()), {logsConnection: connection()});
		const run = await api.getRunDetail(runId);
		expect(run).toMatchObject({id: runId, status: 'FAILED', batchId});
		expect(run.failureReason).toBeTruthy();
		const tasks = await api.failedTaskIdsPage(runId);
		expect(tasks.items).toHaveLength(1);
		const task = await api.getTask(runId, tasks.items[0] ?? '');
		expect(task.status).toBe('FAILED');
		expect(task.failureReason).toBe(run.failureReason);
		expect(task.cpus).toBeGreaterThan(0);
		expect(parseLogStreamArn(task.logStream ?? '')).toMatchObject({
			group: '/aws/omics/WorkflowLog',
			stream: `run/${runId}/task/${task.taskId}`,
		});
		// The whole stream, read from its head with the Logs SDK itself: the tail is its last lines.
		const logs = new CloudWatchLogsClient({
			endpoint: emulator.url,
			region: 'us-east-1',
			credentials: {accessKeyId: 'a', secretAccessKey: 'b'},
		});
		const whole = await logs.send(
			new GetLogEventsCommand({
				logGroupName: '/aws/omics/WorkflowLog',
				logStreamName: `run/${runId}/task/${task.taskId}`,
				startFromHead: true,
				limit: 10_000,
			}),
		);
		const messages = (whole.events ?? []).map((event) => event.message);
		expect(messages.length).toBeGreaterThan(10);
		const tail = await api.logTail(task.logStream ?? '', {limit: 5});
		expect(tail.lines.map((line) => line.message)).toEqual(messages.slice(-5));
		const older = await api.logTail(task.logStream ?? '', {
			limit: 5,
			...(tail.olderToken ? {olderToken: tail.olderToken} : {}),
		});
		expect(older.lines.map((line) => line.message)).toEqual(messages.slice(-10, -5));
		const runSettingId = await api.runSettingIdOf(batchId, runId);
		expect(runSettingId).toBeTruthy();
	});

	it('a denied GetLogEvents is an access-denied error naming logs:GetLogEvents', async () => {
		const batchId = emulator.batchIds[0] ?? '';
		const failed = await omicsClient(emulator.url).send(new ListRunsCommand({batchId, status: 'FAILED'}));
		const runId = failed.items?.[0]?.id ?? '';
		const api = createRunDetailApi(createOmicsClient(connection()), {logsConnection: connection()});
		const run = await api.getRunDetail(runId);
		emulator.setFaults(parseFaultSpecs(['GetLogEvents:deny=1']));
		try {
			const error = await omicsRejection(api.logTail(run.engineLogStream ?? ''));
			expect(error.kind).toBe('access-denied');
			expect(error.action).toBe('logs:GetLogEvents');
			expect(error.message).toContain('logs:GetLogEvents');
		} finally {
			emulator.setFaults({});
		}
	});

	it('hostile text: nothing the API layer returns holds a control or bidi character', async () => {
		const hostile = await startEmulator({scenario: 'hostile', speed: 1000, catchUpFirst: true});
		try {
			const client = createOmicsClient({...connection(), endpointUrl: hostile.url});
			const api = createRunDetailApi(client, {logsConnection: {...connection(), endpointUrl: hostile.url}});
			let read = 0;
			for (const batchId of hostile.batchIds) {
				const failed = await omicsClient(hostile.url).send(new ListRunsCommand({batchId, status: 'FAILED'}));
				for (const item of (failed.items ?? []).slice(0, 3)) {
					const run = await api.getRunDetail(item.id ?? '');
					const taskId = (await api.failedTaskIdsPage(run.id)).items[0];
					const task = taskId ? await api.getTask(run.id, taskId) : undefined;
					const tail = await api.logTail(task?.logStream ?? run.engineLogStream ?? '');
					// Under a page of lines: nothing older to read.
					if (tail.lines.length < 100) expect(tail.olderToken).toBeUndefined();
					const all = JSON.stringify([run, task, tail, await api.runSettingIdOf(batchId, run.id)]);
					expect(all).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\\u00/);
					read++;
				}
			}
			expect(read).toBeGreaterThan(0);
		} finally {
			await hostile.stop();
		}
	});

	it('parses a log stream ARN and refuses anything else', () => {
		expect(
			parseLogStreamArn(
				'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/1/task/2',
			),
		).toEqual({
			region: 'eu-west-1',
			account: '123456789012',
			group: '/aws/omics/WorkflowLog',
			stream: 'run/1/task/2',
		});
		expect(parseLogStreamArn('arn:aws:omics:eu-west-1:123456789012:run/1')).toBeUndefined();
	});
});
