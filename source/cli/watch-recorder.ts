import type {PollerEvent, PollerSnapshot} from '../poller/poller-state.js';
import type {EventLog, PreviousRun} from '../output/event-log.js';
import {eventRecord, SCHEMA_VERSION} from '../output/json-events.js';
import {changeSince, type BatchChange} from '../output/since-last-time.js';

export interface RecorderOptions {
	readonly log?: EventLog;
	readonly previous?: PreviousRun;
	readonly onFinished?: (
		event: Extract<PollerEvent, {type: 'batch-finished'}>,
		snapshot: PollerSnapshot,
	) => void;
}

/** What one notification amounts to for scripts and the log. */
export interface Recorded {
	/** NDJSON records, already appended to the log: events, then since-last-time changes. */
	readonly records: ReadonlyArray<Record<string, unknown>>;
	/** Batches seen for the first time this run that the previous run had logged. */
	readonly changes: readonly BatchChange[];
}

export type WatchRecorder = (snapshot: PollerSnapshot, events: readonly PollerEvent[]) => Recorded;

/**
 * The part of a watch shared by every output mode: events become NDJSON records in the log,
 * finished batches are announced, and each batch's change since the previous run is found once.
 */
export function createWatchRecorder({log, previous, onFinished}: RecorderOptions): WatchRecorder {
	const compared = new Set<string>();
	return (snapshot, events) => {
		const records: Array<Record<string, unknown>> = [];
		for (const event of events) {
			const record = eventRecord(event, snapshot);
			if (record) records.push(record);
			if (event.type === 'batch-finished') onFinished?.(event, snapshot);
		}
		const changes: BatchChange[] = [];
		for (const batch of previous ? snapshot.batches : []) {
			if (!previous || !batch.view || compared.has(batch.id)) continue;
			compared.add(batch.id);
			const change = changeSince(previous, batch.view);
			if (!change) continue;
			changes.push(change);
			records.push({v: SCHEMA_VERSION, time: new Date().toISOString(), type: 'since-last-time', ...change});
		}
		for (const record of records) log?.append(record);
		return {records, changes};
	};
}
