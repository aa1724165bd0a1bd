import './sdk-environment.js';
import {
	GetRunCommand,
	GetRunTaskCommand,
	ListRunsInBatchCommand,
	ListRunTasksCommand,
	type OmicsClient,
} from '@aws-sdk/client-omics';
import type {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {callWithDeadline, type Page} from './batch-api.js';
import {credentialChainOf, DEFAULT_REQUEST_TIMEOUT_MS, type OmicsConnection} from './omics-client.js';
import {OmicsError, toOmicsError} from './omics-error.js';
import {sanitizeText, stripUnsafe, stripUnsafeDeep} from '../domain/sanitize-text.js';
import {parseLogStreamArn, type FailedTask, type LogTail, type RunDetail} from '../domain/run-detail.js';

/** A failed run's details: GetRun, its failed tasks, the batch entry that started it, a log's tail. */
export interface RunDetailApi {
	/** GetRun essentials. */
	getRunDetail(runId: string, signal?: AbortSignal): Promise<RunDetail>;
	/** ListRunTasks(status=FAILED), one page of task ids. */
	failedTaskIdsPage(runId: string, nextToken?: string, signal?: AbortSignal): Promise<Page<string>>;
	/** GetRunTask. */
	getTask(runId: string, taskId: string, signal?: AbortSignal): Promise<FailedTask>;
	/** ListRunsInBatch(runId): the runSettingId the batch started this run from (GetRun does not say). */
	runSettingIdOf(batchId: string, runId: string, signal?: AbortSignal): Promise<string | undefined>;
	/** GetLogEvents(startFromHead=false): the newest `limit` lines, or those before `olderToken`. */
	logTail(
		streamArn: string,
		options?: {readonly limit?: number; readonly olderToken?: string},
		signal?: AbortSignal,
	): Promise<LogTail>;
}

export interface RunDetailApiOptions {
	readonly deadlineMs?: number;
	/** Where the Logs client connects; made on the first logTail (its SDK is loaded only then). */
	readonly logsConnection?: OmicsConnection;
}

/** Ids go into URLs and onto the screen: anything but the documented 1-18 digits is dropped. */
const numericId = (id: string | undefined): string | undefined =>
	id !== undefined && /^[0-9]{1,18}$/.test(id) ? id : undefined;
const text = (value: unknown, max = 2000): string | undefined => sanitizeText(value, max) || undefined;
const date = (value: unknown): Date | undefined =>
	value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
const count = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
/** Only what is there: no key holds undefined (exactOptionalPropertyTypes). */
const defined = <T extends object>(record: T): T =>
	Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
const abortSignal = (signal: AbortSignal) => ({abortSignal: signal});
const token = (nextToken?: string) => (nextToken ? {startingToken: nextToken} : {});

/** A log line: unsafe characters out, but its spacing kept (tools align their columns), bounded. */
function logLine(message: unknown): string {
	const line = stripUnsafe(typeof message === 'string' ? message : '').trimEnd();
	return line.length <= MAX_LOG_LINE
		? line
		: `${Array.from(line)
				.slice(0, MAX_LOG_LINE - 1)
				.join('')}…`;
}
const MAX_LOG_LINE = 4000;

/** The newest lines a log tail reads by default (the "at least the last 50"). */
export const DEFAULT_TAIL_LINES = 100;

/**
 * A CloudWatch Logs failure, worded as such: the mapping (omics-error.ts) is the one for HealthOmics,
 * but the IAM action is logs:<Operation> and the service is CloudWatch Logs.
 */
function asLogsError(error: OmicsError): OmicsError {
	const message = error.message
		.replace(`omics:${error.details.operation}`, `logs:${error.details.operation}`)
		.replace(/^HealthOmics/, 'CloudWatch Logs');
	return new OmicsError(error.kind, message, {...error.details, action: `logs:${error.details.operation}`});
}

/** The RunDetailApi over a real OmicsClient (and a CloudWatch Logs client made when first needed). */
export function createRunDetailApi(client: OmicsClient, options: RunDetailApiOptions = {}): RunDetailApi {
	const deadlineMs = options.deadlineMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const call = <T>(
		operation: string,
		subject: string,
		outer: AbortSignal | undefined,
		send: (signal: AbortSignal) => Promise<T>,
		on: object = client,
	) => callWithDeadline(operation, subject, deadlineMs, outer, send, credentialChainOf(on));
	let logs: Promise<CloudWatchLogsClient> | undefined;
	// Loaded by import(): the Logs SDK is a chunk of its own, never parsed by a run that reads no log.
	const logsClient = () =>
		(logs ??= import('./logs-client.js').then(({createLogsClient}) =>
			createLogsClient(options.logsConnection ?? {}),
		));
	return {
		async getRunDetail(runId, signal) {
			const run = await call('GetRun', `run ${runId}`, signal, (bounded) =>
				client.send(new GetRunCommand({id: runId}), abortSignal(bounded)),
			);
			let parameters: string | undefined;
			try {
				// Cleaned before encoding: JSON would turn an ESC into the six characters \u001b, out of the sanitiser's sight.
				parameters =
					run.parameters === undefined
						? undefined
						: text(JSON.stringify(stripUnsafeDeep(run.parameters)), 500);
			} catch {
				parameters = undefined;
			}
			return defined({
				id: numericId(run.id) ?? runId,
				arn: text(run.arn, 256),
				name: text(run.name, 128),
				status: text(run.status, 64) ?? 'UNKNOWN',
				failureReason: text(run.failureReason, 64),
				statusMessage: text(run.statusMessage),
				batchId: numericId(run.batchId),
				creationTime: date(run.creationTime),
				startTime: date(run.startTime),
				stopTime: date(run.stopTime),
				outputUri: text(run.outputUri, 750),
				runOutputUri: text(run.runOutputUri, 750),
				parameters,
				priority: count(run.priority),
				storageCapacity: count(run.storageCapacity),
				storageType: text(run.storageType, 64),
				engineLogStream: text(run.logLocation?.engineLogStream, 512),
				runLogStream: text(run.logLocation?.runLogStream, 512),
			});
		},
		async failedTaskIdsPage(runId, nextToken, signal) {
			const output = await call('ListRunTasks', `run ${runId}`, signal, (bounded) =>
				client.send(
					new ListRunTasksCommand({id: runId, status: 'FAILED', maxResults: 100, ...token(nextToken)}),
					abortSignal(bounded),
				),
			);
			const items = (output.items ?? [])
				.filter((task) => task.status === 'FAILED')
				.flatMap((task) => numericId(task.taskId) ?? []);
			return {items, ...(output.nextToken ? {nextToken: output.nextToken} : {})};
		},
		async getTask(runId, taskId, signal) {
			const task = await call('GetRunTask', `task ${taskId} of run ${runId}`, signal, (bounded) =>
				client.send(new GetRunTaskCommand({id: runId, taskId}), abortSignal(bounded)),
			);
			return defined({
				taskId: numericId(task.taskId) ?? taskId,
				name: text(task.name, 128),
				status: text(task.status, 64) ?? 'UNKNOWN',
				failureReason: text(task.failureReason, 64),
				statusMessage: text(task.statusMessage),
				instanceType: text(task.instanceType, 64),
				cpus: count(task.cpus),
				memory: count(task.memory),
				gpus: count(task.gpus),
				startTime: date(task.startTime),
				stopTime: date(task.stopTime),
				logStream: text(task.logStream, 512),
			});
		},
		async runSettingIdOf(batchId, runId, signal) {
			const output = await call('ListRunsInBatch', `batch ${batchId}`, signal, (bounded) =>
				client.send(new ListRunsInBatchCommand({batchId, runId, maxItems: 1}), abortSignal(bounded)),
			);
			const entry = (output.runs ?? []).find((run) => run.runId === runId);
			return text(entry?.runSettingId, 128);
		},
		async logTail(streamArn, tailOptions = {}, signal) {
			const name = parseLogStreamArn(streamArn);
			if (!name)
				throw new OmicsError('invalid', `not a log stream ARN: ${sanitizeText(streamArn, 200)}`, {
					operation: 'GetLogEvents',
					code: 'BadArn',
					action: 'logs:GetLogEvents',
				});
			const limit = Math.max(1, Math.min(10_000, tailOptions.limit ?? DEFAULT_TAIL_LINES));
			const logsApi = await logsClient();
			// From the same chunk as the client: a bare import() of the SDK's CJS build gives no named exports once bundled.
			const {GetLogEventsCommand} = await import('./logs-client.js');
			let output;
			try {
				output = await call(
					'GetLogEvents',
					`log stream ${sanitizeText(name.stream, 200)}`,
					signal,
					(bounded) =>
						logsApi.send(
							new GetLogEventsCommand({
								logGroupName: name.group,
								logStreamName: name.stream,
								startFromHead: false,
								limit,
								...(tailOptions.olderToken ? {nextToken: tailOptions.olderToken} : {}),
							}),
							abortSignal(bounded),
						),
					logsApi,
				);
			} catch (error) {
				throw error instanceof OmicsError ? asLogsError(error) : toOmicsError(error, 'GetLogEvents');
			}
			const lines = (output.events ?? []).map((event) =>
				defined({
					timestamp: typeof event.timestamp === 'number' ? date(new Date(event.timestamp)) : undefined,
					message: logLine(event.message),
				}),
			);
			// At the start of the stream the service hands back the token that was passed: nothing older.
			// Fewer lines than asked for: the stream's start was reached.
			const older = output.nextBackwardToken;
			const olderToken =
				older && older !== tailOptions.olderToken && lines.length >= limit ? text(older, 512) : undefined;
			return {lines, ...(olderToken ? {olderToken} : {})};
		},
	};
}
