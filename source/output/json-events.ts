import {batchVerdict} from '../domain/batch-verdict.js';
import type {BatchView} from '../domain/batch-view.js';
import {BatchIndex} from '../poller/batch-index.js';
import type {BatchSnapshot, PollerEvent, PollerSnapshot} from '../poller/poller-state.js';
import type {NewFailureGroup} from './failure-follow.js';

// The NDJSON schema (documented in README.md, "NDJSON schema"). Field names are stable; new fields may
// be added, none renamed or removed without bumping `v`.
export const SCHEMA_VERSION = 1;

const iso = (ms: number): string => new Date(ms).toISOString();

/** A batch's state in API terms: what --once --json prints per line and events embed. */
export function batchRecord(view: BatchView): Record<string, unknown> {
	const {submissions: s, runs: r} = view;
	return {
		id: view.id,
		name: view.name || null,
		status: view.status,
		verdict: batchVerdict(view).kind,
		totalRuns: view.totalRuns,
		submissionSummary: {
			successfulStartSubmissionCount: s.successful,
			failedStartSubmissionCount: s.failed,
			pendingStartSubmissionCount: s.pending,
			successfulCancelSubmissionCount: s.cancelSucceeded,
			failedCancelSubmissionCount: s.cancelFailed,
			successfulDeleteSubmissionCount: s.deleteSucceeded,
			failedDeleteSubmissionCount: s.deleteFailed,
		},
		runSummary: {
			pendingRunCount: r.pending,
			startingRunCount: r.starting,
			runningRunCount: r.running,
			stoppingRunCount: r.stopping,
			completedRunCount: r.completed,
			failedRunCount: r.failed,
			cancelledRunCount: r.cancelled,
			deletedRunCount: r.deleted,
		},
		creationTime: view.createdAt?.toISOString() ?? null,
		submittedTime: view.submittedAt?.toISOString() ?? null,
		processedTime: view.processedAt?.toISOString() ?? null,
		failedTime: view.failedAt?.toISOString() ?? null,
		failureReason: view.failureReason ?? null,
		arn: view.arn ?? null,
		anomalies: view.anomalies,
	};
}

// The snapshots' batches by id, kept from one snapshot to the next by the batches that changed: a
// poll brings events for its batches, and a linear search per event made discovering 10,000 batches
// O(N²); a map of every batch per snapshot was still O(N) per answer.
const batchesById = new BatchIndex();

const findBatch = (snapshot: PollerSnapshot, id: string): BatchSnapshot | undefined =>
	batchesById.update(snapshot.batches).get(id);

/** One NDJSON object for a poller event, or undefined for events scripts need not see. */
export function eventRecord(
	event: PollerEvent,
	snapshot: PollerSnapshot,
): Record<string, unknown> | undefined {
	const base = {v: SCHEMA_VERSION, time: iso(event.at)};
	const view = 'id' in event && event.id ? findBatch(snapshot, event.id)?.view : undefined;
	switch (event.type) {
		case 'batch-seen':
		case 'counts-changed':
			return view
				? {...base, type: event.type === 'batch-seen' ? 'seen' : 'progress', batch: batchRecord(view)}
				: undefined;
		case 'status-changed':
			return {
				...base,
				type: 'status',
				id: event.id,
				name: view?.name || null,
				from: event.from,
				to: event.to,
				...(view ? {batch: batchRecord(view)} : {}),
			};
		case 'failure-appeared':
			return {
				...base,
				type: 'failures',
				id: event.id,
				name: view?.name || null,
				newRunFailures: event.runs,
				newSubmissionFailures: event.submissions,
				failedRunCount: view?.runs.failed ?? null,
				failedStartSubmissionCount: view?.submissions.failed ?? null,
			};
		case 'batch-finished':
			return {
				...base,
				type: 'finished',
				id: event.id,
				name: view?.name || null,
				status: event.status,
				verdict: event.verdict.kind,
				...(view ? {batch: batchRecord(view)} : {}),
			};
		case 'batch-discovered':
			return {...base, type: 'discovered', id: event.id};
		case 'anomaly':
			return {...base, type: 'anomaly', id: event.id, name: view?.name || null, anomalies: event.anomalies};
		case 'error':
			return {
				...base,
				type: 'error',
				id: event.id ?? null,
				kind: event.error.kind,
				message: event.error.message,
				requestId: event.error.requestId ?? null,
			};
		case 'recovered':
			return {...base, type: 'recovered', id: event.id ?? null};
		case 'credentials-problem':
			return {
				...base,
				type: 'error',
				id: null,
				kind: event.error.kind,
				message: event.error.message,
				requestId: event.error.requestId ?? null,
			};
		case 'failure-group':
			// Scripts get `failure-group` records from the script watch (output/failure-follow.ts), which reads
			// and caps them for the log; the poller's event feeds the TUI's timeline.
			return undefined;
	}
}

/** The final NDJSON object: every batch's last state, the exit code and why the watch ended. */
export function summaryRecord(
	snapshot: PollerSnapshot,
	exitCode: number,
	reason: string,
	at: number,
): Record<string, unknown> {
	return {
		v: SCHEMA_VERSION,
		time: iso(at),
		type: 'summary',
		exitCode,
		reason,
		batches: snapshot.batches.map((batch) =>
			batch.view
				? batchRecord(batch.view)
				: {
						id: batch.id,
						status: null,
						verdict: 'unknown',
						error: batch.lastError ? {kind: batch.lastError.kind, message: batch.lastError.message} : null,
					},
		),
	};
}

/**
 * The NDJSON object for a failure group seen for the first time in a script watch: what the monitor's
 * detail pane shows for it (reason, message, count and example ids); undefined for the note that a
 * batch has more new groups than are logged (plain output says it; the JSON schema documents the cap).
 */
export function failureGroupRecord(
	found: NewFailureGroup,
	snapshot: PollerSnapshot,
	at: number,
): Record<string, unknown> | undefined {
	if ('overflow' in found) return undefined;
	const view = findBatch(snapshot, found.id)?.view;
	return {
		v: SCHEMA_VERSION,
		time: iso(at),
		type: 'failure-group',
		id: found.id,
		name: view?.name || null,
		kind: found.kind,
		reason: found.group.reason,
		message: found.group.message,
		count: found.group.count,
		examples: [...found.group.examples],
		loaded: found.loaded,
		failed: found.failed,
	};
}
