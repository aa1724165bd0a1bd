import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createOmicsClient, resolveEndpointUrl} from '../../source/omics/omics-client.js';
import {createBatchApi} from '../../source/omics/batch-api.js';
import {OmicsError} from '../../source/omics/omics-error.js';

const credentials = {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret'};

describe('OmicsClient factory and BatchApi against the emulator', () => {
	let emulator: Emulator;
	const saved = {...process.env};

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			scenario: {
				batches: [
					{name: 'done', totalRuns: 30, createdAgo: 7200, runFailureShare: 0.3, submissionFailureShare: 0.2},
				],
			},
		});
	});
	afterAll(async () => emulator.stop());
	afterEach(() => {
		process.env = {...saved};
	});

	it('prefers --endpoint-url, then AWS_ENDPOINT_URL_OMICS, then AWS_ENDPOINT_URL', () => {
		expect(
			resolveEndpointUrl(
				{endpointUrl: 'http://a'},
				{AWS_ENDPOINT_URL_OMICS: 'http://b', AWS_ENDPOINT_URL: 'http://c'},
			),
		).toBe('http://a');
		expect(resolveEndpointUrl({}, {AWS_ENDPOINT_URL_OMICS: 'http://b', AWS_ENDPOINT_URL: 'http://c'})).toBe(
			'http://b',
		);
		expect(resolveEndpointUrl({}, {AWS_ENDPOINT_URL: 'http://c'})).toBe('http://c');
		expect(resolveEndpointUrl({}, {})).toBeUndefined();
	});

	it('reaches the emulator through AWS_ENDPOINT_URL_OMICS and the AWS_* credential variables, without the host prefix', async () => {
		const env = {AWS_ENDPOINT_URL_OMICS: emulator.url};
		process.env['AWS_ACCESS_KEY_ID'] = 'AKIDFROMENV';
		process.env['AWS_SECRET_ACCESS_KEY'] = 'secret';
		process.env['AWS_REGION'] = 'us-east-1';
		const api = createBatchApi(createOmicsClient({}, env));
		const batch = await api.getBatch(emulator.batchIds[0] ?? '');
		expect(batch.name).toBe('done');
		expect(batch.creationTime).toBeInstanceOf(Date);
	});

	it("uses a profile's region and credentials from the shared config files", async () => {
		const dir = await mkdtemp(join(tmpdir(), 'batchtop-aws-'));
		await writeFile(join(dir, 'config'), '[profile lab]\nregion = eu-west-1\n');
		await writeFile(
			join(dir, 'credentials'),
			'[lab]\naws_access_key_id = AKIDLAB\naws_secret_access_key = secret\n',
		);
		process.env['AWS_CONFIG_FILE'] = join(dir, 'config');
		process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(dir, 'credentials');
		delete process.env['AWS_ACCESS_KEY_ID'];
		delete process.env['AWS_SECRET_ACCESS_KEY'];
		delete process.env['AWS_REGION'];
		delete process.env['AWS_PROFILE'];
		const client = createOmicsClient({profile: 'lab', endpointUrl: emulator.url});
		expect(await client.config.region()).toBe('eu-west-1');
		expect((await client.config.credentials()).accessKeyId).toBe('AKIDLAB');
		expect((await createBatchApi(client).getBatch(emulator.batchIds[0] ?? '')).id).toBe(emulator.batchIds[0]);
	});

	it('lists batches, failed submissions and failed runs with reasons', async () => {
		const api = createBatchApi(
			createOmicsClient({endpointUrl: emulator.url, region: 'us-east-1', credentials}),
		);
		const batchId = emulator.batchIds[0] ?? '';
		expect((await api.listBatchPage({})).items.map((item) => item.id)).toEqual([batchId]);
		const submissions = await api.listFailedSubmissionsPage(batchId);
		expect(submissions.items.length).toBeGreaterThan(0);
		expect(submissions.items[0]?.reason).toMatch(/Exception$/);
		const runs = await api.listFailedRunsPage(batchId);
		expect(runs.items.length).toBeGreaterThan(0);
		const failure = await api.getRunFailure(runs.items[0]?.id ?? '');
		expect(failure.reason).toBeTruthy();
		expect(failure.message).toBeTruthy();
	});

	it('maps service errors to OmicsError with the request id', async () => {
		const api = createBatchApi(
			createOmicsClient({endpointUrl: emulator.url, region: 'us-east-1', credentials}),
		);
		const error = await api.getBatch('1234').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(OmicsError);
		expect((error as OmicsError).kind).toBe('not-found');
		expect((error as OmicsError).details.requestId).toMatch(/^[0-9a-f-]{36}$/);
		const refused = await createBatchApi(
			createOmicsClient({endpointUrl: 'http://127.0.0.1:9', region: 'us-east-1', credentials}),
		)
			.getBatch('1')
			.catch((caught: unknown) => caught);
		expect((refused as OmicsError).kind).toBe('unavailable');
		expect((refused as OmicsError).message).toMatch(/ECONNREFUSED/);
	});

	it('gives the SDK no info logger (it would build a filtered copy of every answer for it); errors still reach the log', async () => {
		const logged: Array<{level: string; message: string}> = [];
		const client = createOmicsClient({
			endpointUrl: emulator.url,
			region: 'us-east-1',
			credentials,
			log: (level, message) => logged.push({level, message}),
		});
		// The SDK's logger middleware calls `logger.info?.({input: filter(input), output: filter(output)})`
		// after every call: with no info method the filtered copies are never made.
		expect(client.config.logger.info).toBeUndefined();
		expect(client.config.logger.debug).toBeUndefined();
		const api = createBatchApi(client);
		const [listed] = (await api.listBatchPage({})).items;
		await api.getBatch(listed?.id ?? '');
		expect(logged).toEqual([]);
		await api.getBatch('1234').catch(() => undefined);
		expect(logged.map((entry) => entry.level)).toEqual(['error']);
		client.destroy();
	});

	it('drops list items whose ids are not the documented 1-18 digits', async () => {
		const client = {
			send: async () => ({
				items: [{id: '123'}, {id: '12\u001b]0;x\u0007'}, {id: ''}, {id: '1'.repeat(19)}],
				runs: [],
			}),
		};
		const api = createBatchApi(client as unknown as Parameters<typeof createBatchApi>[0]);
		expect((await api.listBatchPage({})).items.map((item) => item.id)).toEqual(['123']);
	});

	it('falls back to ListRuns(batchId) filtered locally when the service refuses batchId with status', async () => {
		const sent: Array<Record<string, unknown>> = [];
		const client = {
			send: async (command: {input: Record<string, unknown>}) => {
				sent.push(command.input);
				if (command.input['status'])
					throw Object.assign(new Error('only one filter'), {
						name: 'ValidationException',
						$metadata: {httpStatusCode: 400},
					});
				return {
					items: [
						{id: '1', status: 'FAILED'},
						{id: '2', status: 'COMPLETED'},
					],
				};
			},
		};
		const api = createBatchApi(client as unknown as Parameters<typeof createBatchApi>[0]);
		expect((await api.listFailedRunsPage('5')).items).toEqual([{id: '1'}]);
		expect((await api.listFailedRunsPage('5')).items).toEqual([{id: '1'}]);
		expect(sent.map((input) => input['status'] ?? '-')).toEqual(['FAILED', '-', '-']);
	});
});
