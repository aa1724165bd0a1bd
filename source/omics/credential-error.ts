import type {ErrorKind} from '../domain/exit-policy.js';
import {sanitizeText} from '../domain/sanitize-text.js';
import {ssoTokenState, type CredentialSource, type ProfileInUse} from './aws-config.js';
import {classifyConnectionError, NETWORK_CODES} from './tls-error.js';

// What went wrong while the SDK's credential chain was getting credentials, worded with the profile
// and the link of the chain that failed (STS, SSO, credential_process, the profile itself), with the
// SDK's own message beside it. The chain's failures reach batchtop wrapped in a CredentialChainError
// (omics-client.ts wraps the provider), so a 403 from STS is never mistaken for one from HealthOmics.

/** Which link of the credential chain failed. */
export type CredentialLink = 'profile' | 'sts' | 'sso' | 'process' | 'chain';

/** The credentials side of an OmicsError (details.credentials). */
export interface CredentialCause {
	readonly link: CredentialLink;
	/** The profile in use (sanitised). */
	readonly profile: string;
	/** The role that was to be assumed, if any. */
	readonly roleArn?: string;
	/** The SDK's own message, sanitised, first line. */
	readonly sdkMessage?: string;
}

/** What batchtop knows about the chain it gave the client: the profile and how it gets credentials. */
export interface CredentialContext {
	readonly profile: ProfileInUse;
	readonly source: CredentialSource;
	readonly configFile: string;
	readonly credentialsFile: string;
	/** The profiles in the files, for "not found" (sanitised, shortened). */
	readonly knownProfiles: string;
	/** Where HOME is, for the SSO token cache (read only when a failure is worded). */
	readonly env: NodeJS.ProcessEnv;
}

/** A failure of the SDK's credential chain, as thrown by the provider omics-client.ts gives the client. */
export class CredentialChainError extends Error {
	override readonly name = 'CredentialChainError';

	constructor(
		/** What the SDK threw. */
		readonly failure: unknown,
		readonly context: CredentialContext,
		/** Messages of the provider errors the chain met on the way (ProviderError logs each one). */
		readonly providerMessages: readonly string[],
	) {
		super(failure instanceof Error ? failure.message : String(failure), {cause: failure});
	}
}

/** A credential failure, classified: the fields of the OmicsError it becomes. */
export interface CredentialFailure {
	readonly kind: ErrorKind;
	readonly message: string;
	readonly code: string;
	/** The IAM action that was refused or not reached (sts:AssumeRole), when it is not omics:<operation>. */
	readonly action?: string;
	readonly httpStatus?: number;
	readonly requestId?: string;
	readonly profile: string;
	readonly credentials: CredentialCause;
}

// ProviderError's constructor logs every failure it is made for: `@smithy/property-provider -> MESSAGE`
// (`(!)` instead of `->` when the chain stops there). That is the only place the chain keeps the
// failures it went past: the error it finally throws is the last link's ("Could not load credentials
// from any providers"), and a failed credential_process is one it goes past.
const PROVIDER_LOG_PREFIX = '@smithy/property-provider ';
const MAX_RECORDS = 32;

/** Records the provider failures the chain logs at debug level; warnings and errors go on to `forward`. */
export class ProviderFailureLog {
	readonly #messages: string[] = [];

	/** A logger for the credential chain. */
	logger(forward?: {warn?: (message: string) => void; error?: (message: string) => void}) {
		const joined = (parts: unknown[]) => parts.map(String).join(' ');
		return {
			debug: (...parts: unknown[]) => {
				const [first] = parts;
				if (typeof first !== 'string' || !first.startsWith(PROVIDER_LOG_PREFIX)) return;
				const message = first.slice(PROVIDER_LOG_PREFIX.length).replace(/^(->|\(!\)) /, '');
				this.#messages.push(message.slice(0, 4_000));
				if (this.#messages.length > MAX_RECORDS) this.#messages.shift();
			},
			info: () => {},
			warn: (...parts: unknown[]) => forward?.warn?.(joined(parts)),
			error: (...parts: unknown[]) => forward?.error?.(joined(parts)),
		};
	}

	/** The failures recorded so far, oldest first. */
	messages(): readonly string[] {
		return [...this.#messages];
	}
}

interface ErrorShape {
	readonly name?: unknown;
	readonly message?: unknown;
	readonly code?: unknown;
	readonly tryNextLink?: unknown;
	readonly $metadata?: {readonly httpStatusCode?: number; readonly requestId?: string};
	readonly cause?: unknown;
}

const shapeOf = (value: unknown): ErrorShape =>
	typeof value === 'object' && value !== null ? (value as ErrorShape) : {message: String(value)};

const firstLine = (text: unknown): string => sanitizeText(String(text ?? '').split('\n')[0] ?? '', 300);

const EXPIRED_SOURCE = new Set([
	'ExpiredToken',
	'ExpiredTokenException',
	'InvalidClientTokenId',
	'SignatureDoesNotMatch',
	'IncompleteSignature',
	'InvalidIdentityToken',
]);

/** The STS action a role profile calls. */
const stsAction = (source: CredentialSource): string =>
	source.kind === 'web-identity' ? 'AssumeRoleWithWebIdentity' : 'AssumeRole';

/** "profile NAME not found in FILE (nor in FILE); profiles there: …" */
export function profileNotFoundMessage(context: CredentialContext): string {
	const name = sanitizeText(context.profile.name, 64);
	const known = context.knownProfiles
		? `; the profiles there: ${context.knownProfiles}`
		: '; it holds no profiles';
	const by = context.profile.namedBy === 'AWS_PROFILE' ? ' (named by AWS_PROFILE)' : '';
	return `profile ${name}${by} not found in ${context.configFile} (nor in ${context.credentialsFile})${known}`;
}

/** Which service the chain was talking to when the connection failed. */
function serviceOf(context: CredentialContext, failure: ErrorShape): {label: string; link: CredentialLink} {
	const {source} = context;
	// The SSO provider re-throws what its client met as a CredentialsProviderError (text only); STS's
	// errors come through as they were thrown.
	const wrapped = failure.name === 'CredentialsProviderError' || failure.name === 'TokenProviderError';
	if (
		source.leafKind === 'sso' &&
		(wrapped || (source.kind !== 'assume-role' && source.kind !== 'web-identity'))
	)
		return {label: 'SSO', link: 'sso'};
	if (source.kind === 'assume-role' || source.kind === 'web-identity') return {label: 'STS', link: 'sts'};
	return {label: 'the credential chain', link: 'chain'};
}

/** A network failure's code: on the error, on its cause, or (re-thrown as text) in its message. */
function networkCode(failure: ErrorShape): string | undefined {
	const cause = shapeOf(failure.cause);
	for (const code of [failure.code, cause.code])
		if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
	if (failure.name === 'TimeoutError' || cause.name === 'TimeoutError') return 'ETIMEDOUT';
	const text = `${String(failure.message ?? '')} ${String(cause.message ?? '')}`;
	for (const code of NETWORK_CODES) if (new RegExp(`\\b${code}\\b`).test(text)) return code;
	return undefined;
}

/** The helper's own words from a failed credential_process, as the chain recorded them. */
function processFailure(
	source: CredentialSource,
	messages: readonly string[],
): {said?: string; sdk?: string} {
	const command = source.credentialProcess;
	const profile = source.leafProfile;
	for (const message of messages) {
		// child_process.exec's error: "Command failed: CMD\n" + the helper's stderr.
		if (command !== undefined && message.startsWith(`Command failed: ${command}`)) {
			const stderr = message
				.slice(`Command failed: ${command}`.length)
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter(Boolean);
			return {
				sdk: firstLine(`Command failed: ${command}`),
				...(stderr[0] ? {said: sanitizeText(stderr[0], 300)} : {}),
			};
		}
		// The provider's own checks of what the helper printed (Version 1, keys, expiry, JSON).
		if (message.startsWith(`Profile ${profile} credential_process `)) return {sdk: firstLine(message)};
	}
	return {};
}

/** Says why the chain failed, naming the profile, the role and the link, with the SDK's message. */
export function classifyCredentialFailure(error: CredentialChainError, operation: string): CredentialFailure {
	const {context} = error;
	const {source} = context;
	const failure = shapeOf(error.failure);
	const profile = sanitizeText(context.profile.name, 64);
	const leaf = sanitizeText(source.leafProfile, 64);
	const named = context.profile.namedBy !== 'default';
	const role = source.roleArn ? sanitizeText(source.roleArn, 200) : undefined;
	const sdk = firstLine(failure.message);
	const type = typeof failure.name === 'string' ? failure.name : 'Error';
	const cause = (link: CredentialLink, sdkMessage = sdk): CredentialCause => ({
		link,
		profile,
		...(role ? {roleArn: role} : {}),
		...(sdkMessage ? {sdkMessage} : {}),
	});
	const result = (
		kind: ErrorKind,
		message: string,
		code: string,
		link: CredentialLink,
		extra: Partial<CredentialFailure> = {},
	): CredentialFailure => ({kind, message, code, profile, credentials: cause(link), ...extra});
	const besides = sdk ? ` (SDK: ${sdk})` : '';

	// 1. A profile named by --profile or AWS_PROFILE that neither file holds.
	if (named && source.kind === 'missing')
		return result(
			'no-credentials',
			`${profileNotFoundMessage(context)}${besides}`,
			'ProfileNotFound',
			'profile',
		);

	const service = serviceOf(context, failure);
	const forRole = role ? `, to assume ${role}` : '';

	// 2. The connection to STS or SSO failed: a certificate, a handshake, a proxy.
	const connection = classifyConnectionError(
		error.failure,
		operation,
		`getting credentials for profile ${profile} from ${service.label}`,
	);
	if (connection?.kind === 'tls') return result('tls', connection.message, connection.code, service.link);
	if (connection)
		return result(
			'unavailable',
			`cannot reach ${service.label} for profile ${profile} (the credential chain${forRole}): ${connection.detail ?? connection.code}`,
			connection.code,
			service.link,
		);

	// 3. STS answered (its errors keep their $metadata; SSO's provider re-throws them as text).
	const status = failure.$metadata?.httpStatusCode;
	if (status !== undefined && (source.kind === 'assume-role' || source.kind === 'web-identity')) {
		const action = stsAction(source);
		const name = sanitizeText(type, 100) || 'Error';
		const requestId = failure.$metadata?.requestId
			? sanitizeText(failure.$metadata.requestId, 128)
			: undefined;
		const extra = {
			action: `sts:${action}`,
			httpStatus: status,
			...(requestId ? {requestId} : {}),
		};
		if (EXPIRED_SOURCE.has(type))
			return result(
				'expired-credentials',
				`STS rejected the credentials profile ${profile} assumes its role with (${name}${source.sourceProfile ? `, from profile ${leaf}` : ''}): ${sdk}; refresh them`,
				name,
				'sts',
				extra,
			);
		if (type === 'Throttling' || type === 'ThrottlingException' || status === 429)
			return result(
				'throttled',
				`STS throttled ${action} for profile ${profile} (${name})`,
				name,
				'sts',
				extra,
			);
		if (status >= 500)
			return result(
				'unavailable',
				`STS failed ${action} for profile ${profile} (HTTP ${status}, ${name}): ${sdk}`,
				name,
				'sts',
				extra,
			);
		// AccessDenied (403) and everything else: no credentials for this profile. Not `access-denied`,
		// which means "these credentials may not call omics:…": HealthOmics was never asked.
		const verb = status === 403 || type === 'AccessDenied' ? 'denied' : 'refused';
		return result(
			'no-credentials',
			`profile ${profile} could not assume role ${role ?? '(none)'}: STS ${verb} ${action} (${name}): ${sdk}`,
			name,
			'sts',
			extra,
		);
	}

	// 4. STS or SSO could not be reached at all.
	const network = networkCode(failure);
	if (network)
		return result(
			'unavailable',
			`cannot reach ${service.label} for profile ${profile} (the credential chain${forRole}): ${sdk.includes(network) ? sdk : `${network}: ${sdk}`}`,
			network,
			service.link,
		);

	// 5. An SSO profile (or a role whose source is one) without a usable token: log in again.
	if (source.leafKind === 'sso' && (type === 'CredentialsProviderError' || type === 'TokenProviderError')) {
		const key = source.ssoSession ?? source.ssoStartUrl;
		const token = key === undefined ? {state: 'missing' as const} : ssoTokenState(key, context.env);
		const of = leaf === profile ? `profile ${profile}` : `profile ${leaf} (the source of profile ${profile})`;
		const login = `run "aws sso login --profile ${leaf}"`;
		if (token.state === 'expired')
			return result(
				'expired-credentials',
				`the SSO token of ${of} expired at ${token.expiresAt}: ${login}${besides}`,
				'SsoTokenExpired',
				'sso',
			);
		return result(
			'no-credentials',
			`${of} has ${token.state === 'missing' ? 'no cached SSO token' : 'an SSO token that was not accepted'}: ${login}${besides}`,
			token.state === 'missing' ? 'SsoTokenMissing' : 'SsoTokenRejected',
			'sso',
		);
	}

	// 6. credential_process failed: what the helper said on stderr (the chain went past it).
	if (source.leafKind === 'process') {
		const {said, sdk: processSdk} = processFailure(source, error.providerMessages);
		const of = leaf === profile ? `profile ${profile}` : `profile ${leaf} (the source of profile ${profile})`;
		const command = sanitizeText(source.credentialProcess, 200);
		const text = said
			? `credential_process of ${of} failed: ${said}`
			: processSdk && !processSdk.startsWith('Command failed')
				? `credential_process of ${of} failed: ${processSdk}`
				: `credential_process of ${of} failed without a message on stderr (${command}); run it to see why`;
		const sdkMessage = processSdk ?? sdk;
		return {
			kind: 'no-credentials',
			message: `${text}${sdkMessage && !text.includes(sdkMessage) ? ` (SDK: ${sdkMessage})` : ''}`,
			code: 'CredentialProcessFailed',
			profile,
			credentials: cause('process', sdkMessage),
		};
	}

	// 7. Nothing in the chain gave credentials.
	return result(
		'no-credentials',
		named
			? `no AWS credentials for profile ${profile}: check its settings in ${context.configFile}, or run "aws sso login --profile ${profile}"${besides}`
			: `no AWS credentials found: run "aws sso login", pass --profile, set AWS_ACCESS_KEY_ID, or try --demo${besides}`,
		sanitizeText(type, 100) || 'CredentialsProviderError',
		'chain',
	);
}

/** The call's deadline passed while the chain was still getting credentials (a silent STS or SSO). */
export function credentialTimeout(context: CredentialContext, seconds: string): CredentialFailure {
	const profile = sanitizeText(context.profile.name, 64);
	const service = serviceOf(context, {});
	const role = context.source.roleArn ? sanitizeText(context.source.roleArn, 200) : undefined;
	return {
		kind: 'unavailable',
		message: `${service.label} did not answer within ${seconds}, getting credentials for profile ${profile}${role ? ` (to assume ${role})` : ''}`,
		code: 'Deadline',
		profile,
		credentials: {link: service.link, profile, ...(role ? {roleArn: role} : {})},
	};
}
