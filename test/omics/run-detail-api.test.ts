import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ListRunsCommand} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import {createOmicsClient} from '../../source/omics/omics-client.js';
import {createRunDetailApi} from '../../source/omics/run-detail-api.js';
import {parseLogStreamArn} from '../../source/domain/run-detail.js';
import {FAST_ACCOUNT, FAST_DEFAULTS} from '../helpers/fast-scenario.js';
import {omicsClient} from '../helpers/omics-test-client.js';

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
		const tail = await api.logTail(task.logStream ?? '', {limit: 5});
		expect(tail.lines.length).toBeGreaterThan(0);
		expect(tail.lines.length).toBeLessThanOrEqual(5);
		const runSettingId = await api.runSettingIdOf(batchId, runId);
		expect(runSettingId).toBeTruthy();
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
