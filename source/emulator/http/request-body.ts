import type {IncomingMessage} from 'node:http';
import {ApiError, validationError} from './api-error.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body up to 1 MiB; larger bodies are refused with 413 before they are buffered. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
	const declared = Number(request.headers['content-length'] ?? 0);
	if (declared > MAX_BODY_BYTES) throw tooLarge();
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw tooLarge();
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** Parses a JSON body; an empty body is `undefined`. */
export function parseJsonBody(raw: Buffer): unknown {
	if (raw.length === 0) return undefined;
	try {
		return JSON.parse(raw.toString('utf8')) as unknown;
	} catch {
		throw validationError('The request body is not valid JSON');
	}
}

function tooLarge(): ApiError {
	return new ApiError(
		413,
		'ValidationException',
		`The request body is larger than the ${MAX_BODY_BYTES} bytes allowed`,
	);
}
