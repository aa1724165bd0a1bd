import './sdk-environment.js';
import {OmicsClient, type OmicsClientConfig} from '@aws-sdk/client-omics';

import {defaultProvider} from '@aws-sdk/credential-provider-node';
import {
	describeCredentialSource,
	loadSharedConfig,
	profileInUse,
	profileNames,
	type SharedConfig,
} from './aws-config.js';
import {CredentialChainError, ProviderFailureLog, type CredentialContext} from './credential-error.js';
import {createAgents} from './http-agents.js';
import {NetworkConfigError, resolveProxySettings, trustedCertificates} from './network-config.js';
import {sanitizeText} from '../domain/sanitize-text.js';
import {DEFAULT_REQUEST_TIMEOUT_MS} from './request-timeout.js';

/** Where SDK log lines go instead of the terminal (the diagnostics log, or nowhere). */
export type SdkLogSink = (level: 'warn' | 'error', message: string) => void;

/** Where and as whom to reach HealthOmics. */
export interface OmicsConnection {
	readonly region?: string;
	/** A shared-config profile (SSO profiles included), resolved by the SDK's own chain. */
	readonly profile?: string;
	/**
	 * A custom endpoint (`--endpoint-url`). Without it: AWS_ENDPOINT_URL_OMICS, AWS_ENDPOINT_URL, the
	 * profile's services section, the profile's endpoint_url (resolveEndpoint).
	 */
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

export {DEFAULT_REQUEST_TIMEOUT_MS};

/** What the client hands its credential provider: its own resolved config (the request handler included). */
type ChainInit = NonNullable<Parameters<typeof defaultProvider>[0]>;
type ChainRequestHandler = NonNullable<ChainInit['clientConfig']>['requestHandler'];

/** The endpoint in use and the setting it came from (for `where` and messages). */
export interface ResolvedEndpoint {
	readonly url: string;
	/** `--endpoint-url`, `AWS_ENDPOINT_URL_OMICS`, `AWS_ENDPOINT_URL`, or the profile's setting and file. */
	readonly source: string;
}

/** The client's service id is "Omics": AWS_ENDPOINT_URL_OMICS, and `omics` in a services section. */
const SERVICE_ENV = 'AWS_ENDPOINT_URL_OMICS';
const SERVICE_KEY = 'omics';
const IGNORE_ENV = 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS';
const IGNORE_KEY = 'ignore_configured_endpoint_urls';

/** "true" / "false" (any case); unset or empty is undefined; anything else cannot be used. */
function booleanSetting(value: string | undefined, setting: string): boolean | undefined {
	const text = value?.trim().toLowerCase();
	if (!text) return undefined;
	if (text === 'true') return true;
	if (text === 'false') return false;
	throw new NetworkConfigError(setting, `${setting} must be true or false, got "${sanitizeText(value, 40)}"`);
}

function checkedUrl(url: string, source: string): ResolvedEndpoint {
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname)
		throw new NetworkConfigError(
			source,
			`${source}: "${sanitizeText(url, 200)}" is not an endpoint URL (expected http:// or https://host[:port])`,
		);
	return {url, source};
}

/**
 * The endpoint to use, in the order the AWS SDKs document ("Service-specific endpoints", AWS SDKs and
 * Tools Reference Guide): `--endpoint-url`; then, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the
 * profile's ignore_configured_endpoint_urls) is true, AWS_ENDPOINT_URL_OMICS, AWS_ENDPOINT_URL, the
 * `omics` endpoint_url of the services section the profile names, the profile's endpoint_url. The
 * profile is `connection.profile`, else AWS_PROFILE, else default (the SDK itself reads only
 * AWS_PROFILE's, which is why the client is told to ignore configured endpoints and given this one).
 * Undefined: AWS's own endpoint for the region. Throws NetworkConfigError for a setting that cannot be
 * used (a services section that is not there, a value that is not a URL, a flag that is not a boolean).
 */
export function resolveEndpoint(
	connection: Pick<OmicsConnection, 'endpointUrl' | 'profile'>,
	env: NodeJS.ProcessEnv = process.env,
	config?: SharedConfig,
): ResolvedEndpoint | undefined {
	if (connection.endpointUrl) return checkedUrl(connection.endpointUrl, '--endpoint-url');
	const shared = config ?? loadSharedConfig(env);
	const {name} = profileInUse(connection.profile, env);
	// The SDK's loadConfig reads a profile from both files, the config file's keys winning.
	const fromConfig = shared.configProfiles[name];
	const profile = {...shared.credentialsProfiles[name], ...fromConfig};
	const fileOf = (key: string) =>
		fromConfig?.[key] !== undefined ? shared.configFile : shared.credentialsFile;
	const ignore =
		booleanSetting(env[IGNORE_ENV], IGNORE_ENV) ??
		booleanSetting(profile[IGNORE_KEY], `${IGNORE_KEY} of profile "${name}" in ${fileOf(IGNORE_KEY)}`) ??
		false;
	if (ignore) return undefined;
	const service = env[SERVICE_ENV];
	if (service) return checkedUrl(service, SERVICE_ENV);
	const global = env['AWS_ENDPOINT_URL'];
	if (global) return checkedUrl(global, 'AWS_ENDPOINT_URL');
	const servicesName = profile['services'];
	if (servicesName) {
		const section = shared.services[servicesName];
		if (!section)
			throw new NetworkConfigError(
				'services',
				`the services section "${sanitizeText(servicesName, 64)}" that profile "${sanitizeText(name, 64)}" names is not in ${shared.configFile}`,
			);
		const url = section[`${SERVICE_KEY}.endpoint_url`];
		if (url)
			return checkedUrl(
				url,
				`endpoint_url for ${SERVICE_KEY} in [services ${sanitizeText(servicesName, 64)}] (profile "${sanitizeText(name, 64)}") in ${shared.configFile}`,
			);
	}
	const url = profile['endpoint_url'];
	if (url)
		return checkedUrl(
			url,
			`endpoint_url of profile "${sanitizeText(name, 64)}" in ${fileOf('endpoint_url')}`,
		);
	return undefined;
}

/** The endpoint URL to use (resolveEndpoint), or undefined for AWS's own. */
export function resolveEndpointUrl(
	connection: Pick<OmicsConnection, 'endpointUrl' | 'profile'>,
	env: NodeJS.ProcessEnv = process.env,
): string | undefined {
	return resolveEndpoint(connection, env)?.url;
}

// The DNS suffixes of the AWS partitions (the SDK's partitions table, @aws-sdk/core's util-endpoints),
// plain and dual-stack: HealthOmics' own endpoints are omics[-fips].REGION.SUFFIX.
const AWS_SUFFIXES = [
	'amazonaws.com',
	'api.aws',
	'amazonaws.com.cn',
	'api.amazonwebservices.com.cn',
	'amazonaws.eu',
	'api.amazonwebservices.eu',
	'c2s.ic.gov',
	'api.aws.ic.gov',
	'sc2s.sgov.gov',
	'api.aws.scloud',
	'cloud.adc-e.uk',
	'api.cloud-aws.adc-e.uk',
	'csp.hci.ic.gov',
	'api.aws.hci.ic.gov',
];

/**
 * Whether a URL is HealthOmics' own endpoint (https://omics.us-east-1.amazonaws.com), which the SDK's
 * host prefix belongs in front of (workflows-omics…). Any other endpoint (the emulator, a VPC endpoint
 * that already names its host, a proxy) is used as given: `workflows-127.0.0.1` would not resolve.
 */
export function isAwsServiceEndpoint(url: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	if (parsed.protocol !== 'https:') return false;
	const host = parsed.hostname.toLowerCase();
	const match = /^omics(?:-fips)?\.[a-z0-9-]+\.(.+)$/.exec(host);
	return match !== null && AWS_SUFFIXES.includes(match[1] ?? '');
}

/**
 * Where batchtop is looking, as the header and every message say it: `profile lab, eu-west-1
 * (http://127.0.0.1:4566)`. The profile is the one in use (--profile, else AWS_PROFILE).
 */
export function describeConnection(
	connection: Pick<OmicsConnection, 'endpointUrl' | 'profile'>,
	region: string,
	env: NodeJS.ProcessEnv = process.env,
): string {
	const endpoint = resolveEndpoint(connection, env);
	const profile = connection.profile ?? (env['AWS_PROFILE'] || undefined);
	const place = endpoint ? `${region} (${endpoint.url})` : region;
	return profile ? `profile ${profile}, ${place}` : place;
}

/** What the client's credential chain is doing: batch-api.ts asks when a deadline passes. */
export interface CredentialChainState {
	readonly context: CredentialContext;
	/** Calls waiting for the chain right now. */
	readonly pending: number;
}

const chains = new WeakMap<object, {context: CredentialContext; pending: number}>();

/** The credential chain of a client made by createOmicsClient (none with fixed credentials). */
export function credentialChainOf(client: object): CredentialChainState | undefined {
	return chains.get(client);
}

/** What batchtop knows of the profile in use, for wording the chain's failures. */
export function credentialContext(
	profile: string | undefined,
	env: NodeJS.ProcessEnv = process.env,
	config: SharedConfig = loadSharedConfig(env),
): CredentialContext {
	const inUse = profileInUse(profile, env);
	return {
		profile: inUse,
		source: describeCredentialSource(inUse.name, config),
		configFile: config.configFile,
		credentialsFile: config.credentialsFile,
		knownProfiles: profileNames(config),
		env,
	};
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
	const shared = loadSharedConfig(env);
	const endpoint = resolveEndpoint(connection, env, shared)?.url;
	const {config, chain} = sharedClientConfig(connection, env, shared);
	const client = new OmicsClient({
		...config,
		// resolveEndpoint has read the configured endpoints, for this profile; the SDK would read them for
		// AWS_PROFILE's only, and keep the host prefix on them.
		ignoreConfiguredEndpointUrls: true,
		...(endpoint ? {endpoint, disableHostPrefix: !isAwsServiceEndpoint(endpoint)} : {}),
	});
	if (chain) chains.set(client, chain);
	return client;
}

/**
 * What every AWS client batchtop makes shares with the Omics one (createOmicsClient): region, profile,
 * the credential chain (wrapped, its nested clients on the same agents), one attempt, the SDK log
 * sink, the proxy, CAs and timeouts. The endpoint is each client's own. Register the chain with
 * `registerCredentialChain` so the deadline can name the chain when it is what hangs.
 */
export function sharedClientConfig(
	connection: OmicsConnection,
	env: NodeJS.ProcessEnv = process.env,
	shared: SharedConfig = loadSharedConfig(env),
) {
	const proxy = connection.direct ? undefined : resolveProxySettings(env);
	const trusted = trustedCertificates(connection.profile, env);
	const log = connection.log ?? (() => {});
	// No debug or info: the SDK calls them as `logger.info?.(…)`, and for info it first builds the call's
	// input and output with sensitive fields filtered out, on every call (~5% of a GetBatch's CPU), for
	// a line batchtop would drop. Without the method the arguments are never built.
	const logger = {
		warn: (...parts: unknown[]) => log('warn', parts.map(String).join(' ')),
		error: (...parts: unknown[]) => log('error', parts.map(String).join(' ')),
	} as unknown as NonNullable<OmicsClientConfig['logger']>;
	const timeout = connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const chain = connection.credentials
		? undefined
		: {context: credentialContext(connection.profile, env, shared), pending: 0};
	const config = {
		...(connection.region ? {region: connection.region} : {}),
		...(connection.profile ? {profile: connection.profile} : {}),
		...(chain
			? {
					// The default chain, as the SDK would build it, but its nested clients (STS for assumed
					// roles and web identity, SSO, SSO-OIDC, sign-in) get this client's request handler, so
					// they use the same proxy and CAs. STS would inherit it anyway; SSO would not. What it
					// throws is wrapped, so that its failures are named as the chain's (credential-error.ts),
					// and the provider failures it logs on the way are kept (a credential_process's stderr).
					credentialDefaultProvider: (init: ChainInit & {requestHandler?: ChainRequestHandler}) => {
						const failures = new ProviderFailureLog();
						const provider = defaultProvider({
							...init,
							logger: failures.logger(logger),
							// One attempt, as for HealthOmics: the poller retries. The chain cannot be aborted, so
							// an STS that never answers is left on its own request timeout, not three of them.
							clientConfig: {...init.clientConfig, requestHandler: init.requestHandler, maxAttempts: 1},
						});
						return async (options?: Parameters<typeof provider>[0]) => {
							chain.pending += 1;
							try {
								return await provider(options);
							} catch (error) {
								throw new CredentialChainError(error, chain.context, failures.messages());
							} finally {
								chain.pending -= 1;
							}
						};
					},
				}
			: {credentials: connection.credentials}),
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
	};
	return {config, chain};
}

/** Makes credentialChainOf(client) answer for a client built from sharedClientConfig. */
export function registerCredentialChain(
	client: object,
	chain: {context: CredentialContext; pending: number} | undefined,
): void {
	if (chain) chains.set(client, chain);
}
