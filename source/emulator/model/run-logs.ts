import {unitHash} from './seeded-random.js';
import {Run, RUN_STATUS_NAMES} from './statuses.js';
import {planRunTasks, runFailureText, runLife, taskClock, type TaskPlan} from './run-tasks.js';
import {runId, runName} from './batch-views.js';
import {toolLineCount, toolLines} from './tool-output.js';
import type {TaskCatalog} from './task-catalog.js';
import type {BatchRecord} from './account.js';

// The log lines of a run's streams, generated on demand and deterministically from the run and its
// tasks: the run log (status changes of the run and its tasks), the engine log (a Nextflow-like
// narration of task submissions and ends) and one log per task (the tool's own output; a failed task's
// ends with the error its failureReason summarises). Only lines up to the current moment exist.

export interface LogLine {
	readonly timestamp: number;
	readonly message: string;
}

/** Which stream of which run; `task` for task streams. */
export type StreamKind = {kind: 'run'} | {kind: 'engine'} | {kind: 'task'; taskId: string};

const stamp = (ms: number): string => new Date(Math.floor(ms)).toISOString();
const short = (plan: TaskPlan): string => {
	const hex = Math.floor(unitHash(Number(plan.taskId), 0x10c) * 0xffffff)
		.toString(16)
		.padStart(6, '0');
	return `${hex.slice(0, 2)}/${hex.slice(2)}`;
};

/** Every line a stream will ever hold, in time order (the caller cuts at the current moment). */
function plannedLines(record: BatchRecord, index: number, stream: StreamKind, plans: TaskPlan[]): LogLine[] {
	const id = runId(record, index);
	const life = runLife(record, index);
	const end = life.find(
		(entry) => entry.run === Run.COMPLETED || entry.run === Run.FAILED || entry.run === Run.CANCELLED,
	);
	const failure = end?.run === Run.FAILED ? runFailureText(record, index) : undefined;
	const lines: LogLine[] = [];
	const add = (timestamp: number, message: string): void => {
		lines.push({timestamp: Math.floor(timestamp), message});
	};

	if (stream.kind === 'run') {
		for (const entry of life) {
			const status = RUN_STATUS_NAMES[entry.run];
			if (!status) continue;
			if (entry.run === Run.FAILED && failure)
				add(entry.time, `Run ${id} status FAILED: ${failure.reason}: ${failure.message}`);
			else add(entry.time, `Run ${id} (${runName(record, index)}) status ${status}`);
		}
		for (const plan of plans) {
			const name = `Task ${plan.template.name} (${plan.taskId})`;
			add(plan.createdAt, `${name} status PENDING on ${plan.template.instanceType}`);
			if (plan.queuedUntil !== undefined) add(plan.queuedUntil, `${name} status STARTING`);
			if (plan.startAt !== undefined) add(plan.startAt, `${name} status RUNNING`);
			if (plan.stoppingAt !== undefined) add(plan.stoppingAt, `${name} status STOPPING`);
			add(plan.stopAt, `${name} status ${plan.outcome}${plan.failure ? `: ${plan.failure.reason}` : ''}`);
		}
	} else if (stream.kind === 'engine') {
		const startedAt = plans[0]?.createdAt;
		if (startedAt === undefined) return [];
		add(startedAt, 'N E X T F L O W  ~  version 23.10.1');
		add(startedAt + 1, `Launching \`main.nf\` [run-${id}] DSL2 - revision: ${record.workflowId}`);
		add(startedAt + 2, `executor >  awsomics (${plans.length})`);
		for (const plan of plans) {
			if (plan.queuedUntil !== undefined)
				add(
					Math.max(plan.queuedUntil, startedAt + 3),
					`[${short(plan)}] Submitted process > ${plan.template.name} (${plan.taskId})`,
				);
			if (plan.outcome === 'COMPLETED')
				add(
					plan.stopAt,
					`[${short(plan)}] Completed process > ${plan.template.name} (${plan.taskId}) [${stamp(plan.stopAt)}]`,
				);
			else if (plan.outcome === 'FAILED' && plan.failure)
				add(
					plan.stopAt,
					`ERROR ~ Error executing process > '${plan.template.name} (${plan.taskId})' - ${plan.failure.message}`,
				);
			else if (plan.queuedUntil !== undefined)
				add(plan.stopAt, `[${short(plan)}] Aborted process > ${plan.template.name} (${plan.taskId})`);
		}
		if (end?.run === Run.COMPLETED)
			add(end.time, `Completed at: ${stamp(end.time)}  Succeeded: ${plans.length}`);
		if (end?.run === Run.CANCELLED)
			add(end.time, 'Execution cancelled -- Finishing pending tasks before exit');
		if (end?.run === Run.FAILED) add(end.time, `Execution halted: ${failure?.reason ?? 'FAILED'}`);
	} else {
		const plan = plans.find((candidate) => candidate.taskId === stream.taskId);
		if (!plan || plan.startAt === undefined) return [];
		const stopsAt = plan.stoppingAt ?? plan.stopAt;
		const output = toolLines(plan, Number(plan.taskId) ^ record.sim.context.seed);
		// A task that does not finish never prints the tool's closing line.
		const body = plan.outcome === 'COMPLETED' ? output : output.slice(0, -1);
		body.forEach((message, line) =>
			add((plan.startAt as number) + ((stopsAt - (plan.startAt as number)) * line) / body.length, message),
		);
		if (plan.stoppingAt !== undefined)
			add(plan.stoppingAt, 'Received SIGTERM: the run was cancelled; stopping');
		if (plan.outcome === 'FAILED' && plan.failure) {
			const exit = /exited with status (\d+): (.*)$/.exec(plan.failure.message);
			if (exit) add(plan.stopAt, `${exit[2] ?? ''} (exit status ${exit[1] ?? ''})`);
			else add(plan.stopAt, `ERROR: ${plan.failure.message}`);
		}
	}
	return lines.sort((a, b) => a.timestamp - b.timestamp);
}

/** The last moment whose lines exist at `now` (tasks are shown on the run's own clock). */
export function streamCut(record: BatchRecord, index: number, now: number): number {
	return Math.min(taskClock(record, index, now), now);
}

/** The lines of one stream of run `index` that exist at `now` (empty: the stream does not exist yet). */
export function streamLines(
	record: BatchRecord,
	index: number,
	stream: StreamKind,
	now: number,
	catalog?: TaskCatalog,
	plans: TaskPlan[] = planRunTasks(record, index, catalog),
): LogLine[] {
	const cut = streamCut(record, index, now);
	return plannedLines(record, index, stream, plans).filter((line) => line.timestamp <= cut);
}

/** A stream's first and last event times at a moment: what its lines give, without making them. */
export interface StreamExtent {
	readonly first: number;
	readonly last: number;
}

/**
 * The first and last timestamps of streamLines(record, index, stream, now) (undefined: no lines), from
 * the same schedule plannedLines follows, so ordering streams by last event costs no text. `cut` is
 * streamCut(record, index, now), for a caller that has it already.
 */
export function streamExtent(
	record: BatchRecord,
	index: number,
	stream: StreamKind,
	now: number,
	catalog?: TaskCatalog,
	plans: TaskPlan[] = planRunTasks(record, index, catalog),
	cut: number = streamCut(record, index, now),
): StreamExtent | undefined {
	let first = Number.POSITIVE_INFINITY;
	let last = Number.NEGATIVE_INFINITY;
	const see = (time: number): void => {
		const at = Math.floor(time);
		if (at > cut) return;
		if (at < first) first = at;
		if (at > last) last = at;
	};

	if (stream.kind === 'run') {
		for (const entry of runLife(record, index)) if (RUN_STATUS_NAMES[entry.run]) see(entry.time);
		for (const plan of plans) {
			see(plan.createdAt);
			if (plan.queuedUntil !== undefined) see(plan.queuedUntil);
			if (plan.startAt !== undefined) see(plan.startAt);
			if (plan.stoppingAt !== undefined) see(plan.stoppingAt);
			see(plan.stopAt);
		}
	} else if (stream.kind === 'engine') {
		const startedAt = plans[0]?.createdAt;
		if (startedAt === undefined) return undefined;
		see(startedAt);
		see(startedAt + 1);
		see(startedAt + 2);
		for (const plan of plans) {
			if (plan.queuedUntil !== undefined) see(Math.max(plan.queuedUntil, startedAt + 3));
			if (plan.outcome === 'COMPLETED' || (plan.outcome === 'FAILED' && plan.failure)) see(plan.stopAt);
			else if (plan.queuedUntil !== undefined) see(plan.stopAt);
		}
		const end = runLife(record, index).find(
			(entry) => entry.run === Run.COMPLETED || entry.run === Run.FAILED || entry.run === Run.CANCELLED,
		);
		if (end) see(end.time);
	} else {
		const plan = plans.find((candidate) => candidate.taskId === stream.taskId);
		if (!plan || plan.startAt === undefined) return undefined;
		const startAt = plan.startAt;
		const stopsAt = plan.stoppingAt ?? plan.stopAt;
		const total = toolLineCount(plan, Number(plan.taskId) ^ record.sim.context.seed);
		const body = plan.outcome === 'COMPLETED' ? total : total - 1;
		const lineAt = (line: number): number => startAt + ((stopsAt - startAt) * line) / body;
		if (body > 0) {
			// The tool's lines are spread evenly from start to stop: the last one printed by `cut` is found
			// by bisection rather than by making them all.
			see(lineAt(0));
			let low = 0;
			let high = body - 1;
			while (low < high) {
				const middle = Math.ceil((low + high) / 2);
				if (Math.floor(lineAt(middle)) <= cut) low = middle;
				else high = middle - 1;
			}
			see(lineAt(low));
			see(lineAt(body - 1));
		}
		if (plan.stoppingAt !== undefined) see(plan.stoppingAt);
		if (plan.outcome === 'FAILED' && plan.failure) see(plan.stopAt);
	}
	return first === Number.POSITIVE_INFINITY ? undefined : {first, last};
}

/** The streams of run `index` that exist at `now`, in stream-name order: engine, run, then tasks by id. */
export function runStreams(
	record: BatchRecord,
	index: number,
	now: number,
	catalog?: TaskCatalog,
	plans: TaskPlan[] = planRunTasks(record, index, catalog),
	cut: number = streamCut(record, index, now),
): StreamKind[] {
	const engine: StreamKind[] = plans[0] !== undefined && plans[0].createdAt <= cut ? [{kind: 'engine'}] : [];
	const tasks = plans.filter((plan) => plan.startAt !== undefined && plan.startAt <= cut);
	return [
		...engine,
		{kind: 'run'},
		...tasks.map((plan): StreamKind => ({kind: 'task', taskId: plan.taskId})),
	];
}
