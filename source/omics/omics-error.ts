import type {ErrorKind} from '../domain/exit-policy.js';
import {sanitizeText} from '../domain/sanitize-text.js';
import {
	classifyCredentialFailure,
	CredentialChainError,
	type CredentialCause,
	type CredentialContext,
	type CredentialFailure,
} from './credential-error.js';
import {classifyConnectionError, NETWORK_CODES} from './tls-error.js';

/** The few kinds of failure the poller and the UI treat differently (domain/exit-policy.ts). */
export type OmicsErrorKind = ErrorKind;

/** A failed HealthOmics call, classified, with what support needs (request id, IAM action). */
export class OmicsError extends Error {
	constructor(
		readonly kind: OmicsErrorKind,
		message: string,
		readonly details: {
			readonly operation: string;
			readonly requestId?: string;
			readonly httpStatus?: number;
			readonly retryAfterMs?: number;
			readonly code?: string;
			/** The shared-config profile in use, when one was named (--profile, AWS_PROFILE). */
			readonly profile?: string;
			/** The IAM action that failed when it is not omics:<operation> (sts:AssumeRole). */
			readonly action?: string;
			/** Set when the SDK's credential chain failed, before HealthOmics was asked anything. */
			readonly credentials?: CredentialCause;
		},
	) {
		super(message);
		this.name = 'OmicsError';
	}

	/** The IAM action the call needed, e.g. omics:GetBatch (sts:AssumeRole when the role was refused). */
	get action(): string {
		return this.details.action ?? `omics:${this.details.operation}`;
	}

	/** Whether trying again later can succeed without the user changing anything. */
	get transient(): boolean {
		return this.kind === 'throttled' || this.kind === 'unavailable' || this.kind === 'bad-response';
	}
}

const EXPIRED = new Set([
	'ExpiredTokenException',
	'ExpiredToken',
	'RequestExpired',
	'TokenRefreshRequired',
	'InvalidClientTokenId',
	'UnrecognizedClientException',
	'InvalidSignatureException',
	'SignatureDoesNotMatch',
]);

interface SdkErrorShape {
	name?: string;
	message?: string;
	code?: string;
	$metadata?: {httpStatusCode?: number; requestId?: string};
	$response?: {headers?: Record<string, string | undefined>};
	cause?: unknown;
}

/** Reads Retry-After (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return Math.min(MAX_RETRY_AFTER_MS, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}

/** A Retry-After longer than this is not believed: a hostile or broken answer must not stop polling for days. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** The OmicsError for a failure of the credential chain (credential-error.ts worded it). */
export function credentialOmicsError(failure: CredentialFailure, operation: string): OmicsError {
	return new OmicsError(failure.kind, failure.message, {
		operation,
		code: failure.code,
		profile: failure.profile,
		credentials: failure.credentials,
		...(failure.action ? {action: failure.action} : {}),
		...(failure.httpStatus === undefined ? {} : {httpStatus: failure.httpStatus}),
		...(failure.requestId ? {requestId: failure.requestId} : {}),
	});
}

/**
 * Maps anything the SDK (or the network under it) throws to an OmicsError. `credentials` describes the
 * client's credential chain (omics-client.ts), for naming the profile in what HealthOmics refused.
 */
export function toOmicsError(
	error: unknown,
	operation: string,
	subject = '',
	credentials?: CredentialContext,
): OmicsError {
	if (error instanceof OmicsError) return error;
	// The credential chain failed (omics-client.ts wraps its provider): STS, SSO, credential_process or
	// the profile, never HealthOmics.
	if (error instanceof CredentialChainError)
		return credentialOmicsError(classifyCredentialFailure(error, operation), operation);
	const shape = (
		typeof error === 'object' && error !== null ? error : {message: String(error)}
	) as SdkErrorShape;
	// The name comes from the answer's x-amzn-ErrorType header or its body's __type/code: untrusted.
	// It is matched as sent (a type with control bytes in it is no known type) and shown sanitised.
	const type = shape.name ?? 'Error';
	const name = sanitizeText(type, 100) || 'Error';
	const status = shape.$metadata?.httpStatusCode;
	const rawCode = shape.code ?? (shape.cause as {code?: string} | undefined)?.code;
	const code = typeof rawCode === 'string' ? sanitizeText(rawCode, 100) : undefined;
	const headers = shape.$response?.headers ?? {};
	const retryAfterMs = parseRetryAfter(headers['retry-after'] ?? headers['Retry-After']);
	const profile =
		credentials && credentials.profile.namedBy !== 'default'
			? sanitizeText(credentials.profile.name, 64)
			: undefined;
	const details = {
		operation,
		...(profile ? {profile} : {}),
		...(shape.$metadata?.requestId ? {requestId: sanitizeText(shape.$metadata.requestId, 128)} : {}),
		...(status === undefined ? {} : {httpStatus: status}),
		...(retryAfterMs === undefined ? {} : {retryAfterMs}),
		code: code ?? name,
	};
	const about = subject ? ` ${subject}` : '';
	// Service messages are untrusted text: they reach the terminal and logs only through the sanitiser.
	const raw = sanitizeText((shape.message ?? '').split('\n')[0] ?? '', 300);

	// The connection itself failed (an untrusted certificate, a refusing proxy): checked first, because a
	// credential provider that met it on its way to STS or SSO re-throws it as a CredentialsProviderError.
	const connection = classifyConnectionError(error, operation);
	if (connection)
		return new OmicsError(connection.kind, connection.message, {...details, code: connection.code});
	if (
		type === 'CredentialsProviderError' ||
		/Could not load credentials|credential.* not (found|loaded)/i.test(raw)
	) {
		return new OmicsError(
			'no-credentials',
			'no AWS credentials found: run "aws sso login", pass --profile, set AWS_ACCESS_KEY_ID, or try --demo',
			details,
		);
	}
	if (/Region is missing/i.test(raw)) {
		return new OmicsError(
			'no-region',
			'no AWS region: pass --region, set AWS_REGION, or give a batch ARN (it names its region)',
			details,
		);
	}
	if (EXPIRED.has(type) || (status === 403 && /expired|security token/i.test(raw))) {
		const source = credentials?.source;
		const login = source?.leafKind === 'sso' ? sanitizeText(source.leafProfile, 64) : undefined;
		return new OmicsError(
			'expired-credentials',
			profile
				? `AWS credentials of profile ${profile} expired or were rejected: ${login ? `run "aws sso login --profile ${login}"` : 'refresh them'}`
				: 'AWS credentials expired or were rejected: run "aws sso login" or refresh them',
			details,
		);
	}
	if (type === 'ThrottlingException' || type === 'TooManyRequestsException' || status === 429) {
		return new OmicsError('throttled', `throttled by HealthOmics (${operation})`, details);
	}
	if (type === 'ResourceNotFoundException' || status === 404) {
		return new OmicsError('not-found', `not found:${about || ` ${operation}`}`, details);
	}
	if (type === 'AccessDeniedException' || status === 403) {
		return new OmicsError(
			'access-denied',
			`access denied: these credentials may not call omics:${operation}`,
			details,
		);
	}
	if (type === 'ValidationException' || status === 400 || status === 413) {
		return new OmicsError('invalid', `rejected as invalid (${operation}): ${raw}`, details);
	}
	// A 2xx answer the SDK could not parse (truncated or garbage JSON, a timestamp that is not one):
	// the service said something, but not something batchtop can trust.
	if (
		(status === undefined || (status >= 200 && status < 300)) &&
		// Smithy's deserializer middleware appends this line to whatever its parsers threw.
		(type === 'SyntaxError' || /Deserialization error/.test(shape.message ?? '')) &&
		!(code !== undefined && NETWORK_CODES.has(code))
	) {
		return new OmicsError(
			'bad-response',
			`HealthOmics sent an unreadable ${operation} answer${subject ? ` for ${subject}` : ''}`,
			details,
		);
	}
	// Node's HTTP parser refused the answer itself (an invalid header, a broken chunk).
	if (code?.startsWith('HPE_')) {
		return new OmicsError(
			'bad-response',
			`HealthOmics sent an unreadable ${operation} answer${subject ? ` for ${subject}` : ''} (malformed HTTP)`,
			details,
		);
	}
	if (
		(status !== undefined && (status >= 500 || status === 408)) ||
		type === 'RequestTimeoutException' ||
		type === 'TimeoutError' ||
		(code !== undefined && NETWORK_CODES.has(code)) ||
		/socket hang up|ECONNREFUSED|ECONNRESET/i.test(raw)
	) {
		const why =
			code !== undefined && NETWORK_CODES.has(code) ? code : status !== undefined ? `HTTP ${status}` : name;
		return new OmicsError('unavailable', `HealthOmics unreachable (${why})`, details);
	}
	return new OmicsError('unknown', `${operation} failed: ${name}${raw ? `: ${raw}` : ''}`, details);
}
