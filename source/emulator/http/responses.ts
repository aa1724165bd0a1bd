import type {ServerResponse} from 'node:http';
import type {ApiError} from './api-error.js';

/** Sends a JSON (or empty) success body with the service's request-id header. */
export function sendJson(
	response: ServerResponse,
	statusCode: number,
	requestId: string,
	body?: unknown,
): void {
	const text = body === undefined ? '' : JSON.stringify(body);
	response.writeHead(statusCode, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'x-amzn-RequestId': requestId,
	});
	response.end(text);
}

/** Sends an error the way restJson1 clients identify it: header type, JSON message, and `__type`. */
export function sendError(response: ServerResponse, error: ApiError, requestId: string): void {
	const text = JSON.stringify({message: error.message, __type: error.type});
	response.writeHead(error.statusCode, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'x-amzn-RequestId': requestId,
		'x-amzn-ErrorType': error.type,
		...error.headers,
	});
	response.end(text);
}

/** A success answer cut short: what a broken proxy or a truncated transfer looks like to a client. */
export function sendMalformed(
	response: ServerResponse,
	statusCode: number,
	requestId: string,
	body: unknown,
): void {
	const full = JSON.stringify(body ?? {});
	const text = full.slice(0, Math.max(1, Math.floor(full.length / 2)));
	response.writeHead(statusCode, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'x-amzn-RequestId': requestId,
	});
	response.end(text);
}
