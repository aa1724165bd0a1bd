import {setMaxListeners} from 'node:events';
import {toBatchView, type BatchView} from '../domain/batch-view.js';
import {groupFailures} from '../domain/failure-groups.js';
import type {BatchApi} from '../omics/batch-api.js';
import {OmicsError} from '../omics/omics-error.js';
import {discoverBatches} from '../poller/discover-batches.js';
import {OperationBudgets, defaultBudgets, type Operation} from '../poller/operation-budgets.js';
import {onceJsonLines, onceTable, type OnceFailures, type OnceRow} from '../output/once-report.js';
import {worstErrorExitCode} from '../domain/exit-policy.js';
import {ExitCode} from './exit-codes.js';
import {exitForOmicsError} from './omics-exit.js';
import type {WatchConfig} from './watch-config.js';

/** Failed runs whose reasons (one GetRun each) --once reads per batch. */
export const ONCE_RUNS_READ = 3;

/** The requests reading one batch's failure reasons costs --once, by operation: a ListRunsInBatch page, a ListRuns page and its GetRuns. */
const failureCost = (view: BatchView): Partial<Record<Operation, number>> => ({
	...(view.submissions.failed > 0 ? {ListRunsInBatch: 1} : {}),
	...(view.runs.failed > 0 ? {ListRuns: 1, GetRun: Math.min(ONCE_RUNS_READ, view.runs.failed)} : {}),
});

/**
 * The rows with failure reasons where they are cheap: only what the burst of each operation's budget
 * holds (ListRunsInBatch, ListRuns, GetRun: 5 each by default), so --once never waits for a rate.
 * Batches with failures get, in table order while the rest lasts, one page of failed submissions
 * (reasons included) and the first ONCE_RUNS_READ failed runs of a ListRuns page (a GetRun each).
 * A row's share is decided once it and every row above it are read, so its reads start while later
 * GetBatch answers are still coming; its two listings are read side by side.
 */
async function withFailureReasons(
	api: BatchApi,
	budgets: OperationBudgets,
	reads: ReadonlyArray<Promise<OnceRow>>,
	signal: AbortSignal,
): Promise<OnceRow[]> {
	const left = new Map<Operation, number>(
		(['ListRunsInBatch', 'ListRuns', 'GetRun'] as const).map((operation) => [
			operation,
			budgets.of(operation).burst,
		]),
	);
	/** Takes the row's reads from what is left, or none of them if any does not fit. */
	const reserved = (view: BatchView): boolean => {
		const cost = Object.entries(failureCost(view)) as Array<[Operation, number]>;
		if (cost.length === 0 || cost.some(([operation, count]) => count > (left.get(operation) ?? 0)))
			return false;
		for (const [operation, count] of cost) left.set(operation, (left.get(operation) ?? 0) - count);
		return true;
	};
	const submissionFailures = async (view: BatchView): Promise<OnceFailures | undefined> => {
		if (view.submissions.failed === 0) return undefined;
		const page = await budgets.run('ListRunsInBatch', 'low', signal, () =>
			api.listFailedSubmissionsPage(view.id, undefined, signal),
		);
		return {
			kind: 'submission',
			groups: groupFailures(page.items),
			loaded: page.items.length,
			failed: view.submissions.failed,
		};
	};
	const runFailures = async (view: BatchView): Promise<OnceFailures | undefined> => {
		if (view.runs.failed === 0) return undefined;
		const page = await budgets.run('ListRuns', 'low', signal, () =>
			api.listFailedRunsPage(view.id, undefined, signal),
		);
		const items = await Promise.all(
			page.items
				.slice(0, ONCE_RUNS_READ)
				.map((run) => budgets.run('GetRun', 'low', signal, () => api.getRunFailure(run.id, signal))),
		);
		return {kind: 'run', groups: groupFailures(items), loaded: items.length, failed: view.runs.failed};
	};
	const withReasons = async (row: OnceRow): Promise<OnceRow> => {
		if (!('view' in row) || !reserved(row.view)) return row;
		const settled = await Promise.allSettled([submissionFailures(row.view), runFailures(row.view)]);
		// The submissions' error first, as when the two were read one after the other.
		const failed = settled.find((result) => result.status === 'rejected');
		if (failed) {
			if (!(failed.reason instanceof OmicsError)) throw failed.reason;
			return {...row, failuresError: failed.reason.message};
		}
		const failures = settled.flatMap((result) =>
			result.status === 'fulfilled' && result.value ? [result.value] : [],
		);
		return {...row, failures};
	};
	// Each row waits for the rows above it, so that the budget is shared in table order.
	let above: Promise<unknown> = Promise.resolve();
	const rows = reads.map((read) => {
		// Handled here at once: a row that throws before the rows above it are read is not unhandled.
		read.catch(() => undefined);
		const decided = above.then(() => read);
		above = decided.catch(() => undefined);
		return decided.then(withReasons);
	});
	return Promise.all(rows);
}

/**
 * --once: read every batch once (within the request budget), and the failure reasons where that is
 * cheap (withFailureReasons), print a table or NDJSON, and say how it went.
 */
export async function runOnce(
	api: BatchApi,
	config: WatchConfig,
	where: string,
	write: (line: string) => void,
): Promise<number> {
	// As many requests in flight as the client has sockets: none waits for a socket on its deadline.
	const budgets = new OperationBudgets(
		{...defaultBudgets(config.maxRequestsPerSecond), ...config.budgets},
		{maxInFlight: api.maxConcurrent},
	);
	const abort = new AbortController();
	// One signal for every waiting request: legitimately more listeners than Node's warning threshold.
	setMaxListeners(0, abort.signal);
	try {
		let ids = config.references.map((reference) => reference.id);
		if (config.discovery) {
			try {
				ids = (await discoverBatches(api, budgets, config.discovery, abort.signal)).map(
					(listing) => listing.id,
				);
			} catch (error) {
				throw exitForOmicsError(error, where);
			}
		}
		const errors: OmicsError[] = [];
		const reads = ids.map(async (id): Promise<OnceRow> => {
			try {
				const raw = await budgets.run('GetBatch', 'high', abort.signal, () => api.getBatch(id, abort.signal));
				return {id, view: toBatchView(raw, id)};
			} catch (error) {
				if (!(error instanceof OmicsError)) throw error;
				errors.push(error);
				return {id, error: error.message};
			}
		});
		const rows = await withFailureReasons(api, budgets, reads, abort.signal);
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
		budgets.close();
	}
}
