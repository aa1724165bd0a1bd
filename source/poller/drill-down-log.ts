import type {LogLine} from '../domain/run-detail.js';
import type {ErrorInfo} from './poller-state.js';
import type {LogView} from './drill-down-state.js';

/** Lines of one log a run view keeps at most; older ones are for `aws logs get-log-events`. */
export const MAX_LOG_LINES = 10_000;

/** One log stream of a run view as loaded so far (mutable; views of it are built on change). */
export interface LogState {
	readonly streamArn: string;
	lines: readonly LogLine[];
	/** GetLogEvents' nextBackwardToken of the oldest page read. */
	olderToken?: string | undefined;
	/** The tail (newest page) has been read. */
	started: boolean;
	complete: boolean;
	/** The signal of the call in flight: loading while it is not aborted (a closed view is not loading). */
	busy?: AbortSignal | undefined;
	error?: ErrorInfo | undefined;
}

/** A log not read yet. */
export function newLog(streamArn: string): LogState {
	return {streamArn, lines: [], started: false, complete: false};
}

/** Whether a call on this log is in flight for a view still open. */
export function logBusy(log: LogState): boolean {
	return log.busy !== undefined && !log.busy.aborted;
}

/** The log as the UI reads it. */
export function logView(log: LogState): LogView {
	return Object.freeze({
		streamArn: log.streamArn,
		lines: log.lines,
		loading: logBusy(log),
		complete: log.complete,
		...(!log.complete && log.lines.length >= MAX_LOG_LINES ? {capped: true} : {}),
		...(log.error ? {error: log.error} : {}),
	});
}

const sameLine = (a: LogLine | undefined, b: LogLine | undefined): boolean =>
	a !== undefined &&
	b !== undefined &&
	a.message === b.message &&
	a.timestamp?.getTime() === b.timestamp?.getTime();

/**
 * An older page put before the lines already read. GetLogEvents' backward pages can hand back the
 * boundary event again: the longest run of lines that ends `older` and starts `lines` is kept once.
 */
export function prependOlder(older: readonly LogLine[], lines: readonly LogLine[]): LogLine[] {
	let overlap = 0;
	for (let k = Math.min(older.length, lines.length); k > 0; k--) {
		let same = true;
		for (let i = 0; i < k && same; i++) same = sameLine(older[older.length - k + i], lines[i]);
		if (same) {
			overlap = k;
			break;
		}
	}
	const merged = older.slice(0, older.length - overlap);
	for (const line of lines) merged.push(line);
	return merged;
}
