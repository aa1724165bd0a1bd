import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {GetBatchCommand, ListBatchCommand, StartRunBatchCommand} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {omicsClient, rejectionOf} from '../../helpers/omics-test-client.js';

interface Stats {
	total: number;
	byOperation: Record<
		string,
		{
			total: number;
			byStatus: Record<string, number>;
			serverMs?: {p50: number; p95: number; max: number; samples: number};
		}
	>;
	byStatus: Record<string, number>;
}

describe('fault injection', () => {
	let emulator: Emulator;
	let client: ReturnType<typeof omicsClient>;
	let batchId: string;
	const stats = async (): Promise<Stats> =>
		(await fetch(`${emulator.url}/__emulator/stats`)).json() as Promise<Stats>;

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			seed: 5,
			scenario: {account: {startRunTps: 100}, batches: [{totalRuns: 10, createdAgo: 60}]},
		});
		client = omicsClient(emulator.url);
		batchId = emulator.batchIds[0] ?? '';
	});
	beforeEach(() => emulator.setFaults({}));
	afterAll(async () => emulator.stop());

	it('throttles with 429, ThrottlingException and Retry-After, at about the configured share', async () => {
		emulator.setFaults({GetBatch: {throttle: 0.5, retryAfter: 3}});
		const raw = await Promise.all(
			Array.from({length: 200}, () => fetch(`${emulator.url}/runBatch/${batchId}`)),
		);
		const throttled = raw.filter((response) => response.status === 429);
		expect(throttled.length).toBeGreaterThan(70);
		expect(throttled.length).toBeLessThan(130);
		expect(throttled[0]?.headers.get('retry-after')).toBe('3');
		expect(throttled[0]?.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
		emulator.setFaults({GetBatch: {throttle: 1}});
		const error = await rejectionOf(client.send(new GetBatchCommand({batchId})));
		expect(error.name).toBe('ThrottlingException');
		expect(error.$metadata?.httpStatusCode).toBe(429);
		// Other operations are untouched.
		expect((await client.send(new ListBatchCommand({}))).items).toHaveLength(1);
	});

	it.each([
		[{error5xx: 1}, 'InternalServerException', 500],
		[{requestTimeout: 1}, 'RequestTimeoutException', 408],
		[{quotaExceeded: 1}, 'ServiceQuotaExceededException', 402],
		[{deny: 1}, 'AccessDeniedException', 403],
		[{expiredToken: 1}, 'ExpiredTokenException', 403],
	])('%j answers %s (%i)', async (fault, name, status) => {
		emulator.setFaults({'*': fault});
		const error = await rejectionOf(client.send(new GetBatchCommand({batchId})));
		expect(error.name).toBe(name);
		expect(error.$metadata?.httpStatusCode).toBe(status);
		if (name === 'AccessDeniedException') expect(error.message).toContain('omics:GetBatch');
	});

	it('requireAuth refuses unsigned requests with 403 but lets the signed SDK through', async () => {
		emulator.setFaults({'*': {requireAuth: true}});
		const unsigned = await fetch(`${emulator.url}/runBatch/${batchId}`);
		expect(unsigned.status).toBe(403);
		expect(unsigned.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
		expect((await client.send(new GetBatchCommand({batchId}))).id).toBe(batchId);
	});

	it('adds latency', async () => {
		emulator.setFaults({GetBatch: {latencyMs: 150}});
		const started = performance.now();
		await client.send(new GetBatchCommand({batchId}));
		expect(performance.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('hangs a request until the client gives up, and stop() still returns', async () => {
		const hanging = await startEmulator({
			clock: 'manual',
			scenario: {batches: [{totalRuns: 1}]},
			faults: {GetBatch: {hang: 1}},
		});
		const error = await rejectionOf(
			omicsClient(hanging.url).send(new GetBatchCommand({batchId: hanging.batchIds[0] ?? ''}), {
				abortSignal: AbortSignal.timeout(300),
			}),
		);
		expect(error.name).toMatch(/Abort|Timeout/);
		const stopping = performance.now();
		await hanging.stop();
		expect(performance.now() - stopping).toBeLessThan(2000);
	});

	it('sends a truncated body on malformed, which the SDK reports as a deserialization error', async () => {
		emulator.setFaults({GetBatch: {malformed: 1}});
		const response = await fetch(`${emulator.url}/runBatch/${batchId}`);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text.length).toBeGreaterThan(0);
		expect(() => JSON.parse(text)).toThrow();
		const error = await rejectionOf(client.send(new GetBatchCommand({batchId})));
		expect(error.message).toMatch(/JSON|Unexpected|Deserializ/i);
	});

	it('counts requests per operation and status code, excluding its own endpoints, and resets', async () => {
		await fetch(`${emulator.url}/__emulator/stats/reset`, {method: 'POST'});
		emulator.setFaults({StartRunBatch: {quotaExceeded: 1}});
		await client.send(new GetBatchCommand({batchId}));
		await client.send(new GetBatchCommand({batchId}));
		await rejectionOf(client.send(new GetBatchCommand({batchId: '1'})));
		await rejectionOf(
			client.send(
				new StartRunBatchCommand({
					defaultRunSetting: {workflowId: '1', roleArn: 'arn:x'},
					batchRunSettings: {s3UriSettings: 's3://b/k'},
				}),
			),
		);
		await fetch(`${emulator.url}/nowhere`);
		const counted = await stats();
		expect(counted.total).toBe(5);
		expect(counted.byOperation['GetBatch']).toMatchObject({total: 3, byStatus: {'200': 2, '404': 1}});
		expect(counted.byOperation['StartRunBatch']).toMatchObject({total: 1, byStatus: {'402': 1}});
		// Server time is the emulator's own answering time: under a millisecond or so, one sample per request.
		const times = counted.byOperation['GetBatch']?.serverMs;
		expect(times?.samples).toBe(3);
		expect(times?.p50).toBeGreaterThan(0);
		expect(times?.p50).toBeLessThanOrEqual(times?.max ?? 0);
		expect(counted.byOperation['UnknownOperation']?.total).toBe(1);
		expect(counted.byStatus).toEqual({'200': 2, '404': 2, '402': 1});
	});

	it('takes faults at runtime through PUT /__emulator/faults and rejects bad ones', async () => {
		const put = await fetch(`${emulator.url}/__emulator/faults`, {
			method: 'PUT',
			body: JSON.stringify({GetBatch: {error5xx: 1}}),
		});
		expect(put.status).toBe(200);
		expect((await rejectionOf(client.send(new GetBatchCommand({batchId})))).name).toBe(
			'InternalServerException',
		);
		const bad = await fetch(`${emulator.url}/__emulator/faults`, {
			method: 'PUT',
			body: JSON.stringify({GetBach: {throttle: 2}}),
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as {message: string}).message).toMatch(/unknown operation "GetBach"/);
		expect(await (await fetch(`${emulator.url}/__emulator/faults`)).json()).toEqual({
			GetBatch: {error5xx: 1},
		});
	});

	it('advances virtual time through POST /__emulator/advance and reports history in /__emulator/batches', async () => {
		const before = emulator.now();
		const advanced = await fetch(`${emulator.url}/__emulator/advance`, {
			method: 'POST',
			body: JSON.stringify({seconds: 3600}),
		});
		expect(advanced.status).toBe(200);
		expect(emulator.now() - before).toBe(3_600_000);
		const {batches} = (await (await fetch(`${emulator.url}/__emulator/batches`)).json()) as {
			batches: Array<{status: string; history: Array<{status: string}>}>;
		};
		expect(batches[0]?.status).toBe('PROCESSED');
		expect(batches[0]?.history.map((change) => change.status)).toEqual([
			'CREATING',
			'PENDING',
			'SUBMITTING',
			'INPROGRESS',
			'PROCESSED',
		]);
		const bad = await fetch(`${emulator.url}/__emulator/advance`, {
			method: 'POST',
			body: JSON.stringify({seconds: -1}),
		});
		expect(bad.status).toBe(400);
	});
});
