import {runId} from '../model/batch-views.js';
import {runStreams, streamLines, type LogLine, type StreamKind} from '../model/run-logs.js';
import {Run} from '../model/statuses.js';
import {planRunTasks, type TaskPlan} from '../model/run-tasks.js';
import type {BatchRecord} from '../model/account.js';
import type {LogsContext} from './log-request.js';

// The workflow log group's streams, generated from the runs (model/run-logs.ts). Streams are ordered by
// run id, then engine, run, tasks by id: the name order while run ids have the same number of digits.

/** One stream of one run, with what its lines are computed from. */
export interface StreamRef {
	readonly record: BatchRecord;
	readonly index: number;
	readonly runId: number;
	readonly ordinal: number;
	readonly kind: StreamKind;
	readonly name: string;
	/** The run's task plans, computed once for all its streams. */
	readonly plans: TaskPlan[];
}

const STREAM_NAME = /^run\/([0-9]{1,18})\/(engine|run|task\/([0-9]{1,18}))$/;

/** A stream's name in the group: run/ID/engine, run/ID/run or run/ID/task/TID. */
export const streamName = (ref: {runId: number; kind: StreamKind}): string =>
	ref.kind.kind === 'task' ? `run/${ref.runId}/task/${ref.kind.taskId}` : `run/${ref.runId}/${ref.kind.kind}`;

/** The stream a name denotes, if it exists now. */
export function findStream(name: string, context: LogsContext, now: number): StreamRef | undefined {
	const match = STREAM_NAME.exec(name);
	if (!match) return undefined;
	const found = context.account.findRun(match[1] ?? '');
	if (!found) return undefined;
	return runStreamRefs(found.record, found.index, context, now).find((ref) => ref.name === name);
}

/** Every stream run `index` has at `now`, in stream order. */
export function runStreamRefs(
	record: BatchRecord,
	index: number,
	context: LogsContext,
	now: number,
): StreamRef[] {
	const id = Number(runId(record, index));
	const plans = planRunTasks(record, index, context.taskCatalog);
	return runStreams(record, index, now, context.taskCatalog, plans).map((kind, ordinal) => {
		const ref = {record, index, runId: id, ordinal, kind, plans};
		return {...ref, name: streamName(ref)};
	});
}

/** Existing streams whose names start with `prefix`, in stream order, from a (runId, ordinal) cursor on. */
export function* streamsFrom(
	context: LogsContext,
	now: number,
	prefix: string,
	cursor: readonly [number, number] = [0, 0],
): Generator<StreamRef> {
	const exact = /^run\/([0-9]{1,18})\//.exec(prefix);
	if (exact) {
		// The prefix names one run: no need to walk the account.
		const found = context.account.findRun(exact[1] ?? '');
		if (!found) return;
		for (const ref of runStreamRefs(found.record, found.index, context, now))
			if (ref.name.startsWith(prefix) && !before(ref, cursor)) yield ref;
		return;
	}
	if (!prefix.startsWith('run/') && !'run/'.startsWith(prefix)) return;
	for (const record of context.account.all()) {
		if (record.runIdBase + record.sim.totalRuns <= cursor[0]) continue;
		record.sim.advanceTo(now);
		for (let index = Math.max(0, cursor[0] - record.runIdBase); index < record.sim.totalRuns; index += 1) {
			if (record.sim.runCodes[index] === Run.NONE) continue;
			if (!runId(record, index).startsWith(prefix.slice(4, 4 + runId(record, index).length))) continue;
			for (const ref of runStreamRefs(record, index, context, now))
				if (ref.name.startsWith(prefix) && !before(ref, cursor)) yield ref;
		}
	}
}

/** Whether a stream comes before a (runId, ordinal) cursor. */
export const before = (ref: StreamRef, cursor: readonly [number, number]): boolean =>
	ref.runId < cursor[0] || (ref.runId === cursor[0] && ref.ordinal < cursor[1]);

/** The stream's lines that exist at `now`. */
export function linesOf(ref: StreamRef, context: LogsContext, now: number): LogLine[] {
	return streamLines(ref.record, ref.index, ref.kind, now, context.taskCatalog, ref.plans);
}

/** CloudWatch Logs takes a little while to ingest an event. */
export const ingestion = (line: LogLine): number => line.timestamp + 150;
