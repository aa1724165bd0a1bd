import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {
	GetBatchCommand,
	GetRunCommand,
	ListBatchCommand,
	ListRunsCommand,
	ListRunsInBatchCommand,
	type OmicsClient,
} from '@aws-sdk/client-omics';
import {omicsClient, rejectionOf} from './omics-test-client.js';
import {
	escapeForReport,
	HOSTILE_HEADER_TYPE,
	HOSTILE_MARKERS,
	HOSTILE_PARTS,
	HOSTILE_STRING,
	hostileBatch,
	startHostileService,
	unsafeOutput,
	validBatch,
	type HostileService,
} from './hostile-service.js';

// What the SDK (3.1048.0, @smithy/node-http-handler, Node 20 llhttp) makes of each hostile answer. Where these
// assertions break after an upgrade, the product's error mapping and sanitising need a second look.

let service: HostileService;
const clients: OmicsClient[] = [];

function client(maxAttempts = 1): OmicsClient {
	const made = omicsClient(service.url, {maxAttempts});
	clients.push(made);
	return made;
}

const getBatch = (sdk: OmicsClient) => sdk.send(new GetBatchCommand({batchId: 'b1'}));

/** Compares escaped, so a failure never prints raw escape sequences into the test log. */
const safe = (text: string | undefined): string => escapeForReport(text ?? '<undefined>');

beforeEach(async () => {
	service = await startHostileService();
});

afterEach(async () => {
	for (const made of clients.splice(0)) made.destroy();
	await service.close();
});

describe('routing and recording', () => {
	it('parses every read route, records each request, and spots keep-alive reuse', async () => {
		const sdk = client();
		await sdk.send(new ListBatchCommand({maxItems: 5, status: 'FAILED'}));
		await sdk.send(new GetBatchCommand({batchId: 'a/b c'}));
		await sdk.send(new ListRunsInBatchCommand({batchId: 'b1', submissionStatus: 'FAILED'}));
		await sdk.send(new ListRunsCommand({batchId: 'b1'}));
		await sdk.send(new GetRunCommand({id: 'r1'}));

		expect(service.requests.map((request) => [request.operation, request.params])).toEqual([
			['ListBatch', {}],
			['GetBatch', {batchId: 'a/b c'}],
			['ListRunsInBatch', {batchId: 'b1'}],
			['ListRuns', {}],
			['GetRun', {id: 'r1'}],
		]);
		expect(service.requests[0]?.query.get('maxItems')).toBe('5');
		expect(service.requests[2]?.query.get('submissionStatus')).toBe('FAILED');
		expect(service.requests.map((request) => request.socketReused)).toEqual([false, true, true, true, true]);
		expect(service.count()).toBe(5);
		expect(service.count('GetBatch')).toBe(1);
	});

	it('answers unknown routes 404 UnknownOperationException, like the service', async () => {
		const response = await fetch(`${service.url}/workflow`);
		expect(response.status).toBe(404);
		expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
		expect(await response.json()).toEqual({
			message: 'No operation matches GET /workflow',
			__type: 'UnknownOperationException',
		});
		expect(service.requests[0]?.operation).toBe('unknown');
	});

	it('gives each script the per-operation index; setDefault covers unscripted operations', async () => {
		const seen: number[] = [];
		service.setScript('GetBatch', (request, index) => {
			seen.push(index);
			return {kind: 'json', body: validBatch(request.params['batchId'] ?? '', {totalRuns: index})};
		});
		service.setDefault(() => ({kind: 'json', body: {items: [{id: 'from-default'}]}}));
		const sdk = client();
		expect((await getBatch(sdk)).totalRuns).toBe(0);
		expect((await sdk.send(new ListBatchCommand({}))).items?.[0]?.id).toBe('from-default');
		expect((await getBatch(sdk)).totalRuns).toBe(1);
		expect(seen).toEqual([0, 1]);
	});
});

describe('what the SDK makes of each answer', () => {
	it('json: parses, ISO timestamps become Dates, the request id lands in $metadata', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'json',
			body: validBatch('b1'),
			headers: {'x-amzn-RequestId': 'req-1'},
		}));
		const batch = await getBatch(client());
		expect(batch.status).toBe('INPROGRESS');
		expect(batch.creationTime).toEqual(new Date('2026-07-20T08:15:02.417Z'));
		expect(batch.$metadata.requestId).toBe('req-1');
	});

	it('json: hostile strings in every field come through untouched', async () => {
		service.setScript('GetBatch', () => ({kind: 'json', body: hostileBatch('b1')}));
		const batch = await getBatch(client());
		expect(safe(batch.name)).toBe(safe(HOSTILE_STRING));
		expect(safe(batch.status)).toBe(safe(HOSTILE_STRING));
		expect(safe(batch.failureReason)).toBe(safe(HOSTILE_STRING));
		expect(safe(batch.defaultRunSetting?.roleArn)).toBe(safe(HOSTILE_STRING));
		expect(safe(batch.tags?.[HOSTILE_STRING])).toBe(safe(HOSTILE_STRING));
		expect(batch.totalRuns).toBe(10);
		expect(batch.failedTime).toBeInstanceOf(Date);
	});

	it('json: wrong member types are not checked, they pass through as sent', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'json',
			body: {id: 5, totalRuns: '7', runSummary: 'x', tags: [1]},
		}));
		const batch = (await getBatch(client())) as unknown as Record<string, unknown>;
		expect([batch['id'], batch['totalRuns'], batch['runSummary'], batch['tags']]).toEqual([5, '7', 'x', [1]]);
	});

	it('json: an epoch-number timestamp is a TypeError deserialization failure', async () => {
		service.setScript('GetBatch', () => ({kind: 'json', body: validBatch('b1', {creationTime: 1700000000})}));
		const error = await rejectionOf(getBatch(client()));
		expect(error.name).toBe('TypeError');
		expect(error.message).toMatch(
			/^RFC-3339 date-times must be expressed as strings\n {2}Deserialization error/,
		);
		expect(error.$metadata?.httpStatusCode).toBe(200);
		expect(error.$response).toBeDefined();
	});

	it('json: a garbage timestamp string is a TypeError too', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'json',
			body: validBatch('b1', {creationTime: 'yesterday'}),
		}));
		const error = await rejectionOf(getBatch(client()));
		expect(error.name).toBe('TypeError');
		expect(error.message).toMatch(/^Invalid RFC-3339 date-time value\n/);
		expect(error.$metadata?.httpStatusCode).toBe(200);
	});

	it('error: C1 bytes in x-amzn-ErrorType reach error.name raw (the product must sanitise it)', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'error',
			status: 429,
			type: HOSTILE_HEADER_TYPE,
			message: 'Rate exceeded',
		}));
		const error = await rejectionOf(getBatch(client()));
		expect(safe(error.name)).toBe(safe(HOSTILE_HEADER_TYPE));
		expect(error.name).toContain('\u009b2J');
		expect(error.message).toBe('Rate exceeded');
		expect(error.$metadata?.httpStatusCode).toBe(429);
		expect((error as {$fault?: string}).$fault).toBe('client');
	});

	it('error: without the header, the whole hostile __type (ESC, OSC 52, …) becomes error.name', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'error',
			status: 400,
			type: HOSTILE_STRING,
			message: HOSTILE_STRING,
			omitTypeHeader: true,
		}));
		const error = await rejectionOf(getBatch(client()));
		expect(safe(error.name)).toBe(safe(HOSTILE_STRING));
		expect(error.name).toContain(HOSTILE_PARTS.osc52Clipboard);
		expect(safe(error.message)).toBe(safe(HOSTILE_STRING));
		expect(error.$metadata?.httpStatusCode).toBe(400);
	});

	it('error: ESC in the header is an HTTP parse error, with the raw bytes kept on error.rawPacket', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'error',
			status: 400,
			type: 'Bad\u001b]0;pwned-title\u0007Exception',
			message: 'm',
		}));
		const error = await rejectionOf(getBatch(client()));
		expect(error.name).toBe('Error');
		expect(error.message).toBe('Parse Error: Invalid header value char');
		expect((error as {code?: string}).code).toBe('HPE_INVALID_HEADER_TOKEN');
		expect(error.$metadata?.httpStatusCode).toBeUndefined();
		expect((error as {rawPacket?: Buffer}).rawPacket?.includes('\u001b]0;pwned-title')).toBe(true);
	});

	it('error: non-latin1 header text arrives as UTF-8 read as latin1, C1 bytes included', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'error',
			status: 400,
			type: 'Bad\u202eException',
			message: 'm',
		}));
		const error = await rejectionOf(getBatch(client()));
		expect(safe(error.name)).toBe(safe('Bad\u00e2\u0080\u00aeException'));
	});

	it('raw: truncated JSON is a SyntaxError with the status in $metadata', async () => {
		service.setScript('GetBatch', () => ({kind: 'raw', body: '{"id":"b1","status":"INPR'}));
		const error = await rejectionOf(getBatch(client()));
		expect(error.name).toBe('SyntaxError');
		expect(error.message).toMatch(/^Unterminated string in JSON at position 25\n {2}Deserialization error/);
		expect(error.$metadata?.httpStatusCode).toBe(200);
		expect(error.$response).toBeDefined();
	});

	it('raw: an empty 200 body succeeds with every member undefined', async () => {
		service.setScript('GetBatch', () => ({kind: 'raw', body: ''}));
		const batch = await getBatch(client());
		expect(Object.keys(batch)).toEqual(['$metadata']);
	});

	it('raw: an HTML 502 is a SyntaxError (not a service error), retried as transient', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'raw',
			status: 502,
			body: '<html><body>Bad Gateway</body></html>',
			headers: {'content-type': 'text/html'},
		}));
		const error = await rejectionOf(getBatch(client(3)));
		expect(error.name).toBe('SyntaxError');
		expect(error.message).toMatch(/^Unexpected token '<', "<html><bod"... is not valid JSON\n/);
		expect(error.$metadata?.httpStatusCode).toBe(502);
		expect(error.$metadata).toMatchObject({attempts: 3});
		expect(service.count('GetBatch')).toBe(3);
	});

	it('raw: a 500 with an empty body is a service exception named Unknown', async () => {
		service.setScript('GetBatch', () => ({kind: 'raw', status: 500, body: ''}));
		const error = await rejectionOf(getBatch(client()));
		expect([error.name, error.message, (error as {$fault?: string}).$fault]).toEqual([
			'Unknown',
			'UnknownError',
			'server',
		]);
	});

	it('reset: ECONNRESET, named TimeoutError, no status; retried as transient', async () => {
		service.setScript('GetBatch', () => ({kind: 'reset'}));
		const error = await rejectionOf(getBatch(client()));
		expect([error.name, error.message, (error as {code?: string}).code]).toEqual([
			'TimeoutError',
			'read ECONNRESET',
			'ECONNRESET',
		]);
		expect(error.$metadata?.httpStatusCode).toBeUndefined();

		await rejectionOf(getBatch(client(3)));
		expect(service.count('GetBatch')).toBe(1 + 3);
	});

	it('json-then-close: the next call on the reused socket fails with a hang-up', async () => {
		service.setScript('GetBatch', () => ({kind: 'json-then-close', body: validBatch('b1')}));
		const sdk = client();
		await getBatch(sdk);
		const error = await rejectionOf(getBatch(sdk));
		expect([error.name, error.message, (error as {code?: string}).code]).toEqual([
			'TimeoutError',
			'socket hang up',
			'ECONNRESET',
		]);
		expect(service.requests.map((request) => [request.socketReused, request.answeredWith])).toEqual([
			[false, 'json-then-close'],
			[true, 'doomed'],
		]);
	});

	it('json-then-close: with retries the SDK recovers on a fresh socket', async () => {
		service.setScript('GetBatch', () => ({kind: 'json-then-close', body: validBatch('b1')}));
		const sdk = client(3);
		await getBatch(sdk);
		expect((await getBatch(sdk)).id).toBe('b1');
		expect(service.requests.map((request) => request.socketReused)).toEqual([false, true, false]);
	});

	it('hang: only the caller’s abort ends it, as an AbortError', async () => {
		service.setScript('ListBatch', () => ({kind: 'hang'}));
		const started = Date.now();
		const error = await rejectionOf(
			client().send(new ListBatchCommand({}), {abortSignal: AbortSignal.timeout(200)}),
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
		expect([error.name, error.message]).toEqual(['AbortError', 'Request aborted']);
		expect(error.$metadata?.httpStatusCode).toBeUndefined();
	});

	it('headers-then-hang: the abort surfaces as Error "aborted" (ECONNRESET) with the status, not AbortError', async () => {
		service.setScript('ListBatch', () => ({kind: 'headers-then-hang'}));
		const abort = new AbortController();
		setTimeout(() => abort.abort(), 200);
		const error = await rejectionOf(client().send(new ListBatchCommand({}), {abortSignal: abort.signal}));
		expect(error.name).toBe('Error');
		expect(error.message).toMatch(/^aborted\n/);
		expect((error as {code?: string}).code).toBe('ECONNRESET');
		expect(error.$metadata?.httpStatusCode).toBe(200);
	});

	it('drip: a slow body still parses once complete', async () => {
		const body = JSON.stringify(validBatch('b1'));
		service.setScript('GetBatch', () => ({
			kind: 'drip',
			body,
			everyMs: 5,
			bytesPerTick: Math.ceil(body.length / 10),
		}));
		const started = Date.now();
		expect((await getBatch(client())).totalRuns).toBe(10);
		expect(Date.now() - started).toBeGreaterThanOrEqual(40);
	});

	it('close: ends hung and dripping exchanges at once', async () => {
		service.setScript('GetBatch', () => ({kind: 'drip', body: '{"id":"b1"}'.repeat(100), everyMs: 50}));
		service.setScript('ListBatch', () => ({kind: 'hang'}));
		const sdk = client();
		const dripping = rejectionOf(getBatch(sdk));
		const hanging = rejectionOf(sdk.send(new ListBatchCommand({})));
		while (service.count() < 2) await new Promise((resolve) => setTimeout(resolve, 5));
		const started = Date.now();
		await service.close();
		const [drip, hang] = await Promise.all([dripping, hanging]);
		expect(Date.now() - started).toBeLessThan(1000);
		expect((drip as {code?: string}).code).toBe('ECONNRESET');
		expect(hang.message).toBe('socket hang up');
	});
});

describe('unsafeOutput', () => {
	it('flags every element of the hostile string, and the OSC/DCS/APC payload words', () => {
		for (const [name, part] of Object.entries(HOSTILE_PARTS)) {
			const tui = name !== 'crlf'; // a full-screen app writes CR and LF itself
			expect(unsafeOutput(`ok ${part} ok`, {allowSgr: true, tui, markers: []}), name).not.toEqual([]);
		}
		const found = unsafeOutput(HOSTILE_STRING, {allowSgr: true, tui: true});
		for (const marker of HOSTILE_MARKERS) expect(found).toContain(`marker ${marker}`);
		for (const report of found) expect(report).toMatch(/^[\x20-\x7e]*$/);
	});

	it('passes plain text, SGR when allowed, and what a full-screen app writes in TUI mode', () => {
		const styled =
			'\u001b[1m\u001b[38;5;196mFAILED\u001b[39m\u001b[22m 3 runs \u001b[38:2::255:0:0mx\u001b[m \ufffd é 中 🙂\n';
		expect(unsafeOutput(styled, {allowSgr: true})).toEqual([]);
		expect(unsafeOutput(styled, {allowSgr: false})).not.toEqual([]);

		const screen =
			'\u001b[?1049h\u001b[?25l\u001b[?2026h\u001b[H\u001b[2J\u001b[3A\u001b[2K\u001b[G\rrow\n\u001b[?2026l';
		expect(unsafeOutput(screen, {allowSgr: true, tui: true})).toEqual([]);
		expect(unsafeOutput(screen, {allowSgr: true})).not.toEqual([]);
		expect(unsafeOutput('\u001b[4h', {allowSgr: true, tui: true})).not.toEqual([]);
	});
});
