import {setMaxListeners} from 'node:events';
import {toBatchView} from '../domain/batch-view.js';
import type {BatchApi} from '../omics/batch-api.js';
import {OmicsError} from '../omics/omics-error.js';
import {discoverBatches} from '../poller/discover-batches.js';
import {RequestBudget} from '../poller/request-budget.js';
import {onceJsonLines, onceTable, type OnceRow} from '../output/once-report.js';
import {worstErrorExitCode} from '../domain/exit-policy.js';
import {ExitCode} from './exit-codes.js';
import {exitForOmicsError} from './omics-exit.js';
import type {WatchConfig} from './watch-config.js';

/** --once: read every batch once (within the request budget), print a table or NDJSON, and say how it went. */
export async function runOnce(
	api: BatchApi,
	config: WatchConfig,
	where: string,
	write: (line: string) => void,
): Promise<number> {
	// As many requests in flight as the client has sockets: none waits for a socket on its deadline.
	const budget = new RequestBudget({
		ratePerSecond: config.maxRequestsPerSecond,
		maxInFlight: api.maxConcurrent,
	});
	const abort = new AbortController();
	// One signal for every waiting request: legitimately more listeners than Node's warning threshold.
	setMaxListeners(0, abort.signal);
	try {
		let ids = config.references.map((reference) => reference.id);
		if (config.discovery) {
			try {
				ids = (await discoverBatches(api, budget, config.discovery, abort.signal)).map(
					(listing) => listing.id,
				);
			} catch (error) {
				throw exitForOmicsError(error, where);
			}
		}
		const errors: OmicsError[] = [];
		const rows = await Promise.all(
			ids.map(async (id): Promise<OnceRow> => {
				try {
					const raw = await budget.run('high', abort.signal, () => api.getBatch(id, abort.signal));
					return {id, view: toBatchView(raw, id)};
				} catch (error) {
					if (!(error instanceof OmicsError)) throw error;
					errors.push(error);
					return {id, error: error.message};
				}
			}),
		);
		// Credentials and reachability problems affect every row: one clear line says what to do.
		const everyRow = errors.length === rows.length && rows.length > 0;
		const fatal = errors.find(
			(error) =>
				error.kind === 'no-credentials' ||
				error.kind === 'expired-credentials' ||
				error.kind === 'no-region' ||
				((error.kind === 'unavailable' || error.kind === 'tls' || error.kind === 'access-denied') &&
					everyRow),
		);
		// Every batch gets its row (scripts read them); a problem common to all is also said once, on stderr.
		for (const line of config.output === 'json' ? onceJsonLines(rows) : onceTable(rows)) write(line);
		if (fatal) throw exitForOmicsError(fatal, where);
		// Any batch that could not be read makes the exit code say so (domain/exit-policy.ts).
		return worstErrorExitCode(errors.map((error) => error.kind)) ?? ExitCode.ok;
	} finally {
		abort.abort();
		budget.close();
	}
}
