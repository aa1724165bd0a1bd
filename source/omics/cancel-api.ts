import './sdk-environment.js';
import {CancelRunBatchCommand, type OmicsClient} from '@aws-sdk/client-omics';
import {callWithDeadline} from './batch-api.js';
import {credentialChainOf, DEFAULT_REQUEST_TIMEOUT_MS} from './omics-client.js';
import {OmicsError} from './omics-error.js';
import {sanitizeText} from '../domain/sanitize-text.js';

/**
 * The one call in batchtop that writes to the account: CancelRunBatch, made only with --allow-cancel
 * (test/omics/write-commands.test.ts fails if another module imports a write command).
 */
export interface CancelApi {
	/** CancelRunBatch(batchId): resolves once the service accepted it (202); an OmicsError otherwise. */
	cancelBatch(batchId: string, signal?: AbortSignal): Promise<void>;
}

export interface CancelApiOptions {
	/** Hard deadline of the call, as for the reads. */
	readonly deadlineMs?: number;
}

/** The CancelApi over a real OmicsClient. */
export function createCancelApi(client: OmicsClient, options: CancelApiOptions = {}): CancelApi {
	const deadlineMs = options.deadlineMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const chain = credentialChainOf(client);
	return {
		async cancelBatch(batchId, signal) {
			await callWithDeadline(
				'CancelRunBatch',
				`batch ${batchId}`,
				deadlineMs,
				signal,
				(bounded) =>
					client.send(new CancelRunBatchCommand({batchId}), {abortSignal: bounded}).then(
						() => undefined,
						(error: unknown) => {
							throw conflictOf(error) ?? error;
						},
					),
				chain,
			);
		},
	};
}

/**
 * HealthOmics refused the cancel with 409 ConflictException: the batch is no longer in a cancellable
 * state, or another cancel or delete of it is running. `reason` is the service's message, sanitised.
 */
export class CancelConflictError extends OmicsError {
	constructor(
		readonly reason: string,
		requestId: string | undefined,
	) {
		super('invalid', `HealthOmics refused CancelRunBatch (ConflictException)${reason ? `: ${reason}` : ''}`, {
			operation: 'CancelRunBatch',
			code: 'ConflictException',
			httpStatus: 409,
			...(requestId ? {requestId} : {}),
		});
	}
}

/** The SDK's ConflictException as a CancelConflictError; undefined for anything else. */
function conflictOf(error: unknown): CancelConflictError | undefined {
	const shape = error as {name?: unknown; message?: unknown; $metadata?: {requestId?: unknown}} | undefined;
	if (shape?.name !== 'ConflictException') return undefined;
	const requestId = sanitizeText(shape.$metadata?.requestId, 128) || undefined;
	return new CancelConflictError(sanitizeText(shape.message, 300), requestId);
}

/**
 * Whether HealthOmics refused the cancel as a conflict (409 ConflictException): the batch is no
 * longer in a cancellable state, or another cancel or delete of it is running.
 */
export function isCancelConflict(error: unknown): boolean {
	return (
		error instanceof CancelConflictError || (error instanceof OmicsError && error.details.httpStatus === 409)
	);
}
