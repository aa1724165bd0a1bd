import {describe, expect, it} from 'vitest';
import {PageTokens} from '../../../source/emulator/http/page-token.js';
import {ApiError} from '../../../source/emulator/http/api-error.js';

describe('page tokens', () => {
	const tokens = new PageTokens(Buffer.alloc(32, 7));

	it('round-trips a position for the same scope', () => {
		const token = tokens.issue('ListRuns|FAILED', [3, 1234.5]);
		expect(tokens.read('ListRuns|FAILED', token, 2)).toEqual([3, 1234.5]);
	});

	it.each([
		['another scope', (token: string) => ({scope: 'ListRuns|', token})],
		[
			'a changed payload',
			(token: string) => ({
				scope: 'ListRuns|FAILED',
				token: `${Buffer.from('[0,0]').toString('base64url')}.${token.split('.')[1]}`,
			}),
		],
		['no signature', (token: string) => ({scope: 'ListRuns|FAILED', token: token.split('.')[0] ?? ''})],
		['random text', () => ({scope: 'ListRuns|FAILED', token: 'hello world'})],
		['another secret', (token: string) => ({scope: 'ListRuns|FAILED', token, other: true})],
	])('rejects a token with %s as a ValidationException', (_label, mutate) => {
		const issued = tokens.issue('ListRuns|FAILED', [1, 2]);
		const {scope, token, other} = mutate(issued) as {scope: string; token: string; other?: boolean};
		const reader = other ? new PageTokens(Buffer.alloc(32, 8)) : tokens;
		try {
			reader.read(scope, token, 2);
			expect.unreachable('token should be rejected');
		} catch (error) {
			expect(error).toBeInstanceOf(ApiError);
			expect((error as ApiError).statusCode).toBe(400);
		}
	});

	it('rejects a well-signed token of the wrong shape', () => {
		const token = tokens.issue('s', [1]);
		expect(() => tokens.read('s', token, 2)).toThrow(ApiError);
	});
});
