import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {validationError} from './api-error.js';

/**
 * Opaque, signed pagination tokens. A token is only valid for the listing (operation, batch,
 * filter) that issued it and for this emulator instance; anything else is a 400, never a crash.
 */
export class PageTokens {
	readonly #secret: Buffer;

	constructor(secret: Buffer = randomBytes(32)) {
		this.#secret = secret;
	}

	/** Encodes a resume position for the listing named by `scope`. */
	issue(scope: string, position: readonly number[]): string {
		const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
		return `${payload}.${this.#sign(scope, payload)}`;
	}

	/** Decodes a token issued by `issue` for the same scope, or throws a ValidationException. */
	read(scope: string, token: string, length: number): number[] {
		const invalid = validationError(
			'The pagination token is invalid or has expired; start the listing again without startingToken',
		);
		const [payload, signature, ...rest] = token.split('.');
		if (!payload || !signature || rest.length > 0) throw invalid;
		const expected = Buffer.from(this.#sign(scope, payload));
		const given = Buffer.from(signature);
		if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
		let position: unknown;
		try {
			position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		} catch {
			throw invalid;
		}
		if (!Array.isArray(position) || position.length !== length || !position.every((n) => Number.isFinite(n)))
			throw invalid;
		return position as number[];
	}

	#sign(scope: string, payload: string): string {
		return createHmac('sha256', this.#secret)
			.update(scope)
			.update('\n')
			.update(payload)
			.digest('base64url')
			.slice(0, 22);
	}
}
