import {statusClass} from '../domain/batch-status.js';
import type {BatchListing} from '../domain/raw-batch.js';
import type {BatchApi} from '../omics/batch-api.js';
import type {RequestBudget} from './request-budget.js';
import type {DiscoveryOptions} from './batch-poller.js';

/** Every page of ListBatch (one budget token each), keeping finished batches only when asked. */
export async function discoverBatches(
	api: BatchApi,
	budget: RequestBudget,
	options: DiscoveryOptions,
	signal: AbortSignal,
): Promise<BatchListing[]> {
	const found: BatchListing[] = [];
	let token: string | undefined;
	do {
		await budget.acquire('high', signal);
		const page = await api.listBatchPage(options.filter, token, signal);
		found.push(...page.items);
		token = page.nextToken;
	} while (token);
	return options.includeFinished
		? found
		: found.filter((listing) => statusClass(listing.status) !== 'terminal');
}
