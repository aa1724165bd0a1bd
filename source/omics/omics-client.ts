import './sdk-environment.js';
import {OmicsClient} from '@aws-sdk/client-omics';
import {defaultProvider} from '@aws-sdk/credential-provider-node';
import {createAgents} from './http-agents.js';
import {resolveProxySettings, trustedCertificates} from './network-config.js';

/** Where SDK log lines go instead of the terminal (the diagnostics log, or nowhere). */
export type SdkLogSink = (level: 'warn' | 'error', message: string) => void;

/** Where and as whom to reach HealthOmics. */
export interface OmicsConnection {
	readonly region?: string;
	/** A shared-config profile (SSO profiles included), resolved by the SDK's own chain. */
	readonly profile?: string;
	/** A custom endpoint (`--endpoint-url`); also read from AWS_ENDPOINT_URL_OMICS / AWS_ENDPOINT_URL. */
	readonly endpointUrl?: string;
	/** Fixed credentials (the emulator accepts any); otherwise the SDK's default chain. */
	readonly credentials?: {
		readonly accessKeyId: string;
		readonly secretAccessKey: string;
		readonly sessionToken?: string;
	};
	/** The hard deadline of one call: connect, headers and the whole body (see batch-api.ts). */
	readonly requestTimeoutMs?: number;
	/** SDK log lines; never the terminal. */
	readonly log?: SdkLogSink;
	/** Ignore HTTPS_PROXY / HTTP_PROXY (the built-in demo emulator on 127.0.0.1 is never behind a proxy). */
	readonly direct?: boolean;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** What the client hands its credential provider: its own resolved config (the request handler included). */
type ChainInit = NonNullable<Parameters<typeof defaultProvider>[0]>;
type ChainRequestHandler = NonNullable<ChainInit['clientConfig']>['requestHandler'];

/** The endpoint to use: the flag, else the service-specific then the global AWS environment variable. */
export function resolveEndpointUrl(
	connection: OmicsConnection,
	env: NodeJS.ProcessEnv = process.env,
): string | undefined {
	return (
		connection.endpointUrl ??
		(env['AWS_ENDPOINT_URL_OMICS'] || undefined) ??
		(env['AWS_ENDPOINT_URL'] || undefined)
	);
}

/**
 * The one factory for OmicsClient. A custom endpoint turns off the `workflows-` host prefix (it would
 * make `workflows-127.0.0.1`). The SDK makes a single attempt: the poller owns retries and backoff, so
 * every request is counted against its budget. Its own log lines (e.g. the socket-usage warning) go to
 * `connection.log`, never to the console, where they would be printed over the TUI.
 *
 * Corporate networks (network-config.ts, read from `env`): https_proxy / HTTPS_PROXY, http_proxy /
 * HTTP_PROXY and no_proxy / NO_PROXY route every call, the credential chain's STS, SSO and SSO-OIDC
 * calls included; AWS_CA_BUNDLE or the profile's `ca_bundle` adds CAs to Node's defaults for https
 * (NODE_EXTRA_CA_CERTS needs nothing here: Node reads it itself). The SDK's own credential and region
 * chains still read process.env. Throws NetworkConfigError for a setting that cannot be used (an
 * unreadable CA bundle, a socks:// proxy): a usage error, to be shown as one line.
 */
export function createOmicsClient(
	connection: OmicsConnection = {},
	env: NodeJS.ProcessEnv = process.env,
): OmicsClient {
	const endpoint = resolveEndpointUrl(connection, env);
	const proxy = connection.direct ? undefined : resolveProxySettings(env);
	const trusted = trustedCertificates(connection.profile, env);
	const log = connection.log ?? (() => {});
	const logger = {
		debug: () => {},
		info: () => {},
		warn: (...parts: unknown[]) => log('warn', parts.map(String).join(' ')),
		error: (...parts: unknown[]) => log('error', parts.map(String).join(' ')),
	};
	const timeout = connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	return new OmicsClient({
		...(connection.region ? {region: connection.region} : {}),
		...(connection.profile ? {profile: connection.profile} : {}),
		...(endpoint ? {endpoint, disableHostPrefix: true} : {}),
		...(connection.credentials
			? {credentials: connection.credentials}
			: {
					// The default chain, as the SDK would build it, but its nested clients (STS for assumed
					// roles and web identity, SSO, SSO-OIDC, sign-in) get this client's request handler, so
					// they use the same proxy and CAs. STS would inherit it anyway; SSO would not.
					credentialDefaultProvider: (init: ChainInit & {requestHandler?: ChainRequestHandler}) =>
						defaultProvider({
							...init,
							clientConfig: {...init.clientConfig, requestHandler: init.requestHandler},
						}),
				}),
		maxAttempts: 1,
		logger,
		requestHandler: {
			...createAgents({
				...(proxy ? {proxy} : {}),
				...(trusted ? {ca: trusted.certificates} : {}),
				// Shorter than the call's deadline, so a silent proxy is named as such.
				proxyTimeoutMs: Math.min(5_000, Math.round(timeout * 0.8)),
			}),
			// The deadline in batch-api.ts is the rule; these make the SDK give up on its own, too, rather
			// than only log a warning (its default for requestTimeout).
			requestTimeout: timeout + 1_000,
			throwOnRequestTimeout: true,
			connectionTimeout: Math.min(5_000, timeout),
			logger,
		},
	});
}
