import {catchUpAccount} from '../model/account-catch-up.js';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {ApiError} from './api-error.js';
import {FaultSpecError, validateFaultTable} from './faults.js';
import {parseJsonBody, readBody} from './request-body.js';
import {sendError, sendJson} from './responses.js';
import type {ApiServerParts} from './api-server.js';

/** Paths outside the AWS API, for tests and benchmarks; never counted in the request stats. */
export const INTROSPECTION_PREFIX = '/__emulator/';

const iso = (ms: number): string => new Date(Math.floor(ms)).toISOString();

/** Serves `/__emulator/{stats,stats/reset,faults,advance,batches}`. */
export async function handleIntrospection(
	parts: ApiServerParts,
	method: string,
	url: URL,
	request: IncomingMessage,
	response: ServerResponse,
	requestId: string,
): Promise<void> {
	const path = url.pathname.slice(INTROSPECTION_PREFIX.length);
	try {
		const body = parseJsonBody(await readBody(request));
		const key = `${method} ${path}`;
		switch (key) {
			case 'GET stats':
				sendJson(response, 200, requestId, {
					...parts.stats.toJSON(),
					virtualTime: iso(parts.clock.now()),
					speed: parts.clock.speed,
					clock: parts.clock.mode,
				});
				return;
			case 'POST stats/reset':
				parts.stats.reset();
				sendJson(response, 200, requestId, parts.stats.toJSON());
				return;
			case 'GET faults':
				sendJson(response, 200, requestId, parts.faults.table);
				return;
			case 'PUT faults':
				parts.faults.table = validateFaultTable(body ?? {});
				sendJson(response, 200, requestId, parts.faults.table);
				return;
			case 'POST advance': {
				const seconds = (body as {seconds?: unknown} | undefined)?.seconds;
				if (typeof seconds !== 'number' || !(seconds >= 0) || !Number.isFinite(seconds)) {
					throw new ApiError(
						400,
						'ValidationException',
						'advance needs a JSON body {"seconds": N} with N >= 0',
					);
				}
				parts.clock.advance(seconds * 1000);
				sendJson(response, 200, requestId, {virtualTime: iso(parts.clock.now())});
				return;
			}
			case 'GET batches': {
				// Every batch, so caught up in slices first: a big account must not block other requests.
				await catchUpAccount(parts.account);
				const now = parts.clock.now();
				const batches = parts.account.all().map((record) => {
					record.sim.advanceTo(now);
					return {
						id: record.id,
						name: record.name,
						status: record.sim.status,
						deleted: record.deleted,
						totalRuns: record.sim.totalRuns,
						history: record.sim.history.map((change) => ({status: change.status, at: iso(change.at)})),
					};
				});
				sendJson(response, 200, requestId, {virtualTime: iso(now), batches});
				return;
			}
			default:
				throw new ApiError(
					404,
					'UnknownOperationException',
					`No emulator endpoint ${method} ${url.pathname}`,
				);
		}
	} catch (error) {
		const apiError =
			error instanceof ApiError
				? error
				: error instanceof FaultSpecError
					? new ApiError(400, 'ValidationException', error.message)
					: new ApiError(500, 'InternalServerException', String(error));
		sendError(response, apiError, requestId);
	}
}
