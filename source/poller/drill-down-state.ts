// The drill-down's data as the UI reads it (agreed with the UI side): failure entries, facts looked up
// for the entries on screen, and one run's view. Every string here has been sanitised.
import type {FailedTask, LogLine, RunDetail} from '../domain/run-detail.js';
import type {ErrorInfo} from './poller-state.js';

/** One failed entry of a failure group, as the loader read it (every string sanitised). */
export interface FailureEntry {
	readonly kind: 'submission' | 'run';
	/** Submissions always have it; runs have it once looked up (entryFacts) — absent here. */
	readonly runSettingId?: string;
	/** Runs only. */
	readonly runId?: string;
	readonly reason: string;
	readonly message: string;
}

/** A window of one group's entries, in load order, and how many the group has loaded so far. */
export interface FailureEntryWindow {
	readonly entries: readonly FailureEntry[];
	/** Entries of this group loaded so far (grows while the loader runs). */
	readonly loaded: number;
}

/** What a lazy lookup found about one failed run for the entry list: its runSettingId and failed task. */
export interface RunEntryFacts {
	readonly loading: boolean;
	readonly runSettingId?: string;
	/** The failed task's name (first FAILED task of ListRunTasks), or undefined when none failed/not yet known. */
	readonly failedTask?: string;
	readonly error?: ErrorInfo;
}

/** A log stream's newest lines as loaded so far, oldest first. */
export interface LogView {
	readonly streamArn: string;
	readonly lines: readonly LogLine[];
	readonly loading: boolean;
	/** No older lines can be read (the stream's start was reached). */
	readonly complete: boolean;
	/** Older lines exist, but the view keeps no more than it holds (MAX_LOG_LINES): they are for `aws logs`. */
	readonly capped?: boolean;
	readonly error?: ErrorInfo;
}

/** A failed task with its log. */
export interface FailedTaskView {
	readonly task: FailedTask;
	readonly log?: LogView;
}

/** Everything the run view shows about one run, as loaded so far. */
export interface RunView {
	readonly runId: string;
	readonly batchId: string;
	readonly loading: boolean;
	readonly run?: RunDetail;
	readonly runSettingId?: string;
	/** undefined until ListRunTasks(status=FAILED) answered. */
	readonly tasks?: readonly FailedTaskView[];
	readonly engineLog?: LogView;
	/** The first error of the run's own parts (GetRun, ListRunsInBatch, ListRunTasks, GetRunTask); log errors are on their LogView. */
	readonly error?: ErrorInfo;
}

/** The drill-down's data, driven by the UI. Every call goes through the poller's OperationBudgets (paused with it). */
export interface DrillDownHandle {
	/** Called after any change below (a version bump). */
	subscribe(listener: () => void): () => void;
	/** Increases on every change: the UI re-reads when it moves. */
	version(): number;
	/** Entries [start, start+count) of group `groupKey` (FailureGroup.key) of `kind` for batch `batchId`; loaded ones only. */
	failureEntries(
		batchId: string,
		kind: 'submission' | 'run',
		groupKey: string,
		start: number,
		count: number,
	): FailureEntryWindow;
	/** Asks for the facts of these runs (the entries on screen); others' pending lookups are dropped. */
	wantEntryFacts(batchId: string, runIds: readonly string[]): void;
	entryFacts(runId: string): RunEntryFacts | undefined;
	/** Starts loading a run's view (GetRun, runSettingId, failed tasks + GetRunTask, log tails of each failed task and the engine log). */
	openRun(batchId: string, runId: string): void;
	/** The view closed: stop its in-flight calls (what loaded stays cached, bounded LRU). */
	closeRun(runId: string): void;
	runView(runId: string): RunView | undefined;
	/** Reads the next older page of a log of an open run (`streamArn` as in LogView); no-op when loading or complete. */
	loadOlderLines(runId: string, streamArn: string): void;
}
