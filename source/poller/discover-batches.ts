import {statusClass} from '../domain/batch-status.js';
import type {BatchListing} from '../domain/raw-batch.js';
import type {BatchApi} from '../omics/batch-api.js';
import {PageGuard} from './page-guard.js';
import type {OperationBudgets} from './operation-budgets.js';
import type {DiscoveryOptions} from './batch-poller.js';

/** Every page of ListBatch (one ListBatch token each), each batch once, keeping finished ones only when asked. */
export async function discoverBatches(
	api: BatchApi,
	budgets: OperationBudgets,
	options: Pick<DiscoveryOptions, 'filter' | 'includeFinished'>,
	signal: AbortSignal,
): Promise<BatchListing[]> {
	const found: BatchListing[] = [];
	const guard = new PageGuard('ListBatch');
	let token: string | undefined;
	do {
		const page = await budgets.run('ListBatch', 'high', signal, () =>
			api.listBatchPage(options.filter, token, signal),
		);
		for (const listing of guard.fresh(page.items, (item) => item.id)) {
			if (options.includeFinished || statusClass(listing.status) !== 'terminal') found.push(listing);
		}
		token = guard.next(page.nextToken);
	} while (token);
	return found;
}
