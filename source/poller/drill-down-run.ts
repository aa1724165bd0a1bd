import type {FailedTask, RunDetail} from '../domain/run-detail.js';
import type {ErrorInfo} from './poller-state.js';
import type {RunView} from './drill-down-state.js';
import {logView, type LogState} from './drill-down-log.js';

/** Run views kept (LRU); an open one is never dropped. */
export const MAX_RUN_VIEWS = 50;

/** Failed tasks a run view reads (ListRunTasks' first page, then GetRunTask and a log tail each). */
export const MAX_FAILED_TASKS = 10;

/** One failed task of a run view as loaded so far. */
export interface TaskState {
	readonly taskId: string;
	task?: FailedTask | undefined;
	error?: ErrorInfo | undefined;
	log?: LogState | undefined;
}

/** One run view's loaded parts (mutable; its RunView is built on change). */
export interface RunState {
	readonly batchId: string;
	readonly runId: string;
	run?: RunDetail | undefined;
	runError?: ErrorInfo | undefined;
	runSettingId?: string | undefined;
	settingKnown: boolean;
	settingError?: ErrorInfo | undefined;
	/** ListRunTasks(status=FAILED) answered: the first MAX_FAILED_TASKS ids. */
	taskIds?: readonly string[] | undefined;
	tasksError?: ErrorInfo | undefined;
	readonly tasks: Map<string, TaskState>;
	engineLog?: LogState | undefined;
	/** Set while the view is open: closeRun aborts it. */
	controller?: AbortController | undefined;
	/** Parts of the current opening still loading. */
	pending: number;
	view?: RunView | undefined;
}

/** A run view with nothing loaded. */
export function newRun(batchId: string, runId: string): RunState {
	return {batchId, runId, settingKnown: false, tasks: new Map(), pending: 0};
}

/** The run view as the UI reads it. */
export function runView(state: RunState): RunView {
	const tasks = state.taskIds?.flatMap((taskId) => {
		const task = state.tasks.get(taskId);
		return task?.task
			? [Object.freeze({task: task.task, ...(task.log ? {log: logView(task.log)} : {})})]
			: [];
	});
	const error =
		state.runError ??
		state.tasksError ??
		state.taskIds?.map((taskId) => state.tasks.get(taskId)?.error).find((found) => found !== undefined) ??
		state.settingError;
	return Object.freeze({
		runId: state.runId,
		batchId: state.batchId,
		loading: state.controller !== undefined && state.pending > 0,
		...(state.run ? {run: state.run} : {}),
		...(state.runSettingId ? {runSettingId: state.runSettingId} : {}),
		...(tasks ? {tasks: Object.freeze(tasks)} : {}),
		...(state.engineLog ? {engineLog: logView(state.engineLog)} : {}),
		...(error ? {error} : {}),
	});
}
