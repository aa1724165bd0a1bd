import type {BatchPoller} from '../poller/batch-poller.js';
import type {ErrorInfo, PollerSnapshot} from '../poller/poller-state.js';
import {summaryRecord} from '../output/json-events.js';
import {plainLines, plainSummary} from '../output/plain-lines.js';
import {allFinished, verdictExitCode} from '../output/watch-outcome.js';
import {failureCount} from '../domain/batch-verdict.js';
import {changeLine} from '../output/since-last-time.js';
import type {WatchRecorder} from './watch-recorder.js';
import {ExitCode, SIGNAL_EXIT_CODES, type ErrorKind, type ExitSignal} from '../domain/exit-policy.js';
import {guardJson} from '../output/output-guard.js';
import type {WatchConfig} from './watch-config.js';

export interface ScriptWatchOptions {
	readonly poller: BatchPoller;
	readonly config: WatchConfig;
	readonly where: string;
	readonly write: (line: string) => void;
	/** Turns each notification into log records and since-last-time changes (shared with the TUI). */
	readonly recorder: WatchRecorder;
}

export interface WatchResult {
	readonly code: number;
	readonly reason: string;
	/** The final NDJSON summary record (written to stdout with --json; the caller logs it). */
	readonly summary: Record<string, unknown>;
}

/** Errors that mean the service cannot be used right now; they count toward --stale-timeout. */
const isOutage = (kind: ErrorKind): boolean =>
	kind === 'unavailable' || kind === 'bad-response' || kind === 'throttled' || kind === 'tls';

interface Outage {
	readonly what: string;
	/** The last good answer for it, or the start of the watch. */
	readonly since: number;
	readonly error: ErrorInfo;
}

/** Why nothing could be used at all: unreachable, or answering what cannot be read. */
function outageReason(outage: Outage, where: string): string {
	// A failure of the credential chain (STS, SSO) names its own service and profile already.
	if (outage.error.action !== undefined && !outage.error.action.startsWith('omics:'))
		return outage.error.message;
	switch (outage.error.kind) {
		case 'unavailable':
			return `cannot reach HealthOmics at ${where} (${outage.error.message}); check --endpoint-url, the region and your network`;
		case 'tls':
			return `cannot connect securely to HealthOmics at ${where}: ${outage.error.message}`;
		default:
			return `no usable answer from HealthOmics at ${where}: ${outage.error.message}`;
	}
}

/** Before any success, give up on an unreachable service after this long (a typo'd endpoint should not wait 10 minutes). */
const FIRST_CONTACT_MS = 15_000;

/**
 * --plain / --json (and any run without a terminal): a line per change, then a summary. Ends when every
 * batch has finished (given IDs, or --exit-status), at the first failure with --fail-fast, at --timeout,
 * when HealthOmics stays unreachable past --stale-timeout, on a credentials problem, or on a signal.
 */
export function runScriptWatch({
	poller,
	config,
	where,
	write,
	recorder,
}: ScriptWatchOptions): Promise<WatchResult> {
	const json = config.output === 'json';
	const started = Date.now();
	return new Promise<WatchResult>((resolve) => {
		let done = false;
		const finish = (code: number, reason: string) => {
			if (done) return;
			done = true;
			clearInterval(timer);
			unsubscribe();
			for (const [signal, handler] of signalHandlers) process.off(signal, handler);
			poller.stop();
			const snapshot = poller.snapshot();
			const summary = summaryRecord(snapshot, code, reason, Date.now());
			for (const line of json ? [guardJson(summary)] : plainSummary(snapshot, code, reason)) write(line);
			resolve({code, reason, summary});
		};

		const check = (snapshot: PollerSnapshot) => {
			const now = Date.now();
			if (snapshot.credentialsError) return finish(ExitCode.credentials, snapshot.credentialsError.message);
			const batches = snapshot.batches;
			const unreadable = batches.length > 0 && batches.every((batch) => !batch.view && batch.lastError);
			if (unreadable && batches.every((batch) => batch.lastError?.kind === 'access-denied')) {
				return finish(
					ExitCode.credentials,
					`access denied: these credentials may not call omics:GetBatch in ${where}`,
				);
			}
			if (unreadable && batches.every((batch) => batch.lastError?.kind === 'not-found')) {
				return finish(
					ExitCode.usage,
					`no such batch in ${where}: ${batches.map((batch) => batch.id).join(', ')}; check the IDs and the region`,
				);
			}
			// Watching all active batches: a refused ListBatch is as fatal as a refused GetBatch.
			if (
				batches.length === 0 &&
				snapshot.discoveryError?.kind === 'access-denied' &&
				snapshot.lastDiscoveryAt === undefined
			) {
				return finish(
					ExitCode.credentials,
					`access denied: these credentials may not call omics:ListBatch in ${where}`,
				);
			}
			if (config.failFast) {
				// Failures already there when a batch is first seen count too.
				const failing = batches.find(
					(batch) =>
						batch.view &&
						(failureCount(batch.view) > 0 ||
							batch.view.status === 'FAILED' ||
							batch.view.status === 'CANCELLED'),
				);
				if (failing) {
					const outcome = verdictExitCode(snapshot);
					return finish(
						outcome.code === 0 ? ExitCode.someFailed : outcome.code,
						`stopped at the first failure (${failing.id} ${failing.view?.label ?? ''})`,
					);
				}
			}
			// A loop, not Math.max(...batches): that throws past ~125,000 batches.
			let lastGood = snapshot.lastDiscoveryAt ?? 0;
			for (const batch of batches) lastGood = Math.max(lastGood, batch.lastUpdated ?? 0);
			// Each batch (and the listing) has its own stale clock: one hung batch ends a watch even
			// while the others answer, or --wait would wait for it forever.
			const outages: Outage[] = [];
			for (const batch of batches)
				if (batch.lastError && isOutage(batch.lastError.kind))
					outages.push({
						what: `batch ${batch.id}`,
						since: batch.lastUpdated ?? started,
						error: batch.lastError,
					});
			if (snapshot.discoveryError && isOutage(snapshot.discoveryError.kind))
				outages.push({
					what: 'the batch listing',
					since: snapshot.lastDiscoveryAt ?? started,
					error: snapshot.discoveryError,
				});
			const [first] = outages;
			if (first && lastGood === 0 && now - started > Math.min(FIRST_CONTACT_MS, config.staleTimeoutMs))
				return finish(ExitCode.unreachable, outageReason(first, where));
			const stale = outages.find((outage) => now - outage.since > config.staleTimeoutMs);
			if (stale) {
				return finish(
					ExitCode.unreachable,
					`${stale.what}: no usable answer for more than ${Math.round(config.staleTimeoutMs / 1000)}s (${stale.error.message})`,
				);
			}
			const finished = allFinished(snapshot);
			if (finished && (config.references.length > 0 || config.exitStatus)) {
				const outcome = verdictExitCode(snapshot);
				// An ID that names no batch is a mistake to report whatever was asked, never "all succeeded".
				if (outcome.code === ExitCode.usage) return finish(outcome.code, outcome.reason);
				return finish(
					config.exitStatus || config.failFast ? outcome.code : ExitCode.ok,
					finishedReason(outcome.reason, batches.length),
				);
			}
			if (config.exitStatus && batches.length === 0 && snapshot.lastDiscoveryAt !== undefined)
				return finish(ExitCode.ok, 'no batches to watch');
			if (config.timeoutMs !== undefined && now - started >= config.timeoutMs) {
				const running = batches.filter((batch) => !batch.done).length;
				return finish(
					ExitCode.timeout,
					`timed out after ${Math.round(config.timeoutMs / 1000)}s with ${running} batch${running === 1 ? '' : 'es'} still running`,
				);
			}
		};

		const unsubscribe = poller.subscribe((snapshot, events) => {
			if (done) return;
			const recorded = recorder(snapshot, events);
			if (json) {
				for (const record of recorded.records) write(guardJson(record));
			} else {
				for (const line of plainLines(events, snapshot)) write(line);
				for (const change of recorded.changes) write(changeLine(change));
			}
			check(snapshot);
		});
		const timer = setInterval(() => check(poller.snapshot()), 250);
		const signalHandlers = (Object.keys(SIGNAL_EXIT_CODES) as ExitSignal[]).map(
			(signal) => [signal, () => finish(SIGNAL_EXIT_CODES[signal], SIGNAL_REASONS[signal])] as const,
		);
		for (const [signal, handler] of signalHandlers) process.on(signal, handler);
		poller.start();
	});
}

const SIGNAL_REASONS: Record<ExitSignal, string> = {
	SIGHUP: 'hung up',
	SIGINT: 'interrupted',
	SIGQUIT: 'quit (SIGQUIT)',
	SIGTERM: 'terminated',
};

function finishedReason(outcome: string, count: number): string {
	return `${count === 1 ? 'the batch' : `all ${count} batches`} finished; ${outcome}`;
}
