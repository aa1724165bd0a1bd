import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	CancelRunBatchCommand,
	DeleteBatchCommand,
	DeleteRunBatchCommand,
	GetBatchCommand,
	ListRunsInBatchCommand,
	StartRunBatchCommand,
	type StartRunBatchCommandInput,
} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {omicsClient, rejectionOf} from '../../helpers/omics-test-client.js';
import {expectBatchInvariants} from '../../helpers/batch-invariants.js';

const START = Date.parse('2026-11-01T12:00:00Z');

const startInput = (overrides: Partial<StartRunBatchCommandInput> = {}): StartRunBatchCommandInput => ({
	batchName: 'contract-batch',
	tags: {project: 'contract'},
	defaultRunSetting: {
		workflowId: '1234567',
		roleArn: 'arn:aws:iam::123456789012:role/OmicsRole',
		outputUri: 's3://out/',
	},
	batchRunSettings: {
		inlineSettings: Array.from({length: 12}, (_, index) => ({
			runSettingId: `s-${index}`,
			name: `sample ${index}`,
		})),
	},
	...overrides,
});

describe('batch lifecycle through the SDK', () => {
	let emulator: Emulator;
	let client: ReturnType<typeof omicsClient>;

	beforeAll(async () => {
		emulator = await startEmulator({
			scenario: {
				account: {startRunTps: 100},
				defaults: {
					submitRate: 4,
					durations: {pending: [5, 10], starting: [5, 10], running: [60, 120], stopping: [5, 10]},
				},
				batches: [],
			},
			clock: 'manual',
			startTime: START,
		});
		client = omicsClient(emulator.url);
	});
	afterAll(async () => emulator.stop());

	const get = (batchId: string) => client.send(new GetBatchCommand({batchId}));

	it('StartRunBatch answers 201 with id, arn, CREATING, uuid and tags', async () => {
		const output = await client.send(new StartRunBatchCommand(startInput({requestId: 'req-shape'})));
		expect(output.$metadata.httpStatusCode).toBe(201);
		expect(output.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
		expect(output.id).toMatch(/^[0-9]{7}$/);
		expect(output.arn).toBe(`arn:aws:omics:us-east-1:123456789012:runBatch/${output.id}`);
		expect(output.status).toBe('CREATING');
		expect(output.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(output.tags).toEqual({project: 'contract'});
	});

	it('StartRunBatch is idempotent per requestId, and the SDK fills requestId when omitted', async () => {
		const first = await client.send(new StartRunBatchCommand(startInput({requestId: 'req-same'})));
		const again = await client.send(new StartRunBatchCommand(startInput({requestId: 'req-same'})));
		expect(again.id).toBe(first.id);
		const filled = await client.send(new StartRunBatchCommand(startInput()));
		expect(filled.id).not.toBe(first.id);
	});

	it('a started batch runs its whole life: every instant keeps the invariants, and runs carry the given settings', async () => {
		const {id} = await client.send(new StartRunBatchCommand(startInput()));
		const batchId = id ?? '';
		let previous = await get(batchId);
		expect(previous.defaultRunSetting?.workflowId).toBe('1234567');
		expect(previous.totalRuns).toBe(12);
		const seen = new Set<string>([previous.status ?? '']);
		for (let step = 0; step < 120 && previous.status !== 'PROCESSED'; step++) {
			emulator.advance(3);
			const now = await get(batchId);
			expectBatchInvariants(now, previous);
			seen.add(now.status ?? '');
			previous = now;
		}
		expect([...seen]).toEqual(['CREATING', 'PENDING', 'SUBMITTING', 'INPROGRESS', 'PROCESSED']);
		expect(previous.runSummary?.completedRunCount).toBe(12);
		const entries = await client.send(new ListRunsInBatchCommand({batchId}));
		expect(entries.runs?.map((run) => run.runSettingId)).toEqual(
			Array.from({length: 12}, (_, index) => `s-${index}`),
		);
		expect(
			entries.runs?.every((run) => run.submissionStatus === 'SUCCESS' && /^[0-9]+$/.test(run.runId ?? '')),
		).toBe(true);
	});

	it('CancelRunBatch answers 202, the batch goes STOPPING then CANCELLED, and a second cancel is a 409', async () => {
		// 100 runs at 4 StartRun/s keep the batch SUBMITTING from at most 11 s to at least 29 s.
		const hundred = {inlineSettings: Array.from({length: 100}, (_, index) => ({runSettingId: `c-${index}`}))};
		const {id} = await client.send(new StartRunBatchCommand(startInput({batchRunSettings: hundred})));
		const batchId = id ?? '';
		emulator.advance(12);
		expect((await get(batchId)).status).toBe('SUBMITTING');
		const cancelled = await client.send(new CancelRunBatchCommand({batchId}));
		expect(cancelled.$metadata.httpStatusCode).toBe(202);
		const stopping = await get(batchId);
		expect(stopping.status).toBe('STOPPING');
		const again = await rejectionOf(client.send(new CancelRunBatchCommand({batchId})));
		expect(again.name).toBe('ConflictException');
		expect(again.$metadata?.httpStatusCode).toBe(409);
		emulator.advance(120);
		const done = await get(batchId);
		expectBatchInvariants(done, stopping);
		expect(done.status).toBe('CANCELLED');
		expect(done.submittedTime).toBeUndefined();
		expect(done.submissionSummary?.successfulCancelSubmissionCount).toBe(
			done.submissionSummary?.successfulStartSubmissionCount,
		);
		expect(done.runSummary?.cancelledRunCount).toBe(done.submissionSummary?.successfulStartSubmissionCount);
	});

	it('CancelRunBatch on a PROCESSED batch, and on CREATING, is a 409', async () => {
		const {id} = await client.send(new StartRunBatchCommand(startInput()));
		const batchId = id ?? '';
		const early = await rejectionOf(client.send(new CancelRunBatchCommand({batchId})));
		expect(early.name).toBe('ConflictException');
		emulator.advance(3600);
		expect((await get(batchId)).status).toBe('PROCESSED');
		const late = await rejectionOf(client.send(new CancelRunBatchCommand({batchId})));
		expect(late.name).toBe('ConflictException');
		expect(late.message).toContain('PROCESSED');
	});

	it('DeleteRunBatch: 409 while INPROGRESS, 202 once PROCESSED, then RUNS_DELETING -> RUNS_DELETED with every run deleted', async () => {
		const {id} = await client.send(new StartRunBatchCommand(startInput()));
		const batchId = id ?? '';
		emulator.advance(20);
		const busy = await rejectionOf(client.send(new DeleteRunBatchCommand({batchId})));
		expect(busy.name).toBe('ConflictException');
		emulator.advance(3600);
		const accepted = await client.send(new DeleteRunBatchCommand({batchId}));
		expect(accepted.$metadata.httpStatusCode).toBe(202);
		expect((await get(batchId)).status).toBe('RUNS_DELETING');
		const second = await rejectionOf(client.send(new DeleteRunBatchCommand({batchId})));
		expect(second.name).toBe('ConflictException');
		emulator.advance(60);
		const done = await get(batchId);
		expect(done.status).toBe('RUNS_DELETED');
		expect(done.runSummary?.deletedRunCount).toBe(12);
		expect(done.submissionSummary?.successfulDeleteSubmissionCount).toBe(12);
		expect(done.processedTime).toBeDefined();
		const entries = await client.send(
			new ListRunsInBatchCommand({batchId, submissionStatus: 'DELETE_SUCCESS'}),
		);
		expect(entries.runs).toHaveLength(12);
	});

	it('DeleteBatch: 409 while active, 202 with an empty body when finished, then 404 everywhere', async () => {
		const {id} = await client.send(new StartRunBatchCommand(startInput()));
		const batchId = id ?? '';
		const active = await rejectionOf(client.send(new DeleteBatchCommand({batchId})));
		expect(active.name).toBe('ConflictException');
		emulator.advance(3600);
		const deleted = await client.send(new DeleteBatchCommand({batchId}));
		expect(deleted.$metadata.httpStatusCode).toBe(202);
		for (const call of [
			() => get(batchId),
			() => client.send(new DeleteBatchCommand({batchId})),
			() => client.send(new CancelRunBatchCommand({batchId})),
			() => client.send(new DeleteRunBatchCommand({batchId})),
			() => client.send(new ListRunsInBatchCommand({batchId})),
		]) {
			const error = await rejectionOf(call());
			expect(error.name).toBe('ResourceNotFoundException');
			expect(error.$metadata?.httpStatusCode).toBe(404);
		}
	});

	it('s3UriSettings creates a batch of the configured synthetic size', async () => {
		const output = await client.send(
			new StartRunBatchCommand(startInput({batchRunSettings: {s3UriSettings: 's3://bucket/settings.json'}})),
		);
		const batch = await get(output.id ?? '');
		expect(batch.totalRuns).toBe(1000);
	});
});
