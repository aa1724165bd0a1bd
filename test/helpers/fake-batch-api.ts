import {OmicsError} from '../../source/omics/omics-error.js';
import type {BatchApi, FailedRunRef, Page} from '../../source/omics/batch-api.js';
import type {BatchListing, RawBatch} from '../../source/domain/raw-batch.js';
import type {FailureItem} from '../../source/domain/failure-groups.js';

/** An in-memory BatchApi for scheduler unit tests: scripted answers, every call recorded with its time. */
export class FakeBatchApi implements BatchApi {
	readonly maxConcurrent = 50;
	readonly calls: Array<{operation: string; id: string; at: number}> = [];
	readonly batches = new Map<string, RawBatch>();
	/** Per-id override: throw this (or return a promise that settles later). */
	readonly failures = new Map<string, () => Error | undefined>();
	delayMs = 0;
	inFlight = new Map<string, number>();
	maxInFlight = new Map<string, number>();
	failedSubmissions = new Map<string, FailureItem[]>();
	failedRuns = new Map<string, FailureItem[]>();

	set(id: string, batch: Partial<RawBatch>): void {
		this.batches.set(id, {id, totalRuns: 10, status: 'INPROGRESS', ...this.batches.get(id), ...batch});
	}

	async getBatch(batchId: string): Promise<RawBatch> {
		this.calls.push({operation: 'GetBatch', id: batchId, at: Date.now()});
		const now = (this.inFlight.get(batchId) ?? 0) + 1;
		this.inFlight.set(batchId, now);
		this.maxInFlight.set(batchId, Math.max(now, this.maxInFlight.get(batchId) ?? 0));
		try {
			if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
			const failure = this.failures.get(batchId)?.();
			if (failure) throw failure;
			const batch = this.batches.get(batchId);
			if (!batch)
				throw new OmicsError('not-found', `not found: batch ${batchId}`, {
					operation: 'GetBatch',
					httpStatus: 404,
				});
			return structuredClone(batch);
		} finally {
			this.inFlight.set(batchId, (this.inFlight.get(batchId) ?? 1) - 1);
		}
	}

	async listBatchPage(_filter: unknown, nextToken?: string): Promise<Page<BatchListing>> {
		this.calls.push({operation: 'ListBatch', id: nextToken ?? '', at: Date.now()});
		const all = [...this.batches.values()].map((batch) => ({
			id: batch.id ?? '',
			status: batch.status ?? '',
			...(batch.name === undefined ? {} : {name: batch.name}),
			...(batch.totalRuns === undefined ? {} : {totalRuns: batch.totalRuns}),
		}));
		const start = nextToken ? Number(nextToken) : 0;
		const items = all.slice(start, start + 2);
		return {items, ...(start + 2 < all.length ? {nextToken: String(start + 2)} : {})};
	}

	async listFailedSubmissionsPage(batchId: string, nextToken?: string): Promise<Page<FailureItem>> {
		this.calls.push({operation: 'ListRunsInBatch', id: batchId, at: Date.now()});
		return this.#page(this.failedSubmissions.get(batchId) ?? [], nextToken);
	}

	async listFailedRunsPage(batchId: string, nextToken?: string): Promise<Page<FailedRunRef>> {
		this.calls.push({operation: 'ListRuns', id: batchId, at: Date.now()});
		const page = this.#page(this.failedRuns.get(batchId) ?? [], nextToken);
		return {
			items: page.items.map((item) => ({id: item.example})),
			...(page.nextToken ? {nextToken: page.nextToken} : {}),
		};
	}

	async getRunFailure(runId: string): Promise<FailureItem> {
		this.calls.push({operation: 'GetRun', id: runId, at: Date.now()});
		for (const items of this.failedRuns.values()) {
			const found = items.find((item) => item.example === runId);
			if (found) return found;
		}
		throw new OmicsError('not-found', 'no run', {operation: 'GetRun'});
	}

	count(operation: string, id?: string): number {
		return this.calls.filter((call) => call.operation === operation && (id === undefined || call.id === id))
			.length;
	}

	#page<T>(items: readonly T[], nextToken?: string): Page<T> {
		const start = nextToken ? Number(nextToken) : 0;
		return {
			items: items.slice(start, start + 5),
			...(start + 5 < items.length ? {nextToken: String(start + 5)} : {}),
		};
	}
}
