import {sanitizeText} from '../domain/sanitize-text.js';

// Failures of the connection itself, before HealthOmics could answer: a certificate Node does not trust
// (a TLS-inspecting corporate proxy, a private endpoint), or a proxy that refused or did not answer.

/** What to do about a certificate that is not trusted: said once, after the problem. */
export const TLS_HINT = "set AWS_CA_BUNDLE or NODE_EXTRA_CA_CERTS to your proxy's CA, or check HTTPS_PROXY";

/** Node's and OpenSSL's certificate verification codes, in words. */
const CERTIFICATE_PROBLEMS: Readonly<Record<string, string>> = {
	DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
	SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain ends in a self-signed CA that is not trusted",
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is signed by an unknown CA",
	UNABLE_TO_GET_ISSUER_CERT: "the server's certificate is signed by an unknown CA",
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's certificate is signed by an unknown CA",
	UNABLE_TO_GET_CRL: "the server's certificate revocation list is not available",
	CERT_UNTRUSTED: "the server's certificate is not trusted",
	CERT_REJECTED: "the server's certificate was rejected",
	CERT_REVOKED: "the server's certificate has been revoked",
	CERT_HAS_EXPIRED: "the server's certificate has expired",
	CERT_NOT_YET_VALID: "the server's certificate is not valid yet (check the system clock)",
	CERT_SIGNATURE_FAILURE: "the server's certificate has a bad signature",
	UNABLE_TO_DECRYPT_CERT_SIGNATURE: "the server's certificate has a bad signature",
	UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: "the server's certificate has a bad signature",
	INVALID_CA: "the server's certificate chain holds a certificate that is not a CA",
	INVALID_PURPOSE: "the server's certificate is not for TLS servers",
	PATH_LENGTH_EXCEEDED: "the server's certificate chain is too long",
	CERT_CHAIN_TOO_LONG: "the server's certificate chain is too long",
	ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for another host name",
	HOSTNAME_MISMATCH: "the server's certificate is for another host name",
};

// What the same failures say when a credential provider re-wrapped them and only the text is left.
const CERTIFICATE_TEXTS: ReadonlyArray<[RegExp, string]> = [
	[/self[- ]signed certificate in certificate chain/i, 'SELF_SIGNED_CERT_IN_CHAIN'],
	[/self[- ]signed certificate/i, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
	[/unable to verify the first certificate/i, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
	[/unable to get local issuer certificate/i, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
	[/certificate has expired/i, 'CERT_HAS_EXPIRED'],
	[/Hostname\/IP does not match certificate's altnames/i, 'ERR_TLS_CERT_ALTNAME_INVALID'],
];

/**
 * Marks an error met on a proxied connection with a phrase naming the proxy (host:port only, never its
 * credentials): "at the proxy H:P" before the tunnel was open, "through the proxy H:P" after.
 */
export const VIA_PROXY = Symbol('batchtop.viaProxy');

/** Codes the proxy agents give their own failures (http-agents.ts). */
export const PROXY_REFUSED = 'BATCHTOP_PROXY_REFUSED';
export const PROXY_TIMEOUT = 'BATCHTOP_PROXY_TIMEOUT';

export interface ConnectionFailure {
	readonly kind: 'tls' | 'unavailable';
	readonly message: string;
	readonly code: string;
	/** For `unavailable`: what failed, without the "HealthOmics unreachable" around it. */
	readonly detail?: string;
}

/** Node's codes for a connection that could not be made or was lost (no HTTP answer came). */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ECONNABORTED',
	'UND_ERR_SOCKET',
]);

interface ErrorShape {
	readonly name?: unknown;
	readonly code?: unknown;
	readonly $metadata?: {readonly httpStatusCode?: number};
	readonly message?: unknown;
	readonly cause?: unknown;
	readonly [VIA_PROXY]?: string;
}

const shapeOf = (value: unknown): ErrorShape | undefined =>
	typeof value === 'object' && value !== null ? (value as ErrorShape) : undefined;

/**
 * A connection failure, classified: an untrusted certificate or a failed TLS handshake is `tls` (the
 * user must change something: a CA, the proxy, the endpoint), a refusing or silent proxy is `unavailable`
 * with the proxy named. Undefined for anything else (toOmicsError's other rules apply). `during` says
 * what the call was doing when it met the failure ("getting credentials for profile lab from STS").
 */
export function classifyConnectionError(
	error: unknown,
	operation: string,
	during?: string,
): ConnectionFailure | undefined {
	const outer = shapeOf(error);
	// Anything that came with an HTTP answer is the service's (or a forward proxy's) to classify: a body
	// can put any `code` on an SDK exception.
	if (!outer || outer.$metadata?.httpStatusCode !== undefined) return undefined;
	// The SDK passes Node's error through; credential providers may wrap it (cause) or keep only its text.
	const inner = shapeOf(outer.cause);
	const code = [outer.code, inner?.code].find((value): value is string => typeof value === 'string');
	const text = [outer.message, inner?.message].filter((value) => typeof value === 'string').join(' ');
	const proxy = outer[VIA_PROXY] ?? inner?.[VIA_PROXY];
	// SSO re-throws what it met as a CredentialsProviderError that keeps only the text.
	const via =
		(during ? `, ${during}` : '') +
		(proxy
			? ` ${proxy}`
			: !during && outer.name === 'CredentialsProviderError'
				? ', getting credentials'
				: '');

	const certificate =
		code && code in CERTIFICATE_PROBLEMS
			? code
			: CERTIFICATE_TEXTS.find(([pattern]) => pattern.test(text))?.[1];
	if (certificate)
		return {
			kind: 'tls',
			code: certificate,
			message: `TLS certificate not trusted (${operation}${via}): ${CERTIFICATE_PROBLEMS[certificate]} (${certificate}); ${TLS_HINT}`,
		};
	// A handshake that failed for another reason: TLS spoken to a plain-HTTP port (Node reports EPROTO
	// with OpenSSL's reason, "wrong version number"), no protocol or cipher in common, an alert.
	const reason = /SSL routines:[^:]*:([^:]+)/.exec(text)?.[1];
	if (code?.startsWith('ERR_SSL_') || (code === 'EPROTO' && reason)) {
		const which = sanitizeText(reason ? `${code}: ${reason}` : code, 120);
		const plain =
			/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|wrong version number|packet length too long|http request/i.test(
				`${code} ${reason ?? ''}`,
			);
		return {
			kind: 'tls',
			code: sanitizeText(code, 100),
			message: `TLS handshake failed (${operation}${via}): ${plain ? 'the other end does not speak TLS (an http:// address?)' : 'no secure connection could be agreed'} (${which}); check --endpoint-url and HTTPS_PROXY`,
		};
	}
	if (code === PROXY_REFUSED || code === PROXY_TIMEOUT) {
		// Worded by http-agents.ts; a refusal quotes the proxy's status line, which is its own text.
		const what = sanitizeText(typeof outer.message === 'string' ? outer.message : '', 200);
		return {kind: 'unavailable', code, message: `HealthOmics unreachable (${what})`, detail: what};
	}
	if (proxy && code && /^E[A-Z]+$/.test(code))
		return {
			kind: 'unavailable',
			code,
			message: `HealthOmics unreachable (${code} ${proxy})`,
			detail: `${code} ${proxy}`,
		};
	return undefined;
}
