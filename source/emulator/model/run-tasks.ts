import {runFailure, runTimeline, KEEP, type TimelineContext, type TimelineEntry} from './run-timeline.js';
import {mix32, unitHash} from './seeded-random.js';
import {Run} from './statuses.js';
import {DEFAULT_TASK_CATALOG, instanceTypeFor, type TaskCatalog, type TaskTemplate} from './task-catalog.js';
import {fittingFailure, type FailureText} from './failure-catalog.js';
import type {BatchRecord} from './account.js';

// A run's tasks, computed on demand from (record, index, catalogue): nothing is stored per task.
// The engine creates every task when the run starts RUNNING and runs them one after the other,
// sharing out the run's natural running time by weight. A run that fails does so in one task (the
// one its message names, else one picked by a draw), which ends when the run does; tasks after it
// never start and are cancelled. A CancelRun stops the task running when it lands. A run whose input is
// missing fails in its first task, the one that reads it.

export type TaskStatusName =
	'PENDING' | 'STARTING' | 'RUNNING' | 'STOPPING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

/** One task's whole planned life, independent of the current time. */
export interface TaskPlan {
	readonly ordinal: number;
	readonly taskId: string;
	readonly template: Required<Omit<TaskTemplate, 'weight' | 'image'>> & {readonly image: string};
	readonly createdAt: number;
	/** STARTING from `queuedUntil`, RUNNING from `startAt` (undefined: it never gets that far). */
	readonly queuedUntil?: number;
	readonly startAt?: number;
	/** When a CancelRun reached a running task (it is STOPPING until stopAt). */
	readonly stoppingAt?: number;
	readonly stopAt: number;
	readonly outcome: 'COMPLETED' | 'FAILED' | 'CANCELLED';
	readonly failure?: FailureText;
}

/** A task as seen at one moment. */
export interface TaskView {
	readonly plan: TaskPlan;
	readonly status: TaskStatusName;
	readonly startTime?: number;
	readonly stopTime?: number;
}

const STARTUP_MS = 30_000;
const TERMINAL_RUN: ReadonlySet<number> = new Set([Run.COMPLETED, Run.FAILED, Run.CANCELLED, Run.DELETED]);
const TASK_NAMED = /^Task '([^']+)'/;

/** The first task id of a run: seven digits, from the batch seed and the run's index. */
function taskIdBase(context: TimelineContext, index: number): number {
	return 1_000_000 + (mix32(context.seed, index, 0x7a5c) % 8_000_000);
}

function withoutInterventions(context: TimelineContext): TimelineContext {
	const {cancelAt: _c, cancelSpreadMs: _cs, deleteAt: _d, deleteSpreadMs: _ds, ...rest} = context;
	return rest;
}

function withoutDelete(context: TimelineContext): TimelineContext {
	const {deleteAt: _d, deleteSpreadMs: _ds, ...rest} = context;
	return rest;
}

const isEnd = (entry: TimelineEntry): boolean =>
	entry.run === Run.COMPLETED || entry.run === Run.FAILED || entry.run === Run.CANCELLED;

function resolved(template: TaskTemplate): TaskPlan['template'] {
	return {
		name: template.name,
		cpus: template.cpus,
		memory: template.memory,
		gpus: template.gpus ?? 0,
		instanceType: template.instanceType ?? instanceTypeFor(template.cpus, template.memory),
		image: template.image ?? `public.ecr.aws/biocontainers/${template.name}:latest`,
	};
}

/** Every task of run `index` with its planned life; empty for a run that never reached RUNNING. */
export function planRunTasks(
	record: BatchRecord,
	index: number,
	catalog: TaskCatalog = DEFAULT_TASK_CATALOG,
): TaskPlan[] {
	const {context} = record.sim;
	const natural = runTimeline(withoutInterventions(context), index);
	const actual = runTimeline(withoutDelete(context), index);
	const running = actual.find((entry) => entry.run === Run.RUNNING);
	const naturalEnd = natural.find(isEnd);
	if (!running || !naturalEnd) return [];

	const fails = naturalEnd.run === Run.FAILED;
	const failure = fails ? runFailure(context, index) : undefined;
	let templates: readonly TaskTemplate[] = catalog;
	let failedOrdinal = -1;
	if (failure) {
		const named = TASK_NAMED.exec(failure.message)?.[1];
		failedOrdinal = named === undefined ? -1 : templates.findIndex((task) => task.name === named);
		if (named !== undefined && failedOrdinal === -1) {
			// A scenario's own catalogue without the task the message names: it still fails there.
			const known = DEFAULT_TASK_CATALOG.find((task) => task.name === named);
			templates = [...templates, known ?? {name: named, cpus: 4, memory: 16}];
			failedOrdinal = templates.length - 1;
		}
		if (failedOrdinal === -1 && failure.reason === 'INPUT_NOT_FOUND') failedOrdinal = 0;
		if (failedOrdinal === -1)
			failedOrdinal = Math.floor(unitHash(context.seed, index, 0x7a5d) * templates.length);
	}

	const lived = fails ? templates.slice(0, failedOrdinal + 1) : templates;
	const totalWeight = lived.reduce((sum, task) => sum + (task.weight ?? 1), 0);
	const span = naturalEnd.time - running.time;
	const cancel = cancelOf(actual);
	const base = taskIdBase(context, index);

	let cumulative = 0;
	return templates.map((template, ordinal): TaskPlan => {
		const common = {
			ordinal,
			taskId: String(base + ordinal),
			template: resolved(template),
			createdAt: running.time,
		};
		if (ordinal >= lived.length) {
			// Never started: cancelled when the run failed.
			return {...common, stopAt: naturalEnd.time, outcome: 'CANCELLED'};
		}
		const slotStart = running.time + (span * cumulative) / totalWeight;
		cumulative += template.weight ?? 1;
		const slotEnd =
			ordinal === lived.length - 1 ? naturalEnd.time : running.time + (span * cumulative) / totalWeight;
		const startAt = slotStart + Math.min(STARTUP_MS, (slotEnd - slotStart) * 0.1);
		const failed = ordinal === failedOrdinal;
		const plan: TaskPlan = {
			...common,
			queuedUntil: slotStart,
			startAt,
			stopAt: slotEnd,
			outcome: failed ? 'FAILED' : 'COMPLETED',
			...(failed && failure ? {failure: fittingFailure(failure, storageOf(record))} : {}),
		};
		if (!cancel || slotEnd <= cancel.landsAt) return plan;
		// The CancelRun landed before this task ended: a running task stops, a later one never starts.
		if (slotStart > cancel.landsAt) return {...common, stopAt: cancel.stoppedAt, outcome: 'CANCELLED'};
		return {
			...common,
			queuedUntil: slotStart,
			...(startAt <= cancel.landsAt ? {startAt} : {}),
			stoppingAt: cancel.landsAt,
			stopAt: cancel.stoppedAt,
			outcome: 'CANCELLED',
		};
	});
}

/** The run's storage as GetRun shows it (the batch's defaultRunSetting). */
function storageOf(record: BatchRecord): {storageType: string; storageCapacity: number} {
	const setting = record.defaultRunSetting;
	return {
		storageType: typeof setting['storageType'] === 'string' ? setting['storageType'] : 'DYNAMIC',
		storageCapacity: typeof setting['storageCapacity'] === 'number' ? setting['storageCapacity'] : 1200,
	};
}

/**
 * Failure code and status message of run `index`, which ended FAILED, as GetRun, its failed task and its
 * logs all state it: the drawn one, fitted to the run's storage.
 */
export function runFailureText(record: BatchRecord, index: number): FailureText {
	return fittingFailure(runFailure(record.sim.context, index), storageOf(record));
}

/** The run's timeline as GetRun lives it (deletion aside: a deleted run keeps its logs). */
export function runLife(record: BatchRecord, index: number): TimelineEntry[] {
	return runTimeline(withoutDelete(record.sim.context), index);
}

/** When a successful CancelRun reached a running run, and when the run became CANCELLED. */
function cancelOf(actual: readonly TimelineEntry[]): {landsAt: number; stoppedAt: number} | undefined {
	const end = actual.find(isEnd);
	if (end?.run !== Run.CANCELLED) return undefined;
	const stopping = actual.find((entry) => entry.run === Run.STOPPING);
	return {landsAt: stopping?.time ?? end.time, stoppedAt: end.time};
}

/**
 * The moment tasks are shown at: now, held just before the run's end until the simulation has applied
 * it (and past every task's end once it has), so task states never run ahead of or behind GetRun's.
 */
export function taskClock(record: BatchRecord, index: number, now: number): number {
	const code = record.sim.runCodes[index] as number;
	if (TERMINAL_RUN.has(code)) return Number.POSITIVE_INFINITY;
	const end = runTimeline(withoutDelete(record.sim.context), index).find(
		(entry) => entry.run !== KEEP && isEnd(entry),
	);
	return end ? Math.min(now, end.time - 1) : now;
}

/** A planned task's state at time `at` (undefined: not created yet). */
export function taskAt(plan: TaskPlan, at: number): TaskView | undefined {
	if (at < plan.createdAt) return undefined;
	if (at >= plan.stopAt) {
		return {
			plan,
			status: plan.outcome,
			...(plan.startAt === undefined ? {} : {startTime: plan.startAt}),
			stopTime: plan.stopAt,
		};
	}
	if (plan.stoppingAt !== undefined && at >= plan.stoppingAt) {
		return {plan, status: 'STOPPING', ...(plan.startAt === undefined ? {} : {startTime: plan.startAt})};
	}
	if (plan.queuedUntil === undefined || at < plan.queuedUntil) return {plan, status: 'PENDING'};
	if (plan.startAt === undefined || at < plan.startAt) return {plan, status: 'STARTING'};
	return {plan, status: 'RUNNING', startTime: plan.startAt};
}

/** The tasks of run `index` that exist at `now`, in creation order. */
export function runTasksAt(
	record: BatchRecord,
	index: number,
	now: number,
	catalog?: TaskCatalog,
): TaskView[] {
	const at = taskClock(record, index, now);
	const views: TaskView[] = [];
	for (const plan of planRunTasks(record, index, catalog)) {
		const view = taskAt(plan, at);
		if (view) views.push(view);
	}
	return views;
}
