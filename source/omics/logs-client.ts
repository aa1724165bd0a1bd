import './sdk-environment.js';
import {CloudWatchLogsClient, GetLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {registerCredentialChain, sharedClientConfig, type OmicsConnection} from './omics-client.js';

// The one command batchtop sends to CloudWatch Logs, loaded with the client (run-detail-api.ts).
export {GetLogEventsCommand};

/**
 * The CloudWatch Logs client, loaded by import() only when a log is read: everything but its endpoint
 * as the Omics client's (sharedClientConfig: region, credential chain, proxy, CAs, one attempt,
 * timeouts). Its endpoint: `--endpoint-url` (and so the demo's emulator, which serves both APIs on one
 * port) when given; otherwise the SDK's own resolution for CloudWatch Logs
 * (AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, AWS_ENDPOINT_URL, the profile's services section), then AWS's.
 */
export function createLogsClient(
	connection: OmicsConnection = {},
	env: NodeJS.ProcessEnv = process.env,
): CloudWatchLogsClient {
	const {config, chain} = sharedClientConfig(connection, env);
	const client = new CloudWatchLogsClient({
		...config,
		...(connection.endpointUrl ? {endpoint: connection.endpointUrl} : {}),
	});
	registerCredentialChain(client, chain);
	return client;
}
