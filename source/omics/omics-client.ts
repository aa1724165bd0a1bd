import './sdk-environment.js';
import {OmicsClient} from '@aws-sdk/client-omics';

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
	/** Abandon one HTTP attempt after this long (a hung connection must not stall a batch forever). */
	readonly requestTimeoutMs?: number;
}

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
 * every request is counted against its budget.
 */
export function createOmicsClient(
	connection: OmicsConnection = {},
	env: NodeJS.ProcessEnv = process.env,
): OmicsClient {
	const endpoint = resolveEndpointUrl(connection, env);
	return new OmicsClient({
		...(connection.region ? {region: connection.region} : {}),
		...(connection.profile ? {profile: connection.profile} : {}),
		...(endpoint ? {endpoint, disableHostPrefix: true} : {}),
		...(connection.credentials ? {credentials: connection.credentials} : {}),
		maxAttempts: 1,
		requestHandler: {requestTimeout: connection.requestTimeoutMs ?? 15_000, connectionTimeout: 5_000},
	});
}
