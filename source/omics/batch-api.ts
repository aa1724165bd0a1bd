import './sdk-environment.js';
import {
	GetBatchCommand,
	GetRunCommand,
	ListBatchCommand,
	ListRunsCommand,
	ListRunsInBatchCommand,
	type ListBatchCommandInput,
	type OmicsClient,
} from '@aws-sdk/client-omics';
import {credentialOmicsError, OmicsError, toOmicsError} from './omics-error.js';
import {credentialTimeout} from './credential-error.js';
import {credentialChainOf, DEFAULT_REQUEST_TIMEOUT_MS, type CredentialChainState} from './omics-client.js';
import {isReusedSocketReset, MAX_SOCKETS} from './http-agents.js';
import type {BatchListing, RawBatch} from '../domain/raw-batch.js';
import type {FailureItem} from '../domain/failure-groups.js';

/** ListBatch accepts one filter per call (the API's rule). */
export type BatchFilter =
	{readonly status: string} | {readonly name: string} | {readonly runGroupId: string} | Record<string, never>;

export interface Page<T> {
	readonly items: readonly T[];
	readonly nextToken?: string;
}

/** A failed run as ListRuns names it; its reason needs a GetRun. */
export interface FailedRunRef {
	readonly id: string;
	readonly name?: string;
}

/** Every HealthOmics call the monitor makes: one request each, domain types in and out, OmicsError on failure. */
export interface BatchApi {
	/** Requests that can be in flight at once without queueing for a socket (the budget's concurrency). */
	readonly maxConcurrent: number;
	getBatch(batchId: string, signal?: AbortSignal): Promise<RawBatch>;
	listBatchPage(filter: BatchFilter, nextToken?: string, signal?: AbortSignal): Promise<Page<BatchListing>>;
	/** ListRunsInBatch(submissionStatus=FAILED): entries whose StartRun failed, with reason and message. */
	listFailedSubmissionsPage(
		batchId: string,
		nextToken?: string,
		signal?: AbortSignal,
	): Promise<Page<FailureItem>>;
	/** ListRuns(batchId, status=FAILED). */
	listFailedRunsPage(batchId: string, nextToken?: string, signal?: AbortSignal): Promise<Page<FailedRunRef>>;
	/** GetRun, reduced to its failure reason and status message. */
	getRunFailure(runId: string, signal?: AbortSignal): Promise<FailureItem>;
}

/** Ids from list calls go into URLs and onto the screen: anything but the documented 1-18 digits is dropped. */
const isNumericId = (id: string | undefined): boolean => id !== undefined && /^[0-9]{1,18}$/.test(id);

export interface BatchApiOptions {
	/** Hard deadline of one call, from sending to the last byte of the body. */
	readonly deadlineMs?: number;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10}s`;

/**
 * One call with a hard deadline. The clock starts here, after the caller has waited for the budget,
 * and covers connecting, the headers and the whole body: a hung or dripping server ends in an
 * "unavailable" error, never a silent freeze. A reset of a reused keep-alive socket is retried once,
 * at once: the server closed an idle connection and never saw the request.
 */
export async function callWithDeadline<T>(
	operation: string,
	subject: string,
	deadlineMs: number,
	outer: AbortSignal | undefined,
	send: (signal: AbortSignal) => Promise<T>,
	chain?: CredentialChainState,
): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await withDeadline(operation, deadlineMs, outer, send, chain);
		} catch (error) {
			if ((error as Error).name === 'AbortError' && outer?.aborted) throw error;
			if (attempt === 0 && isReusedSocketReset(error)) continue;
			throw toOmicsError(error, operation, subject, chain?.context);
		}
	}
}

async function withDeadline<T>(
	operation: string,
	deadlineMs: number,
	outer: AbortSignal | undefined,
	send: (signal: AbortSignal) => Promise<T>,
	chain: CredentialChainState | undefined,
): Promise<T> {
	const controller = new AbortController();
	const onOuterAbort = () => controller.abort(outer?.reason);
	outer?.addEventListener('abort', onOuterAbort, {once: true});
	if (outer?.aborted) controller.abort(outer.reason);
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			// Still getting credentials: STS or SSO is what did not answer, not HealthOmics.
			const error =
				chain && chain.pending > 0
					? credentialOmicsError(credentialTimeout(chain.context, seconds(deadlineMs)), operation)
					: new OmicsError(
							'unavailable',
							`HealthOmics did not answer ${operation} within ${seconds(deadlineMs)}`,
							{operation, code: 'Deadline'},
						);
			reject(error);
			// Frees the socket: the SDK destroys the request when its signal aborts.
			controller.abort(error);
		}, deadlineMs);
	});
	try {
		return await Promise.race([send(controller.signal), deadline]);
	} finally {
		clearTimeout(timer);
		outer?.removeEventListener('abort', onOuterAbort);
	}
}

/** A GetBatch answer without an id or a status is not a batch: the service never sends one. */
function unreadable(operation: string, subject: string, why: string): OmicsError {
	return new OmicsError(
		'bad-response',
		`HealthOmics sent an unreadable ${operation} answer${subject ? ` for ${subject}` : ''} (${why})`,
		{operation, code: 'BadResponse'},
	);
}

const token = (nextToken?: string) => (nextToken ? {startingToken: nextToken} : {});
const abortSignal = (signal: AbortSignal) => ({abortSignal: signal});

/** A call of `client`'s under `deadlineMs` (callWithDeadline), its credential chain's errors named. */
export function deadlineCaller(client: object, deadlineMs: number) {
	const chain = credentialChainOf(client);
	return <T>(
		operation: string,
		subject: string,
		outer: AbortSignal | undefined,
		send: (signal: AbortSignal) => Promise<T>,
	): Promise<T> => callWithDeadline(operation, subject, deadlineMs, outer, send, chain);
}

/** The BatchApi over a real OmicsClient. */
export function createBatchApi(client: OmicsClient, apiOptions: BatchApiOptions = {}): BatchApi {
	const deadlineMs = apiOptions.deadlineMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const call = deadlineCaller(client, deadlineMs);
	// Nothing documents whether ListRuns takes batchId and status together; if refused once, filter locally.
	let combinedFilterRefused = false;
	return {
		maxConcurrent: MAX_SOCKETS,
		async getBatch(batchId, signal) {
			const {$metadata: _metadata, ...batch} = await call('GetBatch', `batch ${batchId}`, signal, (bounded) =>
				client.send(new GetBatchCommand({batchId}), abortSignal(bounded)),
			);
			if (typeof batch.status !== 'string' || (batch.status as string) === '')
				throw unreadable('GetBatch', `batch ${batchId}`, 'no status');
			return batch as RawBatch;
		},
		async listBatchPage(filter, nextToken, signal) {
			const output = await call('ListBatch', '', signal, (bounded) =>
				client.send(
					new ListBatchCommand({maxItems: 100, ...(filter as ListBatchCommandInput), ...token(nextToken)}),
					abortSignal(bounded),
				),
			);
			if (output.items !== undefined && !Array.isArray(output.items))
				throw unreadable('ListBatch', '', 'items is not a list');
			const items = (output.items ?? [])
				.filter((item) => isNumericId(item.id))
				.map((item) => ({...item, id: item.id ?? ''}) as BatchListing);
			return {items, ...(output.nextToken ? {nextToken: output.nextToken} : {})};
		},
		async listFailedSubmissionsPage(batchId, nextToken, signal) {
			const output = await call('ListRunsInBatch', `batch ${batchId}`, signal, (bounded) =>
				client.send(
					new ListRunsInBatchCommand({
						batchId,
						submissionStatus: 'FAILED',
						maxItems: 100,
						...token(nextToken),
					}),
					abortSignal(bounded),
				),
			);
			const items = (output.runs ?? []).map((run) => ({
				example: run.runSettingId ?? '?',
				...(run.runSettingId ? {runSettingId: run.runSettingId} : {}),
				...(run.submissionFailureReason ? {reason: run.submissionFailureReason} : {}),
				...(run.submissionFailureMessage ? {message: run.submissionFailureMessage} : {}),
			}));
			return {items, ...(output.nextToken ? {nextToken: output.nextToken} : {})};
		},
		async listFailedRunsPage(batchId, nextToken, signal) {
			const send = (combined: boolean) =>
				call('ListRuns', `batch ${batchId}`, signal, (bounded) =>
					client.send(
						new ListRunsCommand({
							batchId,
							...(combined ? {status: 'FAILED'} : {}),
							maxResults: 100,
							...token(nextToken),
						}),
						abortSignal(bounded),
					),
				);
			let output;
			if (!combinedFilterRefused) {
				try {
					output = await send(true);
				} catch (error) {
					if (!(error instanceof OmicsError && error.kind === 'invalid')) throw error;
					combinedFilterRefused = true;
				}
			}
			output ??= await send(false);
			const items = (output.items ?? [])
				.filter((run) => isNumericId(run.id) && run.status === 'FAILED')
				.map((run) => ({id: run.id ?? '', ...(run.name ? {name: run.name} : {})}));
			return {items, ...(output.nextToken ? {nextToken: output.nextToken} : {})};
		},
		async getRunFailure(runId, signal) {
			const run = await call('GetRun', `run ${runId}`, signal, (bounded) =>
				client.send(new GetRunCommand({id: runId}), abortSignal(bounded)),
			);
			return {
				example: runId,
				runId,
				...(run.failureReason ? {reason: run.failureReason} : {}),
				...(run.statusMessage ? {message: run.statusMessage} : {}),
			};
		},
	};
}
