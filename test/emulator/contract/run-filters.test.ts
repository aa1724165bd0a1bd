import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ListBatchCommand, ListRunsInBatchCommand, StartRunBatchCommand} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {omicsClient} from '../../helpers/omics-test-client.js';

// ListRunsInBatch's runSettingId and runId filters through the real SDK: an S3 settings file's own ids
// (looked up by id, not by a scan), and any string the model accepts (it puts no constraint on either:
// a value that names no entry finds none, it is not a ValidationException).

const START = Date.parse('2026-11-01T12:00:00Z');
const ENTRIES = 3000;
// Ids in no order of their own, so that neither a prefix rule nor the position gives an entry away.
const idOf = (n: number) => `s-${((n * 7919) % 100_003).toString(36)}`;

describe('ListRunsInBatch filters', () => {
	let emulator: Emulator;
	let client: ReturnType<typeof omicsClient>;
	let batchId = '';

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			startTime: START,
			seed: 3,
			scenario: {
				account: {startRunTps: 1000},
				defaults: {submitRate: 1000, submissionFailureShare: 0, durations: {running: [3600, 3600]}},
				s3Settings: {
					's3://settings/many.json': {
						entries: Array.from({length: ENTRIES}, (_, n) => ({runSettingId: idOf(n)})),
					},
				},
				batches: [],
			},
		});
		client = omicsClient(emulator.url);
		const started = await client.send(
			new StartRunBatchCommand({
				defaultRunSetting: {workflowId: '1234567', roleArn: 'arn:aws:iam::123456789012:role/OmicsRole'},
				batchRunSettings: {s3UriSettings: 's3://settings/many.json'},
			}),
		);
		batchId = started.id ?? '';
		emulator.advance(120);
	});
	afterAll(() => emulator.stop());

	const list = (filter: {runSettingId?: string; runId?: string}) =>
		client.send(new ListRunsInBatchCommand({batchId, ...filter}));

	it('finds each entry of an S3 settings file by its own runSettingId', async () => {
		for (const n of [0, 1, 1234, ENTRIES - 2, ENTRIES - 1]) {
			const {runs = []} = await list({runSettingId: idOf(n)});
			expect(runs.map((run) => run.runSettingId)).toEqual([idOf(n)]);
			const byRunId = await list({runId: runs[0]?.runId ?? ''});
			expect(byRunId.runs?.map((run) => run.runSettingId)).toEqual([idOf(n)]);
		}
		expect((await list({runSettingId: 's-nowhere'})).runs).toEqual([]);
		// The id of an entry past the file's end, as the prefix rule would have built it.
		expect((await list({runSettingId: `${idOf(0).slice(0, 2)}${ENTRIES + 1}`})).runs).toEqual([]);
	});

	it('accepts any runSettingId or runId string the model does, and finds no entry for it', async () => {
		const {runs = []} = await list({runSettingId: idOf(5)});
		const realRunId = runs[0]?.runId ?? '';
		for (const value of ['x'.repeat(129), 'x'.repeat(1000), 'tab\there', `0${realRunId}`, '-1', '1e3']) {
			expect((await list({runSettingId: value})).runs, value).toEqual([]);
			expect((await list({runId: value})).runs, value).toEqual([]);
		}
		// An empty value (the SDK leaves it out of the query, so it is sent by hand; no signature needed).
		for (const name of ['runSettingId', 'runId']) {
			const response = await fetch(`${emulator.url}/runBatch/${batchId}/run?${name}=`);
			expect(response.status, name).toBe(200);
			expect(((await response.json()) as {runs: unknown[]}).runs).toEqual([]);
		}
	});

	it('takes a ListBatch name filter of 64 code points (more UTF-16 units), and refuses 65', async () => {
		const name = '😀'.repeat(64);
		await expect(client.send(new ListBatchCommand({name}))).resolves.toMatchObject({items: []});
		await expect(client.send(new ListBatchCommand({name: `${name}a`}))).rejects.toMatchObject({
			name: 'ValidationException',
		});
	});

	it('still refuses two filters at once', async () => {
		await expect(list({runId: '1', runSettingId: idOf(1)})).rejects.toMatchObject({
			name: 'ValidationException',
		});
	});
});
