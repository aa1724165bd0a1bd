process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {OmicsClient} from '@aws-sdk/client-omics';
import {OmicsError} from '../../source/omics/omics-error.js';

/** The real SDK pointed at an emulator: no host prefix, static fake credentials, one attempt (errors surface as-is). */
export function omicsClient(url: string, options: {maxAttempts?: number} = {}): OmicsClient {
	return new OmicsClient({
		endpoint: url,
		region: 'us-east-1',
		disableHostPrefix: true,
		credentials: {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'},
		maxAttempts: options.maxAttempts ?? 1,
	});
}

/** The real CloudWatch Logs SDK pointed at an emulator (which serves Logs on the same port). */
export function logsClient(url: string): CloudWatchLogsClient {
	return new CloudWatchLogsClient({
		endpoint: url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'a', secretAccessKey: 'b'},
	});
}

/** Runs a promise that must reject and returns the error, so tests can look at its name and metadata. */
export async function rejectionOf(
	promise: Promise<unknown>,
): Promise<Error & {$metadata?: {httpStatusCode?: number; requestId?: string}; $response?: unknown}> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the call to fail, but it succeeded');
}

/** Runs a batch-api call that must fail with an OmicsError and returns it. */
export async function omicsRejection(promise: Promise<unknown>): Promise<OmicsError> {
	try {
		await promise;
	} catch (error) {
		if (!(error instanceof OmicsError)) throw new Error(`expected an OmicsError, got ${String(error)}`);
		return error;
	}
	throw new Error('expected the call to fail, but it succeeded');
}
