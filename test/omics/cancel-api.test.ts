import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {GetBatchCommand} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import {CancelConflictError, createCancelApi} from '../../source/omics/cancel-api.js';
import {createOmicsClient} from '../../source/omics/omics-client.js';
import {createBatchCanceller} from '../../source/poller/batch-canceller.js';
import {FAST_ACCOUNT, LONG_RUNNING_DEFAULTS} from '../helpers/fast-scenario.js';
import {omicsClient, omicsRejection} from '../helpers/omics-test-client.js';

const SCENARIO: Scenario = {
	seed: 5,
	account: FAST_ACCOUNT,
	defaults: LONG_RUNNING_DEFAULTS,
	batches: [
		{name: 'running-long', totalRuns: 40},
		{name: 'done-already', totalRuns: 3, createdAgo: 100_000},
		{name: 'cancel-twice', totalRuns: 40},
	],
};

/** Polls an async check until it holds (waitFor's checks are synchronous). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
	const deadline = Date.now() + 20_000;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('CancelRunBatch through the real SDK against the emulator', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({scenario: SCENARIO, speed: 20, catchUpFirst: true});
	});
	afterAll(async () => emulator.stop());
	const client = () =>
		createOmicsClient({
			endpointUrl: emulator.url,
			region: 'us-east-1',
			credentials: {accessKeyId: 'a', secretAccessKey: 'b'},
			direct: true,
		});
	const statusOf = async (batchId: string) =>
		(await omicsClient(emulator.url).send(new GetBatchCommand({batchId}))).status;
	const idOf = (index: number) => emulator.batchIds[index] ?? '';

	it('cancels a running batch: the service accepts it and the batch goes STOPPING, then CANCELLED', async () => {
		const batchId = idOf(0);
		await until(
			async () => ['SUBMITTING', 'INPROGRESS'].includes((await statusOf(batchId)) ?? ''),
			'the batch running',
		);
		const canceller = createBatchCanceller(createCancelApi(client()));
		expect(await canceller.cancel(batchId)).toEqual({kind: 'sent'});
		expect(['STOPPING', 'CANCELLED']).toContain(await statusOf(batchId));
		await until(async () => (await statusOf(batchId)) === 'CANCELLED', 'the batch CANCELLED');
		canceller.close();
	});

	it('a batch past cancelling is refused with ConflictException, explained with the service reason', async () => {
		const batchId = idOf(1);
		await until(async () => (await statusOf(batchId)) === 'PROCESSED', 'the old batch PROCESSED');
		const error = await omicsRejection(createCancelApi(client()).cancelBatch(batchId));
		expect(error).toBeInstanceOf(CancelConflictError);
		expect(error.details).toMatchObject({
			code: 'ConflictException',
			httpStatus: 409,
			operation: 'CancelRunBatch',
		});
		const outcome = await createBatchCanceller(createCancelApi(client())).cancel(batchId);
		expect(outcome).toEqual({kind: 'conflict', message: expect.stringContaining('PROCESSED')});
		expect(await statusOf(batchId)).toBe('PROCESSED');
	});

	it('a second cancel while the first is stopping the batch is a conflict, not a second write', async () => {
		const batchId = idOf(2);
		await until(
			async () => ['SUBMITTING', 'INPROGRESS'].includes((await statusOf(batchId)) ?? ''),
			'the batch running',
		);
		const canceller = createBatchCanceller(createCancelApi(client()));
		expect(await canceller.cancel(batchId)).toEqual({kind: 'sent'});
		const again = await canceller.cancel(batchId);
		expect(again.kind).toBe('conflict');
		canceller.close();
	});

	it('an unknown batch is refused with the typed not-found error', async () => {
		const outcome = await createBatchCanceller(createCancelApi(client())).cancel('9999999');
		expect(outcome).toEqual({kind: 'refused', message: 'not found: batch 9999999'});
	});
});
