import {createBatchApi} from '../omics/batch-api.js';
import {createCancelApi} from '../omics/cancel-api.js';
import {createBatchCanceller} from '../poller/batch-canceller.js';
import {createRunSettingsApi} from '../omics/run-settings-api.js';
import {retryManifestAction} from './retry-manifest-action.js';
import {createOmicsClient, DEFAULT_REQUEST_TIMEOUT_MS, describeConnection} from '../omics/omics-client.js';
import {connectionFor} from './demo-connection.js';
import {writeErrorLine} from '../output/output-guard.js';
import {BatchPoller} from '../poller/batch-poller.js';
import {createRunDetailApi} from '../omics/run-detail-api.js';
import type {PollerEvent, PollerSnapshot} from '../poller/poller-state.js';
import {EventLog, LogFileError, readPreviousRun} from '../output/event-log.js';
import {summaryRecord} from '../output/json-events.js';
import {notificationBytes} from '../output/notifier.js';
import {changeLine} from '../output/since-last-time.js';
import {createWatchRecorder} from './watch-recorder.js';
import {startEmulatorForCli} from './emulator-command.js';
import {ExitCode, ExitError} from './exit-codes.js';
import {resolveRegion} from './resolve-region.js';
import {runOnce} from './run-once.js';
import {runScriptWatch, watchEndRules} from './script-watch.js';
import type {WatchConfig} from './watch-config.js';

/** `batchtop [IDS]`: connect (or start the demo emulator), then the TUI, the script watch, or --once. */
export async function runWatch(config: WatchConfig, write: (line: string) => void): Promise<number> {
	// The log file is checked before anything else runs: a FIFO, a device or a directory is one line
	// and exit 2, not a hang or a stack trace after the TUI has started.
	const logProblems: string[] = [];
	const tui = config.output === 'tui' && !config.once;
	let log: EventLog | undefined;
	try {
		if (config.logFile && !config.once)
			log = new EventLog(config.logFile, {
				// A failed write is reported once; the TUI owns the terminal, so it hears after closing.
				onWriteError: (message) => (tui ? logProblems.push(message) : writeErrorLine(message)),
			});
	} catch (error) {
		if (error instanceof LogFileError) throw new ExitError(ExitCode.usage, error.message);
		throw error;
	}
	try {
		return await watch(config, write, log);
	} finally {
		log?.close();
		for (const problem of logProblems) writeErrorLine(problem);
	}
}

async function watch(
	config: WatchConfig,
	write: (line: string) => void,
	log: EventLog | undefined,
): Promise<number> {
	// The TUI's chunk (Ink, React, yoga) loads while the demo's emulator computes its history.
	const tuiModule = config.output === 'tui' && !config.once ? import('../ui/run-tui.js') : undefined;
	// Awaited below on the TUI's path; an early error ends the run before that, and must not be unhandled.
	tuiModule?.catch(() => undefined);
	const emulator = config.demo ? await startEmulatorForCli(config.demo) : undefined;
	try {
		const connection = connectionFor(config.connection, config.requestTimeoutMs, emulator);
		const region = await resolveRegion(connection, config.references);
		// Like k9s's context: which account settings are in use is on screen and in every message: the
		// profile, the region and the endpoint in use (--endpoint-url, AWS_ENDPOINT_URL_OMICS,
		// AWS_ENDPOINT_URL or the profile's services section / endpoint_url).
		const where = emulator ? `the demo emulator ${emulator.url}` : describeConnection(connection, region);
		const client = createOmicsClient({...connection, region});
		const deadlineMs = connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
		const api = createBatchApi(client, {deadlineMs});
		if (config.once) return await runOnce(api, config, where, write);

		const previous = config.logFile ? readPreviousRun(config.logFile) : undefined;
		const poller = new BatchPoller({
			api,
			// The drill-down's calls; the demo's endpoint serves CloudWatch Logs too.
			detail: createRunDetailApi(client, {deadlineMs, logsConnection: {...connection, region}}),
			batchIds: config.references.map((reference) => reference.id),
			interval: config.interval,
			maxRequestsPerSecond: config.maxRequestsPerSecond,
			...(config.budgets ? {budgets: config.budgets} : {}),
			...(config.discovery
				? {discovery: {...config.discovery, intervalMs: Math.max(30_000, config.interval.maxMs)}}
				: {}),
		});
		const notify = config.notify ? notifier() : undefined;
		const onFinished = (event: Extract<PollerEvent, {type: 'batch-finished'}>, snapshot: PollerSnapshot) => {
			const view = snapshot.batches.find((batch) => batch.id === event.id)?.view;
			notify?.(`batchtop: ${view?.label ?? event.id} ${event.status}`, event.verdict.label);
		};
		const recorder = createWatchRecorder({
			...(log ? {log} : {}),
			...(previous ? {previous} : {}),
			onFinished,
		});
		try {
			if (config.output !== 'tui') {
				const result = await runScriptWatch({poller, config, where, write, recorder, ...(log ? {log} : {})});
				log?.append(result.summary);
				return result.code;
			}
			// The TUI owns stdout; the log and notifications listen beside it.
			const sinceLines: string[] = [];
			poller.subscribe((snapshot, events) => {
				for (const change of recorder(snapshot, events).changes) sinceLines.push(changeLine(change));
			});
			// Ink and React load only for the TUI: --json, --plain and --once start faster without them.
			const {runTui} = await (tuiModule ?? import('../ui/run-tui.js'));
			// --allow-cancel: the one write batchtop can make, through its own CancelRunBatch budget.
			const cancelTps = config.budgets?.CancelRunBatch;
			const canceller = config.allowCancel
				? createBatchCanceller(createCancelApi(client, {deadlineMs}), cancelTps ? {tps: cancelTps} : {})
				: undefined;
			const end = await runTui({
				poller,
				target: where,
				ascii: config.ascii,
				color: config.color,
				alternateScreen: config.alternateScreen,
				title: config.title,
				mouse: config.mouse,
				...(canceller ? {canceller} : {}),
				// `e`: the selected batch's retry manifest, on the poller's budgets, into the current directory.
				onRetryManifest: retryManifestAction({
					api,
					settingsApi: createRunSettingsApi(client, {deadlineMs}),
					budgets: poller.budgets,
					signal: poller.signal,
				}),
				stallMs: 10 * 60_000,
				initialSort: config.initialSort,
				endRules: watchEndRules(config),
				awsCli: {
					region,
					...(connection.endpointUrl ? {endpointUrl: connection.endpointUrl} : {}),
					...(connection.profile ? {profile: connection.profile} : {}),
				},
			});
			canceller?.close();
			for (const line of sinceLines) write(line);
			log?.append(summaryRecord(poller.snapshot(), end.code, end.reason, Date.now()));
			return end.code;
		} finally {
			poller.stop();
		}
	} finally {
		await emulator?.stop();
	}
}

/** Writes bell + desktop notification escapes to whichever of stdout and stderr is a terminal. */
function notifier(): ((title: string, body: string) => void) | undefined {
	const stream = process.stdout.isTTY ? process.stdout : process.stderr.isTTY ? process.stderr : undefined;
	if (!stream) return undefined;
	return (title, body) => {
		stream.write(notificationBytes(title, body));
	};
}
