import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	GetBatchCommand,
	GetRunCommand,
	ListBatchCommand,
	ListRunsCommand,
	ListRunsInBatchCommand,
	paginateListBatch,
	paginateListRunsInBatch,
} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {omicsClient, rejectionOf} from '../../helpers/omics-test-client.js';

const START = Date.parse('2026-11-01T12:00:00Z');

describe('read operations through the SDK', () => {
	let emulator: Emulator;
	let client: ReturnType<typeof omicsClient>;
	let ids: Record<string, string>;

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			startTime: START,
			scenario: {
				account: {startRunTps: 1000},
				defaults: {submitRate: 50, durations: {pending: [1, 5], starting: [1, 5], running: [30, 90]}},
				batches: [
					{
						name: 'done-with-failures',
						totalRuns: 300,
						createdAgo: 7200,
						runFailureShare: 0.2,
						submissionFailureShare: 0.1,
						runGroupId: '7777',
						runSettingIdPrefix: 'smp-',
					},
					{name: 'running', totalRuns: 5000, createdAgo: 30, submitRate: 10},
					...Array.from({length: 25}, (_, index) => ({
						name: `filler-${index}`,
						totalRuns: 3,
						createdAgo: 10_000 + index * 60,
					})),
				],
			},
		});
		client = omicsClient(emulator.url);
		const [done = '', running = ''] = emulator.batchIds;
		ids = {done, running};
	});
	afterAll(async () => emulator.stop());

	it('GetBatch returns every field with ISO timestamps parsed into Dates', async () => {
		const batch = await client.send(new GetBatchCommand({batchId: ids['done'] ?? ''}));
		expect(batch.status).toBe('PROCESSED');
		expect(batch.name).toBe('done-with-failures');
		expect(batch.arn).toMatch(/^arn:aws:omics:us-east-1:123456789012:runBatch\/[0-9]+$/);
		expect(batch.creationTime?.getTime()).toBe(START - 7200 * 1000);
		expect(batch.submittedTime).toBeInstanceOf(Date);
		expect(batch.processedTime).toBeInstanceOf(Date);
		expect(batch.defaultRunSetting?.runGroupId).toBe('7777');
		expect(batch.submissionSummary?.failedStartSubmissionCount).toBeGreaterThan(10);
		expect(batch.runSummary?.failedRunCount).toBeGreaterThan(20);
	});

	it('ListBatch lists newest first, uses createdAt, and pages with the SDK paginator', async () => {
		const first = await client.send(new ListBatchCommand({maxItems: 10}));
		expect(first.items).toHaveLength(10);
		expect(first.nextToken).toBeTruthy();
		expect(first.items?.[0]?.name).toBe('running');
		expect(first.items?.[0]?.createdAt).toBeInstanceOf(Date);
		expect(first.items?.[0]?.workflowId).toMatch(/^[0-9]+$/);
		const names: string[] = [];
		for await (const page of paginateListBatch({client, pageSize: 7}, {}))
			names.push(...(page.items ?? []).map((item) => item.name ?? ''));
		expect(names).toHaveLength(27);
		expect(new Set(names).size).toBe(27);
		// Fillers were created 60 s apart, newest (filler-0) first.
		expect(names.filter((name) => name.startsWith('filler-')).slice(0, 3)).toEqual([
			'filler-0',
			'filler-1',
			'filler-2',
		]);
	});

	it('ListBatch filters by status, name or runGroupId (one at a time)', async () => {
		const inProgress = await client.send(new ListBatchCommand({status: 'SUBMITTING'}));
		expect(inProgress.items?.map((item) => item.name)).toEqual(['running']);
		const byName = await client.send(new ListBatchCommand({name: 'filler-3'}));
		expect(byName.items).toHaveLength(1);
		const byGroup = await client.send(new ListBatchCommand({runGroupId: '7777'}));
		expect(byGroup.items?.map((item) => item.name)).toEqual(['done-with-failures']);
		const two = await rejectionOf(client.send(new ListBatchCommand({status: 'PROCESSED', name: 'x'})));
		expect(two.name).toBe('ValidationException');
		expect(two.message).toMatch(/one filter/i);
	});

	it('ListRunsInBatch lists attempted entries with runId for started runs and reasons for failed submissions', async () => {
		const batchId = ids['done'] ?? '';
		const all: Array<{runSettingId?: string; runId?: string; submissionStatus?: string}> = [];
		for await (const page of paginateListRunsInBatch({client, pageSize: 100}, {batchId}))
			all.push(...(page.runs ?? []));
		expect(all).toHaveLength(300);
		expect(all[0]?.runSettingId).toBe('smp-0001');
		const failed = await client.send(new ListRunsInBatchCommand({batchId, submissionStatus: 'FAILED'}));
		expect(failed.runs?.length).toBeGreaterThan(10);
		for (const run of failed.runs ?? []) {
			expect(run.runId).toBeUndefined();
			expect(run.submissionFailureReason).toMatch(/Exception$/);
			expect(run.submissionFailureMessage).toBeTruthy();
		}
		const started = all.find((run) => run.submissionStatus === 'SUCCESS');
		const byRunId = await client.send(new ListRunsInBatchCommand({batchId, runId: started?.runId ?? ''}));
		expect(byRunId.runs?.map((run) => run.runSettingId)).toEqual([started?.runSettingId]);
		const bySetting = await client.send(new ListRunsInBatchCommand({batchId, runSettingId: 'smp-0002'}));
		expect(bySetting.runs?.map((run) => run.runSettingId)).toEqual(['smp-0002']);
		const none = await client.send(new ListRunsInBatchCommand({batchId, runSettingId: 'nope'}));
		expect(none.runs).toEqual([]);
		const two = await rejectionOf(
			client.send(new ListRunsInBatchCommand({batchId, runId: '1', runSettingId: 'x'})),
		);
		expect(two.name).toBe('ValidationException');
	});

	it('ListRuns with batchId and status=FAILED, then GetRun, give failure reasons for every failed run', async () => {
		const batchId = ids['done'] ?? '';
		const failedCount = (await client.send(new GetBatchCommand({batchId}))).runSummary?.failedRunCount ?? 0;
		let token: string | undefined;
		const failed: Array<{id?: string; status?: string; batchId?: string}> = [];
		do {
			const page = await client.send(
				new ListRunsCommand({batchId, status: 'FAILED', maxResults: 7, startingToken: token}),
			);
			failed.push(...(page.items ?? []));
			token = page.nextToken;
		} while (token);
		expect(failed).toHaveLength(failedCount);
		expect(failed.every((run) => run.status === 'FAILED' && run.batchId === batchId)).toBe(true);
		const run = await client.send(new GetRunCommand({id: failed[0]?.id ?? ''}));
		expect(run.status).toBe('FAILED');
		expect(run.failureReason).toBeTruthy();
		expect(run.statusMessage).toBeTruthy();
		expect(run.batchId).toBe(batchId);
		expect(run.stopTime?.getTime()).toBeGreaterThan(run.startTime?.getTime() ?? Infinity);
		expect(run.creationTime?.getTime()).toBeLessThanOrEqual(run.startTime?.getTime() ?? 0);
	});

	it('ListRuns filters by run name', async () => {
		const named = await client.send(new ListRunsCommand({name: 'smp-0002'}));
		expect(named.items?.map((run) => run.name)).toEqual(['smp-0002']);
		expect((await client.send(new ListRunsCommand({name: 'nobody'}))).items).toEqual([]);
	});

	it('ListRuns without filters spans batches; GetRun of an unknown id is a 404', async () => {
		const page = await client.send(new ListRunsCommand({maxResults: 100}));
		expect(page.items).toHaveLength(100);
		expect(page.nextToken).toBeTruthy();
		const missing = await rejectionOf(client.send(new GetRunCommand({id: '999999999999'})));
		expect(missing.name).toBe('ResourceNotFoundException');
	});

	it('a batch moves on as virtual time passes', async () => {
		const batchId = ids['running'] ?? '';
		const before = await client.send(new GetBatchCommand({batchId}));
		emulator.advance(60);
		const after = await client.send(new GetBatchCommand({batchId}));
		expect(after.submissionSummary?.successfulStartSubmissionCount).toBeGreaterThan(
			before.submissionSummary?.successfulStartSubmissionCount ?? 0,
		);
	});
});
