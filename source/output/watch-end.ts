import {failureCount} from '../domain/batch-verdict.js';
import {pausedWithin} from '../domain/paused-time.js';
import {ExitCode, type ErrorKind, type ExitSignal, SIGNAL_EXIT_CODES} from '../domain/exit-policy.js';
import type {ErrorInfo, PollerSnapshot} from '../poller/poller-state.js';
import {allFinished, verdictExitCode} from './watch-outcome.js';

// When a watch is over, with which code and why: the one set of end conditions that --plain, --json
// and the full-screen monitor all apply, so the modes cannot drift apart. Pure: the caller passes the
// snapshot and the clock, and decides what to do with the answer.

/** The flags that decide when a watch ends by itself. */
export interface WatchEndRules {
	/** Batch IDs were given: the watch is over once they have all finished. */
	readonly namedBatches: boolean;
	/** --exit-status / --wait: end when every batch has finished, and say how they did. */
	readonly exitStatus: boolean;
	readonly failFast: boolean;
	readonly timeoutMs?: number;
	/** How long a batch (or the listing) may give no usable answer before the watch gives up. */
	readonly staleTimeoutMs: number;
}

/** When the watch started and what time it is now (epoch ms). */
export interface WatchClock {
	readonly started: number;
	readonly now: number;
}

/** How a watch ended: the exit code (domain/exit-policy.ts) and one line saying why. */
export interface WatchEnd {
	readonly code: number;
	readonly reason: string;
}

/** Before any success, give up on an unreachable service after this long (a typo'd endpoint should not wait 10 minutes). */
export const FIRST_CONTACT_MS = 15_000;

/**
 * Whether the watch is over now, and how: a credentials problem, a refused GetBatch or ListBatch, only
 * unknown IDs, the first failure with --fail-fast, HealthOmics unusable past --stale-timeout, every
 * batch finished (IDs given, or --exit-status), nothing to watch with --exit-status, or --timeout.
 */
export function watchEnd(
	snapshot: PollerSnapshot,
	rules: WatchEndRules,
	clock: WatchClock,
	where: string,
): WatchEnd | undefined {
	const refused = refusal(snapshot, where);
	if (refused) return refused;
	const batches = snapshot.batches;
	if (rules.failFast) {
		// Failures already there when a batch is first seen count too.
		const failing = batches.find(
			(batch) =>
				batch.view &&
				(failureCount(batch.view) > 0 || batch.view.status === 'FAILED' || batch.view.status === 'CANCELLED'),
		);
		if (failing) {
			const outcome = verdictExitCode(snapshot);
			return {
				code: outcome.code === ExitCode.ok ? ExitCode.someFailed : outcome.code,
				reason: `stopped at the first failure (${failing.id} ${failing.view?.label ?? ''})`,
			};
		}
	}
	const outage = outageEnd(snapshot, rules, clock, where);
	if (outage) return outage;
	if (allFinished(snapshot) && (rules.namedBatches || rules.exitStatus)) {
		const outcome = verdictExitCode(snapshot);
		// An ID that names no batch is a mistake to report whatever was asked, never "all succeeded".
		if (outcome.code === ExitCode.usage) return outcome;
		return {
			code: rules.exitStatus || rules.failFast ? outcome.code : ExitCode.ok,
			reason: `${batches.length === 1 ? 'the batch' : `all ${batches.length} batches`} finished; ${outcome.reason}`,
		};
	}
	if (rules.exitStatus && batches.length === 0 && snapshot.lastDiscoveryAt !== undefined)
		return {code: ExitCode.ok, reason: 'no batches to watch'};
	if (rules.timeoutMs !== undefined && clock.now - clock.started >= rules.timeoutMs)
		return {
			code: ExitCode.timeout,
			reason: `timed out after ${Math.round(rules.timeoutMs / 1000)}s with ${stillRunning(snapshot)}`,
		};
	return undefined;
}

/**
 * Whether the flags give the watch an end of its own (--exit-status/--wait, --fail-fast, --timeout).
 * Without one, the full-screen monitor stays open until the user quits; a script watch of given IDs
 * still ends when they have finished.
 */
export function endsByItself(rules: WatchEndRules): boolean {
	return rules.exitStatus || rules.failFast || rules.timeoutMs !== undefined;
}

/**
 * The end when the user quits the monitor (`how`: "q", "stdin closed"). With an end of its own asked
 * for, quitting before it is an interruption (130, as Ctrl-C is in a script), so that
 * `batchtop ID --wait && next-step` never goes on after q. Without one, quitting is a normal end (0),
 * unless what stopped the watch from working would have ended a script watch by now: a credentials
 * problem or refused call (4), only unknown IDs (2), HealthOmics unusable past --stale-timeout (6).
 */
export function quitEnd(
	snapshot: PollerSnapshot,
	rules: WatchEndRules,
	clock: WatchClock,
	where: string,
	how: string,
): WatchEnd {
	if (endsByItself(rules))
		return (
			watchEnd(snapshot, rules, clock, where) ?? {
				code: ExitCode.sigint,
				reason: `interrupted (${how}) with ${stillRunning(snapshot)}`,
			}
		);
	return (
		refusal(snapshot, where) ??
		outageEnd(snapshot, rules, clock, where) ?? {code: ExitCode.ok, reason: how === 'q' ? 'quit' : how}
	);
}

const SIGNAL_REASONS: Record<ExitSignal, string> = {
	SIGHUP: 'hung up',
	SIGINT: 'interrupted',
	SIGQUIT: 'quit (SIGQUIT)',
	SIGTERM: 'terminated',
};

/** The end a signal brings (Ctrl-C in the monitor counts as SIGINT): 128 + its number. */
export function signalEnd(signal: ExitSignal): WatchEnd {
	return {code: SIGNAL_EXIT_CODES[signal], reason: SIGNAL_REASONS[signal]};
}

/** Nothing can be watched with these credentials or IDs: the service said no to all of it. */
function refusal(snapshot: PollerSnapshot, where: string): WatchEnd | undefined {
	if (snapshot.credentialsError)
		return {code: ExitCode.credentials, reason: snapshot.credentialsError.message};
	const batches = snapshot.batches;
	const unreadable = batches.length > 0 && batches.every((batch) => !batch.view && batch.lastError);
	if (unreadable && batches.every((batch) => batch.lastError?.kind === 'access-denied'))
		return {
			code: ExitCode.credentials,
			reason: `access denied: these credentials may not call omics:GetBatch in ${where}`,
		};
	if (unreadable && batches.every((batch) => batch.lastError?.kind === 'not-found'))
		return {
			code: ExitCode.usage,
			reason: `no such batch in ${where}: ${batches.map((batch) => batch.id).join(', ')}; check the IDs and the region`,
		};
	// Watching all active batches: a refused ListBatch is as fatal as a refused GetBatch.
	if (
		batches.length === 0 &&
		snapshot.discoveryError?.kind === 'access-denied' &&
		snapshot.lastDiscoveryAt === undefined
	)
		return {
			code: ExitCode.credentials,
			reason: `access denied: these credentials may not call omics:ListBatch in ${where}`,
		};
	return undefined;
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

/**
 * HealthOmics unusable for too long. Each batch (and the listing) has its own stale clock: one hung
 * batch ends a watch even while the others answer, or --wait would wait for it forever.
 */
function outageEnd(
	snapshot: PollerSnapshot,
	rules: WatchEndRules,
	{started, now}: WatchClock,
	where: string,
): WatchEnd | undefined {
	// A loop, not Math.max(...batches): that throws past ~125,000 batches.
	let lastGood = snapshot.lastDiscoveryAt ?? 0;
	for (const batch of snapshot.batches) lastGood = Math.max(lastGood, batch.lastUpdated ?? 0);
	const outages: Outage[] = [];
	for (const batch of snapshot.batches)
		if (batch.lastError && isOutage(batch.lastError.kind))
			outages.push({what: `batch ${batch.id}`, since: batch.lastUpdated ?? started, error: batch.lastError});
	if (snapshot.discoveryError && isOutage(snapshot.discoveryError.kind))
		outages.push({
			what: 'the batch listing',
			since: snapshot.lastDiscoveryAt ?? started,
			error: snapshot.discoveryError,
		});
	// Time spent paused asked nothing of the service, so it proves nothing about it.
	const pauses = snapshot.pauses ?? [];
	const watched = (since: number): number => now - since - pausedWithin(pauses, since, now);
	const [first] = outages;
	if (first && lastGood === 0 && watched(started) > Math.min(FIRST_CONTACT_MS, rules.staleTimeoutMs))
		return {code: ExitCode.unreachable, reason: outageReason(first, where)};
	const stale = outages.find((outage) => watched(outage.since) > rules.staleTimeoutMs);
	if (stale)
		return {
			code: ExitCode.unreachable,
			reason: `${stale.what}: no usable answer for more than ${Math.round(rules.staleTimeoutMs / 1000)}s (${stale.error.message})`,
		};
	return undefined;
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

/** "N batches still running": a batch seen in a terminal status is not, even before its confirming poll. */
function stillRunning(snapshot: PollerSnapshot): string {
	const running = snapshot.batches.filter(
		(batch) => !batch.done && batch.view?.statusClass !== 'terminal',
	).length;
	return `${running} batch${running === 1 ? '' : 'es'} still running`;
}
