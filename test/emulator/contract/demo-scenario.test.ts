import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {GetBatchCommand, ListBatchCommand, type GetBatchCommandOutput} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {omicsClient} from '../../helpers/omics-test-client.js';
import {expectBatchInvariants} from '../../helpers/batch-invariants.js';

const START = Date.parse('2026-11-29T09:00:00Z');

async function snapshot(emulator: Emulator): Promise<GetBatchCommandOutput[]> {
	const client = omicsClient(emulator.url);
	const {items = []} = await client.send(new ListBatchCommand({}));
	return Promise.all(items.map((item) => client.send(new GetBatchCommand({batchId: item.id ?? ''}))));
}

describe('the built-in demo scenario', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator({scenario: 'demo', clock: 'manual', startTime: START});
	});
	afterAll(async () => emulator.stop());

	it('shows a lived-in account in its first second: every phase, every fate, both kinds of failure', async () => {
		const batches = await snapshot(emulator);
		expect(batches.length).toBeGreaterThanOrEqual(7);
		const statuses = new Set(batches.map((batch) => batch.status));
		for (const status of [
			'CREATING',
			'PENDING',
			'SUBMITTING',
			'INPROGRESS',
			'STOPPING',
			'RUNS_DELETING',
			'PROCESSED',
			'FAILED',
			'CANCELLED',
			'RUNS_DELETED',
		]) {
			expect(statuses, status).toContain(status);
		}
		const large = batches.find((batch) => batch.totalRuns === 100_000);
		expect(large?.status).toBe('SUBMITTING');
		expect(
			batches.some((batch) => (batch.runSummary?.failedRunCount ?? 0) > 0 && batch.status === 'INPROGRESS'),
		).toBe(true);
		expect(batches.some((batch) => (batch.submissionSummary?.failedStartSubmissionCount ?? 0) > 0)).toBe(
			true,
		);
		const failed = batches.find((batch) => batch.status === 'FAILED');
		expect(failed?.failureReason).toBeTruthy();
		expect(failed?.failedTime).toBeInstanceOf(Date);
		for (const batch of batches) expectBatchInvariants(batch);
	});

	it.each([undefined, 1, 2, 3])(
		'has a batch that finishes within the first minute (seed %s)',
		async (seed) => {
			const seeded = await startEmulator({
				scenario: 'demo',
				clock: 'manual',
				startTime: START,
				...(seed === undefined ? {} : {seed}),
			});
			try {
				const before = await snapshot(seeded);
				seeded.advance(60);
				const after = await snapshot(seeded);
				const finished = after.filter(
					(batch) =>
						batch.status === 'PROCESSED' && before.find((b) => b.id === batch.id)?.status === 'INPROGRESS',
				);
				expect(finished.map((batch) => batch.name)).toContain('rnaseq-pilot-48');
				for (const batch of after)
					expectBatchInvariants(
						batch,
						before.find((b) => b.id === batch.id),
					);
			} finally {
				await seeded.stop();
			}
		},
	);

	it('settles the batch being deleted as RUNS_DELETE_FAILED within three minutes', async () => {
		emulator.advance(180);
		expect((await snapshot(emulator)).map((batch) => batch.status)).toContain('RUNS_DELETE_FAILED');
	});

	it('keeps every invariant at 40 instants over two virtual hours, through the SDK', async () => {
		let previous = await snapshot(emulator);
		for (let step = 0; step < 40; step++) {
			emulator.advance(180);
			const now = await snapshot(emulator);
			for (const batch of now)
				expectBatchInvariants(
					batch,
					previous.find((b) => b.id === batch.id),
				);
			previous = now;
		}
	});

	it('replays the same history for the same seed', async () => {
		const a = await startEmulator({scenario: 'demo', clock: 'manual', startTime: START});
		const b = await startEmulator({scenario: 'demo', clock: 'manual', startTime: START});
		const c = await startEmulator({scenario: 'demo', clock: 'manual', startTime: START, seed: 7});
		try {
			const strip = (batches: GetBatchCommandOutput[]) => batches.map(({$metadata: _m, ...rest}) => rest);
			const [sa, sb, sc] = [strip(await snapshot(a)), strip(await snapshot(b)), strip(await snapshot(c))];
			expect(sb).toEqual(sa);
			expect(sc).not.toEqual(sa);
		} finally {
			await Promise.all([a.stop(), b.stop(), c.stop()]);
		}
	});
});
