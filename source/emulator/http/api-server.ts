import {randomUUID} from 'node:crypto';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {ApiError} from './api-error.js';
import {callHandler} from './call-handler.js';
import {matchRoute, type MatchedRoute} from './routes.js';
import {parseJsonBody, readBody} from './request-body.js';
import {sendError, sendJson, sendMalformed} from './responses.js';
import {validateRequest} from './shape-validation.js';
import {handleIntrospection, INTROSPECTION_PREFIX} from './introspection.js';
import {logsTargetOf, sendLogsError, sendLogsJson, type LogsOperation} from './logs-protocol.js';
import {handleLogs} from '../handlers/log-reads.js';
import type {FaultDecision, FaultInjector} from './faults.js';
import type {RequestStats} from './request-stats.js';
import type {PageTokens} from './page-token.js';
import type {Account} from '../model/account.js';
import type {VirtualClock} from '../model/virtual-clock.js';
import type {TaskCatalog} from '../model/task-catalog.js';

export interface ApiServerParts {
	readonly account: Account;
	readonly clock: VirtualClock;
	readonly tokens: PageTokens;
	readonly faults: FaultInjector;
	readonly stats: RequestStats;
	readonly s3SettingsRuns: number;
	/** The scenario's own task catalogue (scenario `tasks`); the built-in one when absent. */
	readonly taskCatalog?: TaskCatalog;
}

/** How long an idle keep-alive connection stays open: longer than any client's poll interval. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The emulator's HTTP server: AWS API routes, fault injection, request counting and `/__emulator/*`. */
export function createApiServer(parts: ApiServerParts): Server {
	const pendingDelays = new Set<NodeJS.Timeout>();
	const server = createServer((request, response) => {
		handle(parts, request, response, pendingDelays).catch((error: unknown) => {
			// Last line of defence: a bug answers 500 in the API's shape instead of killing the server.
			if (!response.headersSent) {
				sendError(
					response,
					new ApiError(500, 'InternalServerException', `Emulator error: ${String(error)}`),
					randomUUID(),
				);
			}
		});
	});
	// Idle keep-alive sockets outlive any client's poll interval (the monitor's is 5 s at least), so a
	// client never reuses a socket the server is closing at that very moment. Headers get longer still.
	server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
	server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
	server.on('close', () => {
		for (const timer of pendingDelays) clearTimeout(timer);
		pendingDelays.clear();
	});
	return server;
}

async function handle(
	parts: ApiServerParts,
	request: IncomingMessage,
	response: ServerResponse,
	delays: Set<NodeJS.Timeout>,
): Promise<void> {
	const requestId = randomUUID();
	const url = new URL(request.url ?? '/', 'http://emulator.invalid');
	const method = request.method ?? 'GET';

	if (url.pathname.startsWith(INTROSPECTION_PREFIX)) {
		await handleIntrospection(parts, method, url, request, response, requestId);
		return;
	}

	const logsTarget = logsTargetOf(method, url.pathname, request.headers);
	if (logsTarget === '') {
		parts.stats.record('UnknownOperation', 400);
		request.resume();
		sendLogsError(
			response,
			new ApiError(
				400,
				'UnknownOperationException',
				`Unknown operation ${String(request.headers['x-amz-target'])}`,
			),
			requestId,
		);
		return;
	}
	const route = logsTarget === undefined ? matchRoute(method, url.pathname) : undefined;
	if (!route && logsTarget === undefined) {
		parts.stats.record('UnknownOperation', 404);
		request.resume();
		sendError(
			response,
			new ApiError(404, 'UnknownOperationException', `No operation matches ${method} ${url.pathname}`),
			requestId,
		);
		return;
	}

	// A CloudWatch Logs request (AWS JSON 1.1) or a HealthOmics one (REST JSON): same faults and counters.
	const operation = logsTarget ?? (route as MatchedRoute).operation;
	const service = logsTarget === undefined ? 'omics' : 'logs';
	const decision = parts.faults.decide(operation, typeof request.headers.authorization === 'string');
	if (decision.latencyMs > 0) await delay(decision.latencyMs, delays);
	if (decision.outcome === 'hang') {
		// Never answer: the client's own timeout (or the emulator stopping) ends the exchange.
		parts.stats.record(operation, 0);
		request.resume();
		return;
	}

	let statusCode = 500;
	const started = performance.now();
	try {
		refuseByFault(decision, operation, service);
		const body = parseJsonBody(await readBody(request));
		if (logsTarget !== undefined) {
			const answer = await handleLogs(logsTarget as LogsOperation, body, {
				account: parts.account,
				tokens: parts.tokens,
				...(parts.taskCatalog ? {taskCatalog: parts.taskCatalog} : {}),
				abandoned: () => request.socket.destroyed,
			});
			statusCode = 200;
			if (decision.malformed) sendMalformed(response, 200, requestId, answer);
			else sendLogsJson(response, requestId, answer);
			return;
		}
		const omics = route as MatchedRoute;
		validateRequest(omics.operation, {params: omics.params, query: url.searchParams, body});
		const result = await callHandler(omics, {
			account: parts.account,
			tokens: parts.tokens,
			params: omics.params,
			query: url.searchParams,
			body,
			s3SettingsRuns: parts.s3SettingsRuns,
			...(parts.taskCatalog ? {taskCatalog: parts.taskCatalog} : {}),
		});
		statusCode = result.statusCode;
		if (decision.malformed) sendMalformed(response, result.statusCode, requestId, result.body);
		else sendJson(response, result.statusCode, requestId, result.body);
	} catch (error) {
		const apiError =
			error instanceof ApiError
				? error
				: new ApiError(500, 'InternalServerException', `Emulator error: ${String(error)}`);
		// The JSON protocol answers the caller's errors with 400, whatever their kind.
		statusCode = logsTarget === undefined || apiError.statusCode >= 500 ? apiError.statusCode : 400;
		if (apiError.statusCode === 413) {
			response.setHeader('connection', 'close');
			response.on('finish', () => request.destroy());
		} else {
			request.resume();
		}
		if (logsTarget === undefined) sendError(response, apiError, requestId);
		else sendLogsError(response, apiError, requestId);
	} finally {
		parts.stats.record(operation, statusCode, performance.now() - started);
	}
}

/** Turns a fault decision into the error the service would have sent. */
function refuseByFault(decision: FaultDecision, operation: string, service: 'omics' | 'logs'): void {
	switch (decision.outcome) {
		case 'unauthenticated':
			throw new ApiError(
				403,
				'AccessDeniedException',
				`Missing Authentication Token: ${service}:${operation} requires a signed request`,
			);
		case 'expired':
			throw new ApiError(
				403,
				'ExpiredTokenException',
				'The security token included in the request is expired',
			);
		case 'deny':
			throw new ApiError(
				403,
				'AccessDeniedException',
				`User: arn:aws:sts::123456789012:assumed-role/Analyst/session is not authorized to perform: ${service}:${operation} because no identity-based policy allows the ${service}:${operation} action`,
			);
		case 'quotaExceeded':
			throw new ApiError(
				402,
				'ServiceQuotaExceededException',
				`The request for ${service}:${operation} exceeds a service quota for this account`,
			);
		case 'requestTimeout':
			throw new ApiError(
				408,
				'RequestTimeoutException',
				'The request timed out before the service could answer it',
			);
		case 'throttle':
			throw new ApiError(429, 'ThrottlingException', 'Rate exceeded', {
				'retry-after': String(decision.retryAfter),
			});
		case 'error5xx':
			throw new ApiError(
				500,
				'InternalServerException',
				'We encountered an internal error. Please try again.',
			);
		default:
	}
}

function delay(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			resolve();
		}, ms);
		timers.add(timer);
	});
}
