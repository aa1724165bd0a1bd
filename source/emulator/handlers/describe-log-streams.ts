import {setImmediate as afterPendingIo} from 'node:timers';
import {ApiError} from '../http/api-error.js';
import {invalidParameter} from '../http/logs-protocol.js';
import {runId} from '../model/batch-views.js';
import {logStreamArn} from '../model/log-streams.js';
import {runStreams, streamCut, streamExtent, type StreamKind} from '../model/run-logs.js';
import {CATCH_UP_SLICE_MS} from '../model/account-catch-up.js';
import {Run} from '../model/statuses.js';
import {submitTime} from '../model/run-timeline.js';
import {planRunTasks, runLife} from '../model/run-tasks.js';
import type {BatchRecord} from '../model/account.js';
import {TopK} from './top-k.js';
import {
	checkGroup,
	constraint,
	optionalBoolean,
	optionalInteger,
	optionalString,
	readToken,
	type Json,
	type LogsContext,
} from './log-request.js';
import {ingestion, streamName, streamsFrom, type StreamRef} from './log-stream-refs.js';

/** DescribeLogStreams: name order pages lazily; LastEventTime order scans the account in slices. */
export function describeLogStreams(input: Json, context: LogsContext): Json | Promise<Json> {
	checkGroup(input, context);
	const prefix = optionalString(input, 'logStreamNamePrefix', 1, 512, /^[^:*]*$/);
	const orderBy = optionalString(input, 'orderBy', 1, 64);
	if (orderBy !== undefined && orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime')
		throw constraint(
			'orderBy',
			orderBy,
			'Member must satisfy enum value set: [LogStreamName, LastEventTime]',
		);
	const descending = optionalBoolean(input, 'descending') ?? false;
	const limit = optionalInteger(input, 'limit', 1, 50) ?? 50;
	const token = optionalString(input, 'nextToken', 1, 4096);
	if (orderBy === 'LastEventTime' && prefix !== undefined)
		throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
	const now = context.account.clock.now();
	const scope = `DescribeLogStreams|${prefix ?? ''}|${orderBy ?? ''}|${descending}`;
	// Times come from the line schedule, not the lines: ordering a big account costs no text.
	const describe = (ref: StreamRef): Json => {
		const extent = streamExtent(ref.record, ref.index, ref.kind, now, context.taskCatalog, ref.plans);
		const first = extent?.first ?? now;
		const last = extent?.last ?? first;
		return {
			logStreamName: ref.name,
			creationTime: first,
			firstEventTimestamp: first,
			lastEventTimestamp: last,
			lastIngestionTime: ingestion({timestamp: last, message: ''}),
			arn: logStreamArn(ref.record.arn, ref.name),
			// The service has reported 0 for a stream's storedBytes since 2019 (DescribeLogStreams reference).
			storedBytes: 0,
		};
	};

	if (orderBy !== 'LastEventTime' && !descending) {
		// Name order ascending: walk the streams lazily from the cursor, whatever the account's size.
		const [run = 0, ordinal = 0] = token === undefined ? [] : readToken(context, scope, token, 2);
		const page: StreamRef[] = [];
		let following: StreamRef | undefined;
		for (const ref of streamsFrom(context, now, prefix ?? '', [run ?? 0, ordinal ?? 0])) {
			if (page.length === limit) {
				following = ref;
				break;
			}
			page.push(ref);
		}
		return {
			logStreams: page.map(describe),
			...(following ? {nextToken: context.tokens.issue(scope, [following.runId, following.ordinal])} : {}),
		};
	}
	// Other orders need every stream at hand: a scan of the account, paged by offset.
	const [offset = 0] = token === undefined ? [] : readToken(context, scope, token, 1);
	const start = offset ?? 0;
	if (orderBy === 'LastEventTime') {
		// Only times are worked out for each stream (no lines, no names), only the streams up to the page's
		// end (and one more, to know if a page follows) are kept, and the page alone is described in full.
		return streamsByLastEvent(context, now, start + limit + 1, descending).then((kept) => ({
			logStreams: kept.slice(start, start + limit).map((item) => describe(refOf(item, context))),
			...(kept.length > start + limit ? {nextToken: context.tokens.issue(scope, [start + limit])} : {}),
		}));
	}
	const all = [...streamsFrom(context, now, prefix ?? '')].reverse();
	return {
		logStreams: all.slice(start, start + limit).map(describe),
		...(all.length > start + limit ? {nextToken: context.tokens.issue(scope, [start + limit])} : {}),
	};
}

interface Timed {
	readonly record: BatchRecord;
	readonly index: number;
	readonly runId: number;
	readonly ordinal: number;
	readonly kind: StreamKind;
	readonly last: number;
}

type Key = Pick<Timed, 'last' | 'runId' | 'ordinal'>;

/** Stream order: ties in last event keep it (a stable sort), reversed when descending (then a reversal). */
const earlier = (a: Key, b: Key): boolean =>
	a.last < b.last ||
	(a.last === b.last && (a.runId < b.runId || (a.runId === b.runId && a.ordinal < b.ordinal)));

/**
 * Bounds on the last event of every stream of a batch's run, from its submission time alone: no stream
 * has a line before the run's submission, nor after its longest possible life (a CancelRun's stop
 * included; the engine's opening lines are up to 3 ms after RUNNING). Submission times grow with the
 * run's index, so the bounds do too.
 */
function lastEventBounds(record: BatchRecord): {
	lowest: (index: number) => number;
	highest: (index: number) => number;
} {
	const {context} = record.sim;
	const longest = (range: readonly [number, number]): number => Math.max(range[0], range[1]) * 1000;
	const {durations} = context.parameters;
	const life = longest(durations.pending) + longest(durations.starting) + longest(durations.running) + 3;
	const stopped =
		context.cancelAt === undefined
			? Number.NEGATIVE_INFINITY
			: context.cancelAt + (context.cancelSpreadMs ?? 1000) + longest(durations.stopping) + 3;
	return {
		lowest: (index) => Math.floor(submitTime(context, index)),
		highest: (index) => Math.max(submitTime(context, index) + life, stopped),
	};
}

/**
 * The first `count` streams of the account by last event, ascending or descending, as sorting all of
 * them would give. Runs are visited from the end the page starts at, and the walk stops at the first run
 * whose bound shows that neither it nor any run after it can make the page. A walk of many live runs
 * (~40 µs each) gives the event loop a turn every CATCH_UP_SLICE_MS, so that no other request waits
 * behind it for long, and ends (ApiError 499) when the caller has gone. Memory: the page, and the list of
 * batches.
 */
async function streamsByLastEvent(
	context: LogsContext,
	now: number,
	count: number,
	descending: boolean,
): Promise<Timed[]> {
	const top = new TopK<Key>(count, descending ? (a, b) => earlier(b, a) : earlier);
	const probe = {last: 0, runId: 0, ordinal: 0};
	const records = [...context.account.all()];
	if (descending) records.reverse();
	let sliceStarted = performance.now();
	for (const record of records) {
		const bounds = lastEventBounds(record);
		const total = record.sim.totalRuns;
		for (let step = 0; step < total; step += 1) {
			if (performance.now() - sliceStarted >= CATCH_UP_SLICE_MS) {
				await new Promise<void>((resolve) => afterPendingIo(resolve));
				if (context.abandoned?.()) throw new ApiError(499, 'RequestAbandoned', 'The caller has gone');
				sliceStarted = performance.now();
			}
			// Other requests may have moved the batch on meanwhile: runs submitted after `now` do not count.
			record.sim.advanceTo(now);
			const index = descending ? total - 1 - step : step;
			if (record.sim.runCodes[index] === Run.NONE || bounds.lowest(index) > now) continue;
			// The best any stream of this run (or of any run after it in the walk) could do.
			probe.last = descending ? Math.min(now, bounds.highest(index)) : bounds.lowest(index);
			probe.runId = descending ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
			if (!top.wouldKeep(probe)) break;
			if (descending && record.sim.context.cancelAt === undefined) {
				// Without a CancelRunBatch every line is at most 3 ms after the run's last change: a bound from
				// its timeline alone, far cheaper than its tasks, skips the runs that ended too early.
				probe.last = Math.min(now, (runLife(record, index).at(-1)?.time ?? now) + 3);
				if (!top.wouldKeep(probe)) continue;
			}
			const plans = planRunTasks(record, index, context.taskCatalog);
			const cut = streamCut(record, index, now);
			const id = record.runIdBase + index;
			runStreams(record, index, now, context.taskCatalog, plans, cut).forEach((kind, ordinal) => {
				const extent = streamExtent(record, index, kind, now, context.taskCatalog, plans, cut);
				const item: Timed = {record, index, runId: id, ordinal, kind, last: extent?.last ?? now};
				top.offer(item);
			});
		}
	}
	return top.sorted() as Timed[];
}

function refOf({record, index, ordinal, kind}: Timed, context: LogsContext): StreamRef {
	const id = Number(runId(record, index));
	const plans = planRunTasks(record, index, context.taskCatalog);
	return {record, index, runId: id, ordinal, kind, name: streamName({runId: id, kind}), plans};
}
