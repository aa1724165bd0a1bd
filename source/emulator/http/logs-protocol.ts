import type {IncomingHttpHeaders, ServerResponse} from 'node:http';
import {ApiError} from './api-error.js';

// The CloudWatch Logs wire protocol (AWS JSON 1.1) on the emulator's port: `POST /` with
// `X-Amz-Target: Logs_20140328.<Operation>`; answers are application/x-amz-json-1.1, and errors are
// HTTP 400 (500 for the service's own failures) with `{"__type", "message"}`.

const TARGET_PREFIX = 'Logs_20140328.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** The CloudWatch Logs operations the emulator serves. */
export const LOGS_OPERATIONS = ['GetLogEvents', 'FilterLogEvents', 'DescribeLogStreams'] as const;
export type LogsOperation = (typeof LOGS_OPERATIONS)[number];

/** The operation a Logs request names (or `''` for an unknown one); undefined when it is no Logs request. */
export function logsTargetOf(method: string, path: string, headers: IncomingHttpHeaders): string | undefined {
	const target = headers['x-amz-target'];
	if (method !== 'POST' || path !== '/' || typeof target !== 'string' || !target.startsWith(TARGET_PREFIX))
		return undefined;
	const operation = target.slice(TARGET_PREFIX.length);
	return (LOGS_OPERATIONS as readonly string[]).includes(operation) ? operation : '';
}

/** The Logs service's error for a bad parameter. */
export const invalidParameter = (message: string): ApiError =>
	new ApiError(400, 'InvalidParameterException', message);
/** The Logs service's error for an unknown log group or stream. */
export const logsNotFound = (message: string): ApiError =>
	new ApiError(400, 'ResourceNotFoundException', message);

/** Sends a Logs success body. */
export function sendLogsJson(response: ServerResponse, requestId: string, body: unknown): void {
	const text = JSON.stringify(body);
	response.writeHead(200, {
		'content-type': CONTENT_TYPE,
		'content-length': Buffer.byteLength(text),
		'x-amzn-RequestId': requestId,
	});
	response.end(text);
}

/**
 * The Logs service's name for an error met before a Logs handler ran. The shared body reader refuses an
 * unparsable body with HealthOmics' ValidationException; CloudWatch Logs calls that a SerializationException
 * (HTTP 400). No Logs handler throws ValidationException (its constraint errors are InvalidParameterException),
 * so a 400 ValidationException reaching here can only be the body reader's.
 */
export function asLogsError(error: ApiError): ApiError {
	if (error.statusCode === 400 && error.type === 'ValidationException')
		return new ApiError(400, 'SerializationException', error.message, error.headers);
	return error;
}

/** Sends an error in the JSON protocol's shape: 400 for the caller's errors, the 5xx as it is. */
export function sendLogsError(response: ServerResponse, thrown: ApiError, requestId: string): void {
	const error = asLogsError(thrown);
	const text = JSON.stringify({__type: error.type, message: error.message});
	response.writeHead(error.statusCode >= 500 ? error.statusCode : 400, {
		'content-type': CONTENT_TYPE,
		'content-length': Buffer.byteLength(text),
		'x-amzn-RequestId': requestId,
		...error.headers,
	});
	response.end(text);
}
