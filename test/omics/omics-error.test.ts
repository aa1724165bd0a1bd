import {describe, expect, it} from 'vitest';
import {OmicsError, parseRetryAfter, toOmicsError} from '../../source/omics/omics-error.js';

const sdkError = (name: string, status?: number, headers: Record<string, string> = {}, message = 'm') =>
	Object.assign(new Error(message), {
		name,
		$metadata: {httpStatusCode: status, requestId: 'req-1'},
		$response: {headers},
	});

describe('toOmicsError', () => {
	it.each([
		[sdkError('ResourceNotFoundException', 404), 'not-found'],
		[sdkError('AccessDeniedException', 403), 'access-denied'],
		[sdkError('ThrottlingException', 429), 'throttled'],
		[sdkError('InternalServerException', 500), 'unavailable'],
		[sdkError('RequestTimeoutException', 408), 'unavailable'],
		[sdkError('ValidationException', 400), 'invalid'],
		[sdkError('ExpiredTokenException', 403), 'expired-credentials'],
		[sdkError('UnrecognizedClientException', 403), 'expired-credentials'],
		[
			Object.assign(new Error('Could not load credentials from any providers'), {
				name: 'CredentialsProviderError',
			}),
			'no-credentials',
		],
		[new Error('Region is missing'), 'no-region'],
		[Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {code: 'ECONNREFUSED'}), 'unavailable'],
		[Object.assign(new Error('timed out'), {name: 'TimeoutError'}), 'unavailable'],
		[new SyntaxError('Unexpected end of JSON input'), 'bad-response'],
		[sdkError('Weird', 418), 'unknown'],
	])('classifies %s as %s', (error, kind) => {
		expect(toOmicsError(error, 'GetBatch').kind).toBe(kind);
	});

	it('keeps the request id and Retry-After, and names the IAM action', () => {
		const error = toOmicsError(sdkError('ThrottlingException', 429, {'retry-after': '3'}), 'GetBatch');
		expect(error).toBeInstanceOf(OmicsError);
		expect(error.details.requestId).toBe('req-1');
		expect(error.details.retryAfterMs).toBe(3000);
		expect(error.action).toBe('omics:GetBatch');
		expect(error.transient).toBe(true);
		expect(toOmicsError(sdkError('AccessDeniedException', 403), 'ListBatch').message).toContain(
			'omics:ListBatch',
		);
	});

	it('sanitises the service message and request id before they can reach a terminal or a log', () => {
		const hostile = Object.assign(new Error('bad \u001b]0;owned\u0007value\u001b[2J'), {
			name: 'ValidationException',
			$metadata: {httpStatusCode: 400, requestId: 'id\u001b[31m'},
		});
		const error = toOmicsError(hostile, 'GetBatch');
		expect(error.message).toBe('rejected as invalid (GetBatch): bad value');
		expect(error.details.requestId).toBe('id');
		expect(toOmicsError(Object.assign(new Error('x\u0007y'), {name: 'Odd'}), 'GetBatch').message).toBe(
			'GetBatch failed: Odd: xy',
		);
	});

	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});
