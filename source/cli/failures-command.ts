import {setMaxListeners} from 'node:events';
import {readFile} from 'node:fs/promises';
import type {FailureRecord} from '../domain/failure-record.js';
import {
	MAX_INLINE_SETTINGS,
	parseSettingsFile,
	SettingsFileError,
	type RunSettingEntry,
} from '../domain/retry-manifest.js';
import {sanitizeText} from '../domain/sanitize-text.js';
import {createBatchApi, type BatchApi} from '../omics/batch-api.js';
import {createOmicsClient, DEFAULT_REQUEST_TIMEOUT_MS, describeConnection} from '../omics/omics-client.js';
import {OmicsError} from '../omics/omics-error.js';
import {createRunDetailApi, type RunDetailApi} from '../omics/run-detail-api.js';
import {createRunSettingsApi} from '../omics/run-settings-api.js';
import {guardLine, writeErrorLine} from '../output/output-guard.js';
import {manifestPathProblem} from '../output/retry-manifest-file.js';
import {connectionFor} from './demo-connection.js';
import {
	failureCsvHeader,
	failureCsvRow,
	failureJsonLine,
	failurePlainLine,
} from '../output/failure-records.js';
import {streamLineWriter} from '../output/stream-lines.js';
import {defaultBudgets, OperationBudgets} from '../poller/operation-budgets.js';
import {startEmulatorForCli} from './emulator-command.js';
import {ExitCode, ExitError, UsageError} from './exit-codes.js';
import type {FailuresConfig} from './failures-config.js';
import {exitForOmicsError} from './omics-exit.js';
import {resolveRegion} from './resolve-region.js';
import {writeRetryManifest, type RetryManifestResult} from './retry-manifest-action.js';

const text = (value: unknown, max = 2000): string | null => sanitizeText(value, max) || null;

interface Reader {
	readonly api: BatchApi;
	readonly detail: RunDetailApi;
	readonly budgets: OperationBudgets;
	readonly signal: AbortSignal;
}

/** A failed run as a record: GetRun, its runSettingId (ListRunsInBatch runId=), its first failed task. */
async function runRecord(reader: Reader, batchId: string, runId: string): Promise<FailureRecord> {
	const {detail, budgets, signal} = reader;
	const [run, runSettingId, taskIds] = await Promise.all([
		budgets.run('GetRun', 'high', signal, () => detail.getRunDetail(runId, signal)),
		budgets.run('ListRunsInBatch', 'high', signal, () => detail.runSettingIdOf(batchId, runId, signal)),
		budgets.run('ListRunTasks', 'high', signal, () => detail.failedTaskIdsPage(runId, undefined, signal)),
	]);
	const taskId = taskIds.items[0];
	const task = taskId
		? await budgets.run('GetRunTask', 'high', signal, () => detail.getTask(runId, taskId, signal))
		: undefined;
	return {
		batchId,
		kind: 'run',
		runSettingId: runSettingId ?? null,
		runId,
		reason: run.failureReason ?? null,
		message: run.statusMessage ?? null,
		taskId: task?.taskId ?? null,
		taskName: task?.name ?? null,
		taskReason: task?.failureReason ?? null,
		taskMessage: task?.statusMessage ?? null,
		logStream: task?.logStream ?? run.engineLogStream ?? null,
	};
}

/**
 * Every failure, page by page: ListRunsInBatch(submissionStatus=FAILED), then ListRuns(batchId,
 * status=FAILED) with each run's details read concurrently (within the budget). A page is written as
 * soon as it is complete, in the API's order, so memory holds one page whatever the batch's size.
 */
async function listFailures(
	reader: Reader,
	config: FailuresConfig,
	batchId: string,
	emit: (record: FailureRecord) => Promise<void>,
): Promise<void> {
	const {api, budgets, signal} = reader;
	if (config.kind !== 'run') {
		let token: string | undefined;
		do {
			const page = await budgets.run('ListRunsInBatch', 'high', signal, () =>
				api.listFailedSubmissionsPage(batchId, token, signal),
			);
			for (const item of page.items)
				await emit({
					batchId,
					kind: 'submission',
					runSettingId: item.example === '?' ? null : text(item.example, 128),
					runId: null,
					reason: text(item.reason, 64),
					message: text(item.message),
					taskId: null,
					taskName: null,
					taskReason: null,
					taskMessage: null,
					logStream: null,
				});
			token = page.nextToken;
		} while (token);
	}
	if (config.kind !== 'submission') {
		let token: string | undefined;
		do {
			const page = await budgets.run('ListRuns', 'high', signal, () =>
				api.listFailedRunsPage(batchId, token, signal),
			);
			const records = await Promise.all(page.items.map((run) => runRecord(reader, batchId, run.id)));
			for (const record of records) await emit(record);
			token = page.nextToken;
		} while (token);
	}
}

/** Reads --settings before anything touches the network: a problem is one line and exit 2. */
async function readSettings(path: string): Promise<ReadonlyMap<string, RunSettingEntry>> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		throw new UsageError(
			`--settings ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
		);
	}
	try {
		return parseSettingsFile(text);
	} catch (error) {
		if (error instanceof SettingsFileError) throw new UsageError(`--settings ${path} ${error.message}`);
		throw error;
	}
}

/** The manifest's result on stdout and stderr: one line each missing failure, one note, the exit code. */
function reportManifest(
	result: RetryManifestResult,
	config: FailuresConfig,
	stdout: NodeJS.WritableStream,
	stderr: NodeJS.WritableStream,
): number {
	for (const what of result.missing) writeErrorLine(`not in the retry manifest: ${what}`, stderr);
	if (result.incomplete)
		writeErrorLine(
			config.settingsFile === undefined
				? `${result.missing.length} failed run settings could not be rebuilt (a failed submission never got a run to read them from): pass the batch's original run settings with --settings FILE to include them`
				: `${result.missing.length} failed run settings are not in ${config.settingsFile}: is it the file this batch was started from?`,
			stderr,
		);
	const form =
		result.entries === 0
			? 'nothing to retry'
			: result.entries <= MAX_INLINE_SETTINGS
				? 'inlineSettings or s3UriSettings'
				: 's3UriSettings: more than 100 for inlineSettings';
	stdout.write(`${guardLine(`wrote ${result.entries} run settings to ${result.path} (${form})`)}\n`);
	return result.incomplete ? ExitCode.incomplete : ExitCode.ok;
}

/**
 * `batchtop failures BATCH`: one line, NDJSON object or CSV row per failure; exit 0 when listed. With
 * --retry-manifest FILE: the failures' run settings written to FILE instead (exit 7 when incomplete).
 */
export async function runFailuresCommand(
	config: FailuresConfig,
	stdout: NodeJS.WritableStream = process.stdout,
	stderr: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	// Bad files are bad input: found before the emulator starts or a request is sent.
	const settings = config.settingsFile === undefined ? undefined : await readSettings(config.settingsFile);
	if (config.retryManifest !== undefined) {
		const problem = await manifestPathProblem(config.retryManifest);
		if (problem) throw new UsageError(`--retry-manifest ${config.retryManifest}: ${problem}`);
	}
	const emulator = config.demo ? await startEmulatorForCli(config.demo) : undefined;
	const abort = new AbortController();
	// One signal for every waiting request: legitimately more listeners than Node's warning threshold.
	setMaxListeners(0, abort.signal);
	try {
		const connection = connectionFor(config.connection, config.requestTimeoutMs, emulator);
		const region = await resolveRegion(connection, [config.reference]);
		const where = emulator ? `the demo emulator ${emulator.url}` : describeConnection(connection, region);
		const client = createOmicsClient({...connection, region});
		const deadlineMs = connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
		const api = createBatchApi(client, {deadlineMs});
		const detail = createRunDetailApi(client, {deadlineMs, logsConnection: {...connection, region}});
		// Each operation at its own budget (--budget over half of each quota; GetBatch at --max-rps), as
		// the watch; as many in flight as the client has sockets.
		const budgets = new OperationBudgets(
			{...defaultBudgets(config.maxRequestsPerSecond), ...config.budgets},
			{maxInFlight: api.maxConcurrent},
		);
		const reader = {api, detail, budgets, signal: abort.signal};
		const batchId = config.reference.id;
		try {
			try {
				// An unknown batch is exit 2; ListRuns alone would answer an empty list.
				await budgets.run('GetBatch', 'high', abort.signal, () => api.getBatch(batchId, abort.signal));
				if (config.retryManifest !== undefined) {
					const result = await writeRetryManifest(
						{api, settingsApi: createRunSettingsApi(client, {deadlineMs}), budgets, signal: abort.signal},
						batchId,
						{path: config.retryManifest, kind: config.kind, ...(settings ? {settings} : {})},
					);
					return reportManifest(result, config, stdout, stderr);
				}
				const write = streamLineWriter(stdout);
				if (config.format === 'csv') await write(failureCsvHeader());
				const line =
					config.format === 'json'
						? failureJsonLine
						: config.format === 'csv'
							? failureCsvRow
							: failurePlainLine;
				await listFailures(reader, config, batchId, (record) => write(line(record)));
			} catch (error) {
				if (error instanceof OmicsError) throw exitForOmicsError(error, where);
				if (isFileError(error))
					throw new ExitError(
						ExitCode.usage,
						`--retry-manifest ${config.retryManifest ?? ''}: cannot write it (${error.code})`,
					);
				throw error;
			}
			return ExitCode.ok;
		} finally {
			budgets.close();
		}
	} finally {
		abort.abort();
		await emulator?.stop();
	}
}

/** An fs error (EACCES, ENOSPC, EROFS…) writing the manifest. */
const isFileError = (error: unknown): error is NodeJS.ErrnoException =>
	error instanceof Error &&
	typeof (error as NodeJS.ErrnoException).code === 'string' &&
	typeof (error as NodeJS.ErrnoException).syscall === 'string';
