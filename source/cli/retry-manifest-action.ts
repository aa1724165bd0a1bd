import {join} from 'node:path';
import {entryFromRun, entryJson, RetryManifestTally, type RunSettingEntry} from '../domain/retry-manifest.js';
import {sanitizeText} from '../domain/sanitize-text.js';
import type {BatchApi} from '../omics/batch-api.js';
import type {RunSettingsApi} from '../omics/run-settings-api.js';
import {openAtomicJsonArray, type AtomicJsonArray} from '../output/retry-manifest-file.js';
import type {OperationBudgets} from '../poller/operation-budgets.js';

/** What a retry manifest reads with: the batch API (ListRuns), the raw run settings reads, the budgets. */
export interface RetryManifestReader {
	readonly api: Pick<BatchApi, 'listFailedRunsPage'>;
	readonly settingsApi: RunSettingsApi;
	readonly budgets: OperationBudgets;
	readonly signal: AbortSignal;
}

export interface RetryManifestOptions {
	readonly path: string;
	/** The batch's original entries by runSettingId (--settings): copied verbatim instead of rebuilt. */
	readonly settings?: ReadonlyMap<string, RunSettingEntry>;
	/** Only the failed submissions, or only the failed runs (--kind); all by default. */
	readonly kind?: 'submission' | 'run' | 'all';
}

/** A written manifest: where, how many entries, and the failures it could not include. */
export interface RetryManifestResult {
	readonly path: string;
	readonly entries: number;
	/**
	 * The failures left out, sanitised for display: `submission <runSettingId>`, `run <runId>
	 * (<runSettingId>)`, or `run <runId> (run setting unknown)`.
	 */
	readonly missing: readonly string[];
	/** Whether some failure is missing: a StartRunBatch from the file would not retry all of them. */
	readonly incomplete: boolean;
}

const shown = (id: string): string => sanitizeText(id, 128) || '?';

/** Failed submissions, page by page: each entry from the settings, else missing (it has no run to rebuild it from). */
async function addSubmissions(
	reader: RetryManifestReader,
	batchId: string,
	options: RetryManifestOptions,
	tally: RetryManifestTally,
	file: AtomicJsonArray,
): Promise<void> {
	const {settingsApi, budgets, signal} = reader;
	let token: string | undefined;
	do {
		const page = await budgets.run('ListRunsInBatch', 'high', signal, () =>
			settingsApi.failedSubmissionIdsPage(batchId, token, signal),
		);
		for (const {runSettingId} of page.items) {
			if (!tally.claim(runSettingId)) continue;
			const entry = options.settings?.get(runSettingId);
			if (entry) {
				await file.add(entryJson(entry));
				tally.written();
			} else tally.lacking(`submission ${shown(runSettingId)}`);
		}
		token = page.nextToken;
	} while (token);
}

/** Failed runs, page by page: each run's runSettingId (ListRunsInBatch runId=), then its entry from the settings or GetRun. */
async function addRuns(
	reader: RetryManifestReader,
	batchId: string,
	options: RetryManifestOptions,
	tally: RetryManifestTally,
	file: AtomicJsonArray,
): Promise<void> {
	const {api, settingsApi, budgets, signal} = reader;
	let token: string | undefined;
	do {
		const page = await budgets.run('ListRuns', 'high', signal, () =>
			api.listFailedRunsPage(batchId, token, signal),
		);
		const found = await Promise.all(
			page.items.map(async (run) => {
				const [runSettingId, setting] = await Promise.all([
					budgets.run('ListRunsInBatch', 'high', signal, () =>
						settingsApi.runSettingIdOf(batchId, run.id, signal),
					),
					// With the original settings, GetRun is not needed: the entry comes from the file.
					options.settings
						? undefined
						: budgets.run('GetRun', 'high', signal, () => settingsApi.runAsSetting(run.id, signal)),
				]);
				return {runId: run.id, runSettingId, setting};
			}),
		);
		for (const {runId, runSettingId, setting} of found) {
			if (runSettingId === undefined) {
				tally.lacking(`run ${runId} (run setting unknown)`);
				continue;
			}
			if (!tally.claim(runSettingId)) continue;
			const entry = options.settings
				? options.settings.get(runSettingId)
				: entryFromRun(runSettingId, setting ?? {});
			if (entry) {
				await file.add(entryJson(entry));
				tally.written();
			} else tally.lacking(`run ${runId} (${shown(runSettingId)})`);
		}
		token = page.nextToken;
	} while (token);
}

/**
 * Writes the retry manifest of `batchId` to `options.path`: a JSON array of InlineSetting entries,
 * one per failed runSettingId (failed submissions first, then failed runs, each once), written
 * atomically. Every request goes through its operation's budget. An API error leaves no file behind.
 */
export async function writeRetryManifest(
	reader: RetryManifestReader,
	batchId: string,
	options: RetryManifestOptions,
): Promise<RetryManifestResult> {
	const file = await openAtomicJsonArray(options.path);
	const tally = new RetryManifestTally();
	try {
		if (options.kind !== 'run') await addSubmissions(reader, batchId, options, tally, file);
		if (options.kind !== 'submission') await addRuns(reader, batchId, options, tally, file);
		await file.commit();
	} catch (error) {
		await file.abort();
		throw error;
	}
	return {
		path: options.path,
		entries: tally.entries,
		missing: tally.missing,
		incomplete: tally.missing.length > 0,
	};
}

/** The file the TUI's `e` writes: `batchtop-retry-<batchId>.json` in `directory`. */
export function tuiManifestPath(batchId: string, directory: string = process.cwd()): string {
	// Batch ids are 1-18 digits; anything else must not become part of a path.
	if (!/^[0-9]{1,18}$/.test(batchId)) throw new RangeError(`not a batch id: ${shown(batchId)}`);
	return join(directory, `batchtop-retry-${batchId}.json`);
}

/**
 * The TUI's `e`: a function writing `batchtop-retry-<batchId>.json` in the current directory, each
 * failed run's entry rebuilt from GetRun (the TUI has no settings file).
 */
export function retryManifestAction(
	reader: RetryManifestReader,
	directory: string = process.cwd(),
): (batchId: string) => Promise<RetryManifestResult> {
	return (batchId) => writeRetryManifest(reader, batchId, {path: tuiManifestPath(batchId, directory)});
}
