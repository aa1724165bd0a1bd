import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	GetBatchCommand,
	ListBatchCommand,
	ListRunsInBatchCommand,
	StartRunBatchCommand,
} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {omicsClient, rejectionOf} from '../../helpers/omics-test-client.js';

const settings = {workflowId: '1234567', roleArn: 'arn:aws:iam::123456789012:role/R'};

describe('wire format and validation errors', () => {
	let emulator: Emulator;
	let client: ReturnType<typeof omicsClient>;
	let batchId: string;

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			scenario: {account: {startRunTps: 100}, batches: [{name: 'b', totalRuns: 250, createdAgo: 3600}]},
		});
		client = omicsClient(emulator.url);
		batchId = emulator.batchIds[0] ?? '';
	});
	afterAll(async () => emulator.stop());

	it('answers JSON with RFC 3339 timestamp strings and an x-amzn-RequestId the SDK surfaces', async () => {
		const response = await fetch(`${emulator.url}/runBatch/${batchId}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
		const body = (await response.json()) as Record<string, unknown>;
		expect(body['creationTime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		const viaSdk = await client.send(new GetBatchCommand({batchId}));
		expect(viaSdk.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('sends errors as x-amzn-ErrorType plus {"message", "__type"}', async () => {
		const response = await fetch(`${emulator.url}/runBatch/1234`);
		expect(response.status).toBe(404);
		expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
		expect(await response.json()).toEqual({
			message: 'Run batch 1234 was not found',
			__type: 'ResourceNotFoundException',
		});
	});

	it.each([
		['letters', 'abc', /regular expression pattern: \[0-9\]\+/],
		['19 digits', '1234567890123456789', /length between 1 and 18/],
	])(
		'rejects a batchId of %s with a 400 ValidationException naming the constraint',
		async (_label, id, message) => {
			const error = await rejectionOf(client.send(new GetBatchCommand({batchId: id})));
			expect(error.name).toBe('ValidationException');
			expect(error.$metadata?.httpStatusCode).toBe(400);
			expect(error.message).toMatch(message);
		},
	);

	it.each([0, 101])('rejects maxItems=%i', async (maxItems) => {
		const error = await rejectionOf(client.send(new ListBatchCommand({maxItems})));
		expect(error.name).toBe('ValidationException');
		expect(error.message).toMatch(/maxItems/);
	});

	it('rejects an unknown ListBatch status, listing the valid ones', async () => {
		const response = await fetch(`${emulator.url}/runBatch?status=DONE`);
		expect(response.status).toBe(400);
		expect(((await response.json()) as {message: string}).message).toContain('RUNS_DELETE_FAILED');
	});

	it('rejects forged, tampered and foreign page tokens with a 400, never a crash', async () => {
		const page = await client.send(new ListRunsInBatchCommand({batchId, maxItems: 10}));
		const token = page.nextToken ?? '';
		expect(token).toBeTruthy();
		const next = await client.send(new ListRunsInBatchCommand({batchId, maxItems: 10, startingToken: token}));
		expect(next.runs?.[0]?.runSettingId).toBe('run-0011');
		const [payload] = token.split('.');
		const forged = `${Buffer.from('[0]').toString('base64url')}.${token.split('.')[1]}`;
		for (const bad of [
			'garbage',
			`${payload}.AAAA`,
			forged,
			`${token}.x`,
			token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
		]) {
			const error = await rejectionOf(client.send(new ListRunsInBatchCommand({batchId, startingToken: bad})));
			expect(error.name).toBe('ValidationException');
		}
		const otherListing = await rejectionOf(
			client.send(new ListRunsInBatchCommand({batchId, submissionStatus: 'FAILED', startingToken: token})),
		);
		expect(otherListing.name).toBe('ValidationException');
		const other = await startEmulator({
			clock: 'manual',
			scenario: {account: {startRunTps: 100}, batches: [{totalRuns: 250}]},
		});
		try {
			const stale = await rejectionOf(
				omicsClient(other.url).send(new ListBatchCommand({startingToken: token})),
			);
			expect(stale.name).toBe('ValidationException');
		} finally {
			await other.stop();
		}
	});

	it.each([
		[
			'no defaultRunSetting',
			{requestId: 'a', batchRunSettings: {inlineSettings: [{runSettingId: 'x'}]}},
			/defaultRunSetting is required/,
		],
		['no batchRunSettings', {requestId: 'a', defaultRunSetting: settings}, /batchRunSettings is required/],
		[
			'both settings kinds',
			{
				requestId: 'a',
				defaultRunSetting: settings,
				batchRunSettings: {inlineSettings: [{runSettingId: 'x'}], s3UriSettings: 's3://b/k'},
			},
			/exactly one/,
		],
		[
			'zero inline settings',
			{requestId: 'a', defaultRunSetting: settings, batchRunSettings: {inlineSettings: []}},
			/between 1 and 100/,
		],
		[
			'101 inline settings',
			{
				requestId: 'a',
				defaultRunSetting: settings,
				batchRunSettings: {inlineSettings: Array.from({length: 101}, (_, i) => ({runSettingId: `r${i}`}))},
			},
			/between 1 and 100/,
		],
		[
			'duplicate runSettingIds',
			{
				requestId: 'a',
				defaultRunSetting: settings,
				batchRunSettings: {inlineSettings: [{runSettingId: 'x'}, {runSettingId: 'x'}]},
			},
			/Duplicate runSettingId 'x'/,
		],
		[
			'a Ready2Run workflow',
			{
				requestId: 'a',
				defaultRunSetting: {...settings, workflowType: 'READY2RUN'},
				batchRunSettings: {inlineSettings: [{runSettingId: 'x'}]},
			},
			/Ready2Run/,
		],
		[
			'a non-numeric workflowId',
			{
				requestId: 'a',
				defaultRunSetting: {...settings, workflowId: 'wf'},
				batchRunSettings: {inlineSettings: [{runSettingId: 'x'}]},
			},
			/workflowId/,
		],
		[
			'a bad roleArn',
			{
				requestId: 'a',
				defaultRunSetting: {...settings, roleArn: 'role'},
				batchRunSettings: {inlineSettings: [{runSettingId: 'x'}]},
			},
			/arn:\.\+/,
		],
		[
			'a cacheBehavior without cacheId',
			{
				requestId: 'a',
				defaultRunSetting: {...settings, cacheBehavior: 'CACHE_ALWAYS'},
				batchRunSettings: {inlineSettings: [{runSettingId: 'x'}]},
			},
			/cacheId/,
		],
		[
			'a priority out of range',
			{
				requestId: 'a',
				defaultRunSetting: settings,
				batchRunSettings: {inlineSettings: [{runSettingId: 'x', priority: 100001}]},
			},
			/priority/,
		],
		[
			'a 65-character batchName',
			{
				requestId: 'a',
				batchName: 'n'.repeat(65),
				defaultRunSetting: settings,
				batchRunSettings: {inlineSettings: [{runSettingId: 'x'}]},
			},
			/batchName/,
		],
	])('StartRunBatch with %s is a 400 ValidationException', async (_label, body, message) => {
		const response = await fetch(`${emulator.url}/runBatch`, {
			method: 'POST',
			body: JSON.stringify(body),
			headers: {'content-type': 'application/json'},
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
		expect(((await response.json()) as {message: string}).message).toMatch(message);
	});

	it('validates StartRunBatch through the SDK too', async () => {
		const error = await rejectionOf(
			client.send(
				new StartRunBatchCommand({
					defaultRunSetting: settings,
					batchRunSettings: {inlineSettings: [{runSettingId: 'x'}, {runSettingId: 'x'}]},
				}),
			),
		);
		expect(error.name).toBe('ValidationException');
	});

	it('answers a body that is not JSON with 400, and one over 1 MiB with 413', async () => {
		const bad = await fetch(`${emulator.url}/runBatch`, {
			method: 'POST',
			body: '{"requestId":',
			headers: {'content-type': 'application/json'},
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as {message: string}).message).toMatch(/not valid JSON/);
		const big = await fetch(`${emulator.url}/runBatch`, {
			method: 'POST',
			body: 'x'.repeat(1024 * 1024 + 1),
			headers: {'content-type': 'application/json'},
		});
		expect(big.status).toBe(413);
		expect(big.headers.get('content-type')).toBe('application/json');
		expect(((await big.json()) as {__type: string}).__type).toBe('ValidationException');
		// The server is still healthy afterwards.
		expect((await fetch(`${emulator.url}/runBatch/${batchId}`)).status).toBe(200);
	});

	it('answers unknown routes and methods with a JSON 404, never HTML', async () => {
		for (const [method, path] of [
			['GET', '/'],
			['GET', '/nope'],
			['PUT', '/runBatch'],
			['PATCH', `/runBatch/${batchId}`],
			['GET', '/__emulator/nope'],
		] as const) {
			const response = await fetch(`${emulator.url}${path}`, {method});
			expect(response.status).toBe(404);
			expect(response.headers.get('content-type')).toBe('application/json');
			expect(((await response.json()) as {__type: string}).__type).toBe('UnknownOperationException');
		}
	});
});
