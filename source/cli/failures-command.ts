import {setMaxListeners} from 'node:events';
import type {FailureRecord} from '../domain/failure-record.js';
import {sanitizeText} from '../domain/sanitize-text.js';
import {createBatchApi, type BatchApi} from '../omics/batch-api.js';
import {createOmicsClient, DEFAULT_REQUEST_TIMEOUT_MS, describeConnection} from '../omics/omics-client.js';
import {OmicsError} from '../omics/omics-error.js';
import {createRunDetailApi, type RunDetailApi} from '../omics/run-detail-api.js';
import {connectionFor} from './demo-connection.js';
import {
	failureCsvHeader,
	failureCsvRow,
	failureJsonLine,
	failurePlainLine,
} from '../output/failure-records.js';
import {streamLineWriter} from '../output/stream-lines.js';
import {RequestBudget} from '../poller/request-budget.js';
import {startEmulatorForCli} from './emulator-command.js';
import {ExitCode} from './exit-codes.js';
import type {FailuresConfig} from './failures-config.js';
import {exitForOmicsError} from './omics-exit.js';
import {resolveRegion} from './resolve-region.js';

const text = (value: unknown, max = 2000): string | null => sanitizeText(value, max) || null;

interface Reader {
	readonly api: BatchApi;
	readonly detail: RunDetailApi;
	readonly budget: RequestBudget;
	readonly signal: AbortSignal;
}

/** A failed run as a record: GetRun, its runSettingId (ListRunsInBatch runId=), its first failed task. */
async function runRecord(reader: Reader, batchId: string, runId: string): Promise<FailureRecord> {
	const {detail, budget, signal} = reader;
	const [run, runSettingId, taskIds] = await Promise.all([
		budget.run('high', signal, () => detail.getRunDetail(runId, signal)),
		budget.run('high', signal, () => detail.runSettingIdOf(batchId, runId, signal)),
		budget.run('high', signal, () => detail.failedTaskIdsPage(runId, undefined, signal)),
	]);
	const taskId = taskIds.items[0];
	const task = taskId
		? await budget.run('high', signal, () => detail.getTask(runId, taskId, signal))
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
	const {api, budget, signal} = reader;
	if (config.kind !== 'run') {
		let token: string | undefined;
		do {
			const page = await budget.run('high', signal, () =>
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
			const page = await budget.run('high', signal, () => api.listFailedRunsPage(batchId, token, signal));
			const records = await Promise.all(page.items.map((run) => runRecord(reader, batchId, run.id)));
			for (const record of records) await emit(record);
			token = page.nextToken;
		} while (token);
	}
}

/** `batchtop failures BATCH`: one line, NDJSON object or CSV row per failure; exit 0 when listed. */
export async function runFailuresCommand(
	config: FailuresConfig,
	stdout: NodeJS.WritableStream = process.stdout,
): Promise<number> {
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
		// One budget for every call, as --max-rps says; as many in flight as the client has sockets.
		const budget = new RequestBudget({
			ratePerSecond: config.maxRequestsPerSecond,
			maxInFlight: api.maxConcurrent,
		});
		const reader = {api, detail, budget, signal: abort.signal};
		const write = streamLineWriter(stdout);
		const batchId = config.reference.id;
		try {
			try {
				// An unknown batch is exit 2; ListRuns alone would answer an empty list.
				await budget.run('high', abort.signal, () => api.getBatch(batchId, abort.signal));
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
				throw error;
			}
			return ExitCode.ok;
		} finally {
			budget.close();
		}
	} finally {
		abort.abort();
		await emulator?.stop();
	}
}
