import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {GetBatchCommand, ListRunsCommand, paginateListRunsInBatch} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {omicsClient} from '../../helpers/omics-test-client.js';

describe('pagination through a 100,000-run batch', () => {
	let emulator: Emulator;
	let client: ReturnType<typeof omicsClient>;
	let batchId: string;

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			scenario: {
				account: {startRunTps: 1000},
				batches: [
					{
						name: 'huge',
						totalRuns: 100_000,
						createdAgo: 4 * 3600,
						submitRate: 1000,
						submissionFailureShare: 0.01,
						runFailureShare: 0.002,
					},
				],
			},
		});
		client = omicsClient(emulator.url);
		batchId = emulator.batchIds[0] ?? '';
	});
	afterAll(async () => emulator.stop());

	it('ListRunsInBatch pages every entry exactly once, in order, with the SDK paginator', async () => {
		const batch = await client.send(new GetBatchCommand({batchId}));
		expect(batch.status).toBe('PROCESSED');
		expect(batch.totalRuns).toBe(100_000);
		let pages = 0;
		let count = 0;
		let failed = 0;
		let previous = '';
		const runIds = new Set<string>();
		for await (const page of paginateListRunsInBatch({client, pageSize: 100}, {batchId})) {
			pages += 1;
			for (const run of page.runs ?? []) {
				count += 1;
				const id = run.runSettingId ?? '';
				expect(id > previous, `${id} after ${previous}`).toBe(true);
				previous = id;
				if (run.submissionStatus === 'FAILED') failed += 1;
				else runIds.add(run.runId ?? '');
			}
		}
		expect(pages).toBe(1000);
		expect(count).toBe(100_000);
		expect(failed).toBe(batch.submissionSummary?.failedStartSubmissionCount);
		expect(runIds.size).toBe(batch.submissionSummary?.successfulStartSubmissionCount);
	});

	it('ListRuns with batchId and status=FAILED finds exactly the failed runs across pages', async () => {
		const batch = await client.send(new GetBatchCommand({batchId}));
		let token: string | undefined;
		let found = 0;
		do {
			const page = await client.send(
				new ListRunsCommand({batchId, status: 'FAILED', maxResults: 50, startingToken: token}),
			);
			found += page.items?.length ?? 0;
			token = page.nextToken;
		} while (token);
		expect(found).toBe(batch.runSummary?.failedRunCount);
		expect(found).toBeGreaterThan(100);
	});
});
