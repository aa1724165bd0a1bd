import {omicsRejection} from '../helpers/omics-test-client.js';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {OmicsClient} from '@aws-sdk/client-omics';
import {createOmicsClient} from '../../source/omics/omics-client.js';
import {createBatchApi, type BatchApi} from '../../source/omics/batch-api.js';
import {MAX_RETRY_AFTER_MS, type OmicsError} from '../../source/omics/omics-error.js';
import {RequestBudget} from '../../source/poller/request-budget.js';
import {
	escapeForReport,
	HOSTILE_HEADER_TYPE,
	HOSTILE_STRING,
	startHostileService,
	unsafeOutput,
	validBatch,
	type Answer,
	type HostileService,
} from '../helpers/hostile-service.js';

// The product's whole HealthOmics boundary (createOmicsClient + createBatchApi, the real SDK, real HTTP)
// against a server that answers badly on purpose. Every failure must come out as a classified OmicsError
// whose text is safe to print, within the deadline, without leaking sockets or writing to the console.

const credentials = {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'};

let service: HostileService;
const clients: OmicsClient[] = [];
const logged: Array<{level: string; message: string}> = [];

/** The BatchApi as run-watch builds it: one value for the client's timeout and the per-call deadline. */
function batchApi(deadlineMs = 15_000): BatchApi {
	const client = createOmicsClient({
		endpointUrl: service.url,
		region: 'us-east-1',
		credentials,
		requestTimeoutMs: deadlineMs,
		log: (level, message) => logged.push({level, message}),
	});
	clients.push(client);
	return createBatchApi(client, {deadlineMs});
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An answer given `ms` after the request arrived. */
const later = (ms: number, answer: Answer) => async (): Promise<Answer> => {
	await sleep(ms);
	return answer;
};

/** Every text of the error that can reach a terminal or a log is free of control, bidi and escape characters. */
function expectSafe(error: OmicsError): void {
	for (const [what, text] of [
		['message', error.message],
		['details.code', error.details.code],
		['details.requestId', error.details.requestId],
	] as const) {
		if (text === undefined) continue;
		expect(unsafeOutput(text, {allowSgr: false}), `${what}: ${escapeForReport(text)}`).toEqual([]);
	}
}

beforeEach(async () => {
	logged.length = 0;
	service = await startHostileService();
});

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	await service.close();
});

describe('hostile error types and request ids', () => {
	it.each([402, 409, 418])(
		'C1 bytes in x-amzn-ErrorType (HTTP %i) come out as a safe, classified error',
		async (status) => {
			service.setScript('GetBatch', () => ({
				kind: 'error',
				status,
				type: HOSTILE_HEADER_TYPE,
				message: 'Rate exceeded',
			}));
			const error = await omicsRejection(batchApi().getBatch('1'));
			expectSafe(error);
			// Stripped of its C1 sequences the type would read "ThrottlingException": it is matched as sent,
			// so a hostile type cannot pose as a known one; it is shown sanitised.
			expect(error.kind).toBe('unknown');
			expect(error.details.code).toBe('ThrottlingException');
			expect(error.details.httpStatus).toBe(status);
			expect(error.message).toBe('GetBatch failed: ThrottlingException: Rate exceeded');
		},
	);

	it.each([
		[400, 'invalid'],
		[418, 'unknown'],
	] as const)(
		'a hostile __type and message in the body only (HTTP %i) come out safe, as %s',
		async (status, kind) => {
			service.setScript('GetBatch', () => ({
				kind: 'error',
				status,
				type: HOSTILE_STRING,
				message: HOSTILE_STRING,
				omitTypeHeader: true,
			}));
			const error = await omicsRejection(batchApi().getBatch('1'));
			expectSafe(error);
			expect(error.kind).toBe(kind);
			// The visible words survive; only the sequences around them are gone.
			expect(error.message).toContain('batch');
			expect(error.details.code).toMatch(/^batch/);
		},
	);

	it('a hostile x-amzn-RequestId header (C1 controls and sequences) becomes a safe request id', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'error',
			status: 404,
			type: 'ResourceNotFoundException',
			message: 'no such batch',
			headers: {'x-amzn-RequestId': 'req-\u009b2J\u009d0;pwned-c1-title\u009c\u0085\u00ad-7f3a'},
		}));
		const error = await omicsRejection(batchApi().getBatch('1'));
		expectSafe(error);
		expect(error.kind).toBe('not-found');
		expect(error.details.requestId).toBe('req- -7f3a');
	});
});

describe('the per-call deadline', () => {
	const body = JSON.stringify(validBatch('1'));

	it.each<[string, Answer]>([
		['hang', {kind: 'hang'}],
		['headers-then-hang', {kind: 'headers-then-hang'}],
		['a drip slower than the deadline', {kind: 'drip', body, everyMs: 20, bytesPerTick: 10}],
	])('%s: unavailable, "did not answer GetBatch within 0.4s", well inside 1.5 s', async (_name, answer) => {
		service.setScript('GetBatch', () => answer);
		const started = Date.now();
		const error = await omicsRejection(batchApi(400).getBatch('1'));
		const elapsed = Date.now() - started;
		expect(error.kind).toBe('unavailable');
		expect(error.message).toBe('HealthOmics did not answer GetBatch within 0.4s');
		expect(error.details.code).toBe('Deadline');
		expectSafe(error);
		expect(elapsed).toBeGreaterThanOrEqual(390);
		expect(elapsed).toBeLessThan(1_500);
	});

	it('a drip that finishes inside the deadline resolves', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'drip',
			body,
			everyMs: 15,
			bytesPerTick: Math.ceil(body.length / 8),
		}));
		const started = Date.now();
		const batch = await batchApi(400).getBatch('1');
		expect(batch.id).toBe('1');
		expect(batch.totalRuns).toBe(10);
		expect(Date.now() - started).toBeGreaterThanOrEqual(100);
	});

	it('releases the sockets of timed-out calls: after every socket hung, the next call still gets one', async () => {
		const api = batchApi(400);
		const hung = api.maxConcurrent + 10;
		service.setScript('GetBatch', (request) =>
			request.params['batchId'] === 'after' ? {kind: 'json', body: validBatch('after')} : {kind: 'hang'},
		);
		// More hung calls than the agent has sockets: if an aborted request kept its socket, the pool
		// would stay full and the follow-up below would queue for a socket until its own deadline.
		const errors = await Promise.all(
			Array.from({length: hung}, (_, index) => omicsRejection(api.getBatch(String(index + 1)))),
		);
		expect(new Set(errors.map((error) => error.kind))).toEqual(new Set(['unavailable']));
		// The ten queued in the agent ran out of time before a socket was free: they never went out.
		expect(service.count('GetBatch')).toBeGreaterThanOrEqual(api.maxConcurrent);
		expect(service.count('GetBatch')).toBeLessThanOrEqual(hung);

		const started = Date.now();
		expect((await api.getBatch('after')).id).toBe('after');
		expect(Date.now() - started).toBeLessThan(400);
		// A socket with an unanswered request on it must never go back into the keep-alive pool.
		expect(service.requests.at(-1)?.socketReused).toBe(false);

		const closing = Date.now();
		await service.close();
		expect(Date.now() - closing).toBeLessThan(500);
	});

	it('does not count time spent waiting in the RequestBudget', async () => {
		service.setScript('GetBatch', (request) =>
			later(300, {kind: 'json', body: validBatch(request.params['batchId'] ?? '')})(),
		);
		const api = batchApi(500);
		const budget = new RequestBudget({ratePerSecond: 1, burst: 1});
		try {
			const started = Date.now();
			const [first, second] = await Promise.all([
				budget.run('high', undefined, () => api.getBatch('1')),
				budget.run('high', undefined, () => api.getBatch('2')),
			]);
			expect([first.id, second.id]).toEqual(['1', '2']);
			// The second waited about a second for its token, twice its deadline, and still succeeded.
			const [a, b] = service.requests.map((request) => request.at);
			expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(900);
			expect(Date.now() - started).toBeGreaterThanOrEqual(1_200);
		} finally {
			budget.close();
		}
	});
});

describe('connection resets', () => {
	it('retries a reset of a reused keep-alive socket once, on a fresh socket', async () => {
		service.setScript('GetBatch', (request, index) =>
			index === 0
				? {kind: 'json-then-close', body: validBatch(request.params['batchId'] ?? '')}
				: {kind: 'json', body: validBatch(request.params['batchId'] ?? '')},
		);
		const api = batchApi();
		expect((await api.getBatch('1')).id).toBe('1');
		expect((await api.getBatch('2')).id).toBe('2');
		expect(service.count('GetBatch')).toBe(3);
		expect(service.requests.map((request) => [request.socketReused, request.answeredWith])).toEqual([
			[false, 'json-then-close'],
			[true, 'doomed'],
			[false, 'json'],
		]);
	});

	it('does not retry a reset on a fresh socket: the server saw the request', async () => {
		service.setScript('GetBatch', () => ({kind: 'reset'}));
		const error = await omicsRejection(batchApi().getBatch('1'));
		expect(error.kind).toBe('unavailable');
		expect(error.message).toBe('HealthOmics unreachable (ECONNRESET)');
		expectSafe(error);
		expect(service.count('GetBatch')).toBe(1);
	});
});

describe('unreadable and unusual answers', () => {
	it.each<[string, Answer]>([
		['an epoch-number creationTime', {kind: 'json', body: validBatch('1', {creationTime: 1700000000})}],
		['a garbage creationTime string', {kind: 'json', body: validBatch('1', {creationTime: 'yesterday'})}],
		['truncated JSON', {kind: 'raw', body: '{"id":"1","status":"INPR'}],
		['an empty 200 body', {kind: 'raw', body: ''}],
	])('GetBatch with %s is bad-response', async (_name, answer) => {
		service.setScript('GetBatch', () => answer);
		const error = await omicsRejection(batchApi().getBatch('1'));
		expect(error.kind).toBe('bad-response');
		expect(error.message).toMatch(/^HealthOmics sent an unreadable GetBatch answer for batch 1/);
		expect(error.transient).toBe(true);
		expectSafe(error);
	});

	it('ListBatch whose items is not a list is bad-response', async () => {
		service.setScript('ListBatch', () => ({kind: 'json', body: {items: 'x'}}));
		const error = await omicsRejection(batchApi().listBatchPage({}));
		expect(error.kind).toBe('bad-response');
		expect(error.details.operation).toBe('ListBatch');
		expect(error.message).toMatch(/^HealthOmics sent an unreadable ListBatch answer/);
		expectSafe(error);
	});

	it('an HTML 502 from a proxy is unavailable, not bad-response', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'raw',
			status: 502,
			body: '<html><body>Bad Gateway</body></html>',
			headers: {'content-type': 'text/html'},
		}));
		const error = await omicsRejection(batchApi().getBatch('1'));
		expect(error.kind).toBe('unavailable');
		expect(error.details.httpStatus).toBe(502);
		expect(error.message).toBe('HealthOmics unreachable (HTTP 502)');
		expectSafe(error);
		expect(service.count('GetBatch')).toBe(1); // the SDK makes one attempt; the poller owns retries
	});

	it.each([
		['7', 7_000],
		['999999999', MAX_RETRY_AFTER_MS],
	])('429 ThrottlingException with Retry-After: %s is throttled, retryAfterMs %i', async (value, ms) => {
		service.setScript('GetBatch', () => ({
			kind: 'error',
			status: 429,
			type: 'ThrottlingException',
			message: 'Rate exceeded',
			headers: {'Retry-After': value},
		}));
		const error = await omicsRejection(batchApi().getBatch('1'));
		expect(error.kind).toBe('throttled');
		expect(error.details.retryAfterMs).toBe(ms);
		expect(error.details.httpStatus).toBe(429);
		expectSafe(error);
	});

	it('403 AccessDeniedException is access-denied, naming the IAM action', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'error',
			status: 403,
			type: 'AccessDeniedException',
			message: 'User is not authorized',
		}));
		const error = await omicsRejection(batchApi().getBatch('1'));
		expect(error.kind).toBe('access-denied');
		expect(error.action).toBe('omics:GetBatch');
		expect(error.details.requestId).toMatch(/^[0-9a-f-]{36}$/);
		expectSafe(error);
	});

	it('404 ResourceNotFoundException is not-found', async () => {
		service.setScript('GetBatch', () => ({
			kind: 'error',
			status: 404,
			type: 'ResourceNotFoundException',
			message: 'Batch not found',
		}));
		const error = await omicsRejection(batchApi().getBatch('1'));
		expect(error.kind).toBe('not-found');
		expect(error.message).toBe('not found: batch 1');
		expectSafe(error);
	});
});

describe('SDK log lines', () => {
	it('never reach the console, during a timed-out call or under socket pressure', async () => {
		const printed: string[] = [];
		const record = (...parts: unknown[]) => {
			printed.push(parts.map(String).join(' '));
		};
		const spies = [
			vi.spyOn(console, 'warn').mockImplementation(record),
			vi.spyOn(console, 'error').mockImplementation(record),
			vi.spyOn(console, 'log').mockImplementation(record),
			vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
				record(chunk);
				return true;
			}),
		];
		const warnings: string[] = [];
		const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
		process.on('warning', onWarning);
		try {
			// A call that runs into its deadline.
			service.setScript('GetBatch', (request) =>
				request.params['batchId'] === 'hang'
					? {kind: 'hang'}
					: later(300, {kind: 'json', body: validBatch(request.params['batchId'] ?? '')})(),
			);
			const timedOut = batchApi(400);
			expect((await omicsRejection(timedOut.getBatch('hang'))).kind).toBe('unavailable');

			// Socket pressure: three times the agent's sockets at once, most of them queued in the agent.
			const api = batchApi(5_000);
			const results = await Promise.all(
				Array.from({length: 3 * api.maxConcurrent}, (_, index) => api.getBatch(String(index + 1))),
			);
			expect(results).toHaveLength(3 * api.maxConcurrent);

			// The client's logger is the sink, not the console.
			const client = clients.at(-1);
			client?.config.logger.warn('probe from the test');
			expect(logged).toContainEqual({level: 'warn', message: 'probe from the test'});
		} finally {
			process.off('warning', onWarning);
			for (const spy of spies) spy.mockRestore();
		}
		expect(printed.map(escapeForReport)).toEqual([]);
		expect(warnings).toEqual([]);
	});
});

describe('concurrency', () => {
	it('200 calls at once through one budget: all succeed, never more in flight than the sockets', async () => {
		let inFlight = 0;
		let maxSeen = 0;
		service.setScript('GetBatch', async (request) => {
			inFlight += 1;
			maxSeen = Math.max(maxSeen, inFlight);
			await sleep(150);
			inFlight -= 1;
			return {kind: 'json', body: validBatch(request.params['batchId'] ?? '')};
		});
		const api = batchApi(1_000);
		const budget = new RequestBudget({ratePerSecond: 1000, maxInFlight: api.maxConcurrent});
		try {
			const ids = Array.from({length: 200}, (_, index) => String(index + 1));
			const batches = await Promise.all(
				ids.map((id) => budget.run('high', undefined, () => api.getBatch(id))),
			);
			expect(batches.map((batch) => batch.id)).toEqual(ids);
			expect(service.count('GetBatch')).toBe(200);
			expect(maxSeen).toBeLessThanOrEqual(api.maxConcurrent);
			expect(maxSeen).toBeGreaterThan(1);
			expect(budget.inFlight).toBe(0);
		} finally {
			budget.close();
		}
	});
});
