import type {CancelOutcome} from '../domain/cancel-rules.js';
import {CancelConflictError, type CancelApi} from '../omics/cancel-api.js';
import {toOmicsError} from '../omics/omics-error.js';
import {burstOf, DEFAULT_QUOTA_SHARE, OPERATION_QUOTAS} from './operation-budgets.js';
import {RequestBudget} from './request-budget.js';

/** Sends CancelRunBatch for the monitor's `c` key (--allow-cancel). */
export interface BatchCanceller {
	/** One CancelRunBatch for `batchId`, through the CancelRunBatch budget; never rejects. */
	cancel(batchId: string): Promise<CancelOutcome>;
	/** Abandons a request still waiting or in flight (the monitor is closing). */
	close(): void;
}

export interface BatchCancellerOptions {
	/** The CancelRunBatch budget, TPS (--budget CancelRunBatch=N); half its assumed quota by default. */
	readonly tps?: number;
	readonly now?: () => number;
}

/**
 * The canceller: its own CancelRunBatch budget (each operation has its own quota), high priority and
 * one request in flight at a time: a write is never sent twice at once, whatever the keys do.
 */
export function createBatchCanceller(api: CancelApi, options: BatchCancellerOptions = {}): BatchCanceller {
	const tps = options.tps ?? OPERATION_QUOTAS.CancelRunBatch.quotaTps * DEFAULT_QUOTA_SHARE;
	const budget = new RequestBudget({
		ratePerSecond: tps,
		burst: burstOf('CancelRunBatch', tps),
		maxInFlight: 1,
		...(options.now ? {now: options.now} : {}),
	});
	const abort = new AbortController();
	return {
		async cancel(batchId) {
			try {
				await budget.run('high', abort.signal, () => api.cancelBatch(batchId, abort.signal));
				return {kind: 'sent'};
			} catch (error) {
				if (error instanceof CancelConflictError) return {kind: 'conflict', message: error.reason};
				if (abort.signal.aborted) return {kind: 'refused', message: 'batchtop is closing; not sent'};
				return {kind: 'refused', message: toOmicsError(error, 'CancelRunBatch', `batch ${batchId}`).message};
			}
		},
		close() {
			abort.abort();
			budget.close();
		},
	};
}
