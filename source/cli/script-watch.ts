import type {BatchPoller} from '../poller/batch-poller.js';
import type {PollerSnapshot} from '../poller/poller-state.js';
import {failureGroupRecord, summaryRecord} from '../output/json-events.js';
import {PlainLog, plainSummary} from '../output/plain-lines.js';
import {FAILURES_READ_PER_KIND, FailureFollower, FINISH_GRACE_MS} from '../output/failure-follow.js';
import {allFinished} from '../output/watch-outcome.js';
import {signalEnd, watchEnd, type WatchEndRules} from '../output/watch-end.js';
import {changeLine} from '../output/since-last-time.js';
import type {WatchRecorder} from './watch-recorder.js';
import {SIGNAL_EXIT_CODES, type ExitSignal} from '../domain/exit-policy.js';
import {guardJson} from '../output/output-guard.js';
import type {WatchConfig} from './watch-config.js';

export interface ScriptWatchOptions {
	readonly poller: BatchPoller;
	readonly config: WatchConfig;
	readonly where: string;
	readonly write: (line: string) => void;
	/** Turns each notification into log records and since-last-time changes (shared with the TUI). */
	readonly recorder: WatchRecorder;
	/** The --log file, for the records only the script watch makes (new failure groups). */
	readonly log?: {append(record: Record<string, unknown>): void};
}

export interface WatchResult {
	readonly code: number;
	readonly reason: string;
	/** The final NDJSON summary record (written to stdout with --json; the caller logs it). */
	readonly summary: Record<string, unknown>;
}

/**
 * --plain / --json (and any run without a terminal): a line per change, then a summary. When failures
 * appear it reads their reasons (low priority, a page at a time, bounded: output/failure-follow.ts)
 * and logs each new failure group with its reason, message and an example id (a watch whose batches
 * have all finished waits up to FINISH_GRACE_MS for the reasons still being read). Ends when every
 * batch has finished (given IDs, or --exit-status), at the first failure with --fail-fast, at --timeout,
 * when HealthOmics stays unreachable past --stale-timeout, on a credentials problem, or on a signal.
 */
export function runScriptWatch({
	poller,
	config,
	where,
	write,
	recorder,
	log,
}: ScriptWatchOptions): Promise<WatchResult> {
	const json = config.output === 'json';
	const plain = new PlainLog({ascii: config.ascii});
	const follower = new FailureFollower();
	const rules = watchEndRules(config);
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
			for (const line of json
				? [guardJson(summary)]
				: plainSummary(snapshot, code, reason, {ascii: config.ascii}))
				write(line);
			resolve({code, reason, summary});
		};

		let finishedAt: number | undefined;
		const check = (snapshot: PollerSnapshot) => {
			const now = Date.now();
			const end = watchEnd(snapshot, rules, {started, now}, where);
			if (!end) return;
			// Every batch finished: the reasons still being read are what --wait in CI is read for.
			if (allFinished(snapshot) && follower.reading(snapshot, now)) {
				finishedAt ??= now;
				if (now - finishedAt < FINISH_GRACE_MS) return;
			}
			finish(end.code, end.reason);
		};

		const unsubscribe = poller.subscribe((snapshot, events) => {
			if (done) return;
			const recorded = recorder(snapshot, events);
			if (json) {
				for (const record of recorded.records) write(guardJson(record));
			} else {
				for (const line of plain.lines(events, snapshot)) write(line);
				for (const change of recorded.changes) write(changeLine(change));
			}
			const now = Date.now();
			for (const found of follower.newGroups(snapshot)) {
				const record = failureGroupRecord(found, snapshot, now);
				if (record) log?.append(record);
				if (!json) write(plain.groupLine(found, snapshot, now));
				else if (record) write(guardJson(record));
			}
			for (const id of follower.toLoad(snapshot, now)) poller.loadFailures(id, FAILURES_READ_PER_KIND);
			check(poller.snapshot());
		});
		const timer = setInterval(() => check(poller.snapshot()), 250);
		const signalHandlers = (Object.keys(SIGNAL_EXIT_CODES) as ExitSignal[]).map(
			(signal) =>
				[
					signal,
					() => {
						const end = signalEnd(signal);
						finish(end.code, end.reason);
					},
				] as const,
		);
		for (const [signal, handler] of signalHandlers) process.on(signal, handler);
		poller.start();
	});
}

/** The end conditions the flags ask for: the same for the script watch and the full-screen monitor. */
export function watchEndRules(config: WatchConfig): WatchEndRules {
	return {
		namedBatches: config.references.length > 0,
		exitStatus: config.exitStatus,
		failFast: config.failFast,
		...(config.timeoutMs === undefined ? {} : {timeoutMs: config.timeoutMs}),
		staleTimeoutMs: config.staleTimeoutMs,
	};
}
