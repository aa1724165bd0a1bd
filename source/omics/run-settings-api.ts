import './sdk-environment.js';
import {GetRunCommand, ListRunsInBatchCommand, type OmicsClient} from '@aws-sdk/client-omics';
import {deadlineCaller, type Page} from './batch-api.js';
import {DEFAULT_REQUEST_TIMEOUT_MS} from './omics-client.js';
import type {RunAsSetting} from '../domain/retry-manifest.js';

// The reads a retry manifest needs. Unlike every other read, their values are NOT sanitised: they go
// back to StartRunBatch in a file, so they must be exactly what the batch was given. Nothing here is
// ever printed as it is; what reaches the terminal passes sanitizeText and the output guard.

/** A failed submission: the runSettingId StartRun refused, as the batch holds it. */
export interface FailedSubmissionId {
	readonly runSettingId: string;
}

export interface RunSettingsApi {
	/** ListRunsInBatch(submissionStatus=FAILED): one page of the refused entries' raw runSettingIds. */
	failedSubmissionIdsPage(
		batchId: string,
		nextToken?: string,
		signal?: AbortSignal,
	): Promise<Page<FailedSubmissionId>>;
	/** ListRunsInBatch(runId): the raw runSettingId the batch started this run from. */
	runSettingIdOf(batchId: string, runId: string, signal?: AbortSignal): Promise<string | undefined>;
	/** GetRun, as the members an InlineSetting can set again (raw values). */
	runAsSetting(runId: string, signal?: AbortSignal): Promise<RunAsSetting>;
}

const abortSignal = (signal: AbortSignal) => ({abortSignal: signal});

/** The RunSettingsApi over a real OmicsClient. */
export function createRunSettingsApi(
	client: OmicsClient,
	options: {readonly deadlineMs?: number} = {},
): RunSettingsApi {
	const deadlineMs = options.deadlineMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const call = deadlineCaller(client, deadlineMs);
	return {
		async failedSubmissionIdsPage(batchId, nextToken, signal) {
			const output = await call('ListRunsInBatch', `batch ${batchId}`, signal, (bounded) =>
				client.send(
					new ListRunsInBatchCommand({
						batchId,
						submissionStatus: 'FAILED',
						maxItems: 100,
						...(nextToken ? {startingToken: nextToken} : {}),
					}),
					abortSignal(bounded),
				),
			);
			const items = (output.runs ?? []).flatMap((run) =>
				typeof run.runSettingId === 'string' && run.runSettingId !== ''
					? [{runSettingId: run.runSettingId}]
					: [],
			);
			return {items, ...(output.nextToken ? {nextToken: output.nextToken} : {})};
		},
		async runSettingIdOf(batchId, runId, signal) {
			const output = await call('ListRunsInBatch', `batch ${batchId}`, signal, (bounded) =>
				client.send(new ListRunsInBatchCommand({batchId, runId, maxItems: 1}), abortSignal(bounded)),
			);
			const id = (output.runs ?? []).find((run) => run.runId === runId)?.runSettingId;
			return typeof id === 'string' && id !== '' ? id : undefined;
		},
		async runAsSetting(runId, signal) {
			const run = await call('GetRun', `run ${runId}`, signal, (bounded) =>
				client.send(new GetRunCommand({id: runId}), abortSignal(bounded)),
			);
			return {
				name: run.name,
				outputUri: run.outputUri,
				priority: run.priority,
				parameters: run.parameters,
				tags: run.tags,
			};
		},
	};
}
