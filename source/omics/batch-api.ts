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
import {OmicsError, toOmicsError} from './omics-error.js';
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

async function call<T>(operation: string, subject: string, send: () => Promise<T>): Promise<T> {
	try {
		return await send();
	} catch (error) {
		if ((error as Error).name === 'AbortError') throw error;
		throw toOmicsError(error, operation, subject);
	}
}

const options = (signal?: AbortSignal) => (signal ? {abortSignal: signal} : {});
const token = (nextToken?: string) => (nextToken ? {startingToken: nextToken} : {});

/** The BatchApi over a real OmicsClient. */
export function createBatchApi(client: OmicsClient): BatchApi {
	// Nothing documents whether ListRuns takes batchId and status together; if refused once, filter locally.
	let combinedFilterRefused = false;
	return {
		async getBatch(batchId, signal) {
			const {$metadata: _metadata, ...batch} = await call('GetBatch', `batch ${batchId}`, () =>
				client.send(new GetBatchCommand({batchId}), options(signal)),
			);
			return batch as RawBatch;
		},
		async listBatchPage(filter, nextToken, signal) {
			const output = await call('ListBatch', '', () =>
				client.send(
					new ListBatchCommand({maxItems: 100, ...(filter as ListBatchCommandInput), ...token(nextToken)}),
					options(signal),
				),
			);
			const items = (output.items ?? [])
				.filter((item) => isNumericId(item.id))
				.map((item) => ({...item, id: item.id ?? ''}) as BatchListing);
			return {items, ...(output.nextToken ? {nextToken: output.nextToken} : {})};
		},
		async listFailedSubmissionsPage(batchId, nextToken, signal) {
			const output = await call('ListRunsInBatch', `batch ${batchId}`, () =>
				client.send(
					new ListRunsInBatchCommand({
						batchId,
						submissionStatus: 'FAILED',
						maxItems: 100,
						...token(nextToken),
					}),
					options(signal),
				),
			);
			const items = (output.runs ?? []).map((run) => ({
				example: run.runSettingId ?? '?',
				...(run.submissionFailureReason ? {reason: run.submissionFailureReason} : {}),
				...(run.submissionFailureMessage ? {message: run.submissionFailureMessage} : {}),
			}));
			return {items, ...(output.nextToken ? {nextToken: output.nextToken} : {})};
		},
		async listFailedRunsPage(batchId, nextToken, signal) {
			const send = (combined: boolean) =>
				call('ListRuns', `batch ${batchId}`, () =>
					client.send(
						new ListRunsCommand({
							batchId,
							...(combined ? {status: 'FAILED'} : {}),
							maxResults: 100,
							...token(nextToken),
						}),
						options(signal),
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
			const run = await call('GetRun', `run ${runId}`, () =>
				client.send(new GetRunCommand({id: runId}), options(signal)),
			);
			return {
				example: runId,
				...(run.failureReason ? {reason: run.failureReason} : {}),
				...(run.statusMessage ? {message: run.statusMessage} : {}),
			};
		},
	};
}
