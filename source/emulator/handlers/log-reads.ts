import {setImmediate as afterPendingIo} from 'node:timers';
import {ApiError} from '../http/api-error.js';
import {invalidParameter, logsNotFound, type LogsOperation} from '../http/logs-protocol.js';
import {runId} from '../model/batch-views.js';
import {logGroupArn, logStreamArn, WORKFLOW_LOG_GROUP} from '../model/log-streams.js';
import {
	runStreams,
	streamCut,
	streamExtent,
	streamLines,
	type LogLine,
	type StreamKind,
} from '../model/run-logs.js';
import {CATCH_UP_SLICE_MS} from '../model/account-catch-up.js';
import {Run} from '../model/statuses.js';
import {submitTime} from '../model/run-timeline.js';
import {planRunTasks, runLife, type TaskPlan} from '../model/run-tasks.js';
import type {Account, BatchRecord} from '../model/account.js';
import type {PageTokens} from '../http/page-token.js';
import type {TaskCatalog} from '../model/task-catalog.js';
import {TopK} from './top-k.js';

// GetLogEvents, FilterLogEvents and DescribeLogStreams over the group /aws/omics/WorkflowLog, whose
// streams and lines are generated on demand from the runs (model/run-logs.ts). Streams are ordered by
// run id, then engine, run, tasks by id: the name order while run ids have the same number of digits.

export interface LogsContext {
	readonly account: Account;
	readonly tokens: PageTokens;
	readonly taskCatalog?: TaskCatalog;
	/** Whether the caller has gone (its connection closed, or the emulator stopped): a long scan ends then. */
	readonly abandoned?: () => boolean;
}

type Json = Record<string, unknown>;

interface StreamRef {
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
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
/** FilterLogEvents searches at most this many streams per call, as the service does, and says so. */
const STREAMS_PER_FILTER_CALL = 100;

/**
 * Answers one Logs operation; errors are thrown as ApiError in the Logs service's terms. A scan of the
 * whole account (DescribeLogStreams by LastEventTime) answers later, in slices that let other requests in.
 */
export function handleLogs(
	operation: LogsOperation,
	body: unknown,
	context: LogsContext,
): Json | Promise<Json> {
	const input = body ?? {};
	if (typeof input !== 'object' || Array.isArray(input) || input === null)
		throw new ApiError(400, 'SerializationException', 'The request body must be a JSON object');
	switch (operation) {
		case 'GetLogEvents':
			return getLogEvents(input as Json, context);
		case 'FilterLogEvents':
			return filterLogEvents(input as Json, context);
		case 'DescribeLogStreams':
			return describeLogStreams(input as Json, context);
	}
}

const streamName = (ref: {runId: number; kind: StreamKind}): string =>
	ref.kind.kind === 'task' ? `run/${ref.runId}/task/${ref.kind.taskId}` : `run/${ref.runId}/${ref.kind.kind}`;

// --- input checks, in the service's wording ---------------------------------------------------------

function constraint(field: string, value: unknown, rule: string): Error {
	const shown = typeof value === 'string' ? value : JSON.stringify(value);
	return invalidParameter(
		`1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${rule}`,
	);
}

function optionalString(
	input: Json,
	field: string,
	min: number,
	max: number,
	pattern?: RegExp,
): string | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw constraint(field, value, 'Member must be a string');
	if ([...value].length < min || [...value].length > max)
		throw constraint(field, value, `Member must have length between ${min} and ${max}`);
	if (pattern && !pattern.test(value))
		throw constraint(field, value, `Member must satisfy regular expression pattern: ${pattern.source}`);
	return value;
}

function optionalInteger(input: Json, field: string, min: number, max: number): number | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw constraint(field, value, 'Member must be an integer');
	if (value < min) throw constraint(field, value, `Member must have value greater than or equal to ${min}`);
	if (value > max) throw constraint(field, value, `Member must have value less than or equal to ${max}`);
	return value;
}

function optionalBoolean(input: Json, field: string): boolean | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw constraint(field, value, 'Member must be a boolean');
	return value;
}

/** logGroupName or logGroupIdentifier (a name or an ARN), exactly one; only the workflow log group exists. */
function checkGroup(input: Json, context: LogsContext): void {
	const name = optionalString(input, 'logGroupName', 1, 512, GROUP_NAME);
	const identifier = optionalString(input, 'logGroupIdentifier', 1, 2048, /^[\w#+=/:,.@-]*$/);
	if (name !== undefined && identifier !== undefined)
		throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
	if (name === undefined && identifier === undefined)
		throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
	const arn = logGroupArn(context.account.region, context.account.accountId);
	const group = name ?? identifier;
	if (group !== WORKFLOW_LOG_GROUP && group !== arn && group !== `${arn}:*`)
		throw logsNotFound('The specified log group does not exist.');
}

// --- streams ---------------------------------------------------------------------------------------------

/** The stream a name denotes, if it exists now. */
function findStream(name: string, context: LogsContext, now: number): StreamRef | undefined {
	const match = STREAM_NAME.exec(name);
	if (!match) return undefined;
	const found = context.account.findRun(match[1] ?? '');
	if (!found) return undefined;
	return runStreamRefs(found.record, found.index, context, now).find((ref) => ref.name === name);
}

function runStreamRefs(record: BatchRecord, index: number, context: LogsContext, now: number): StreamRef[] {
	const id = Number(runId(record, index));
	const plans = planRunTasks(record, index, context.taskCatalog);
	return runStreams(record, index, now, context.taskCatalog, plans).map((kind, ordinal) => {
		const ref = {record, index, runId: id, ordinal, kind, plans};
		return {...ref, name: streamName(ref)};
	});
}

/** Existing streams whose names start with `prefix`, in stream order, from a (runId, ordinal) cursor on. */
function* streamsFrom(
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

const before = (ref: StreamRef, cursor: readonly [number, number]): boolean =>
	ref.runId < cursor[0] || (ref.runId === cursor[0] && ref.ordinal < cursor[1]);

function linesOf(ref: StreamRef, context: LogsContext, now: number): LogLine[] {
	return streamLines(ref.record, ref.index, ref.kind, now, context.taskCatalog, ref.plans);
}

/** CloudWatch Logs takes a little while to ingest an event. */
const ingestion = (line: LogLine): number => line.timestamp + 150;

// --- GetLogEvents ------------------------------------------------------------------------------------------

function getLogEvents(input: Json, context: LogsContext): Json {
	checkGroup(input, context);
	const name = optionalString(input, 'logStreamName', 1, 512, /^[^:*]*$/);
	if (name === undefined) throw constraint('logStreamName', null, 'Member must not be null');
	const startTime = optionalInteger(input, 'startTime', 0, Number.MAX_SAFE_INTEGER);
	const endTime = optionalInteger(input, 'endTime', 0, Number.MAX_SAFE_INTEGER);
	const limit = optionalInteger(input, 'limit', 1, 10_000) ?? 10_000;
	const token = optionalString(input, 'nextToken', 1, 2048);
	const fromHead = optionalBoolean(input, 'startFromHead') ?? false;
	optionalBoolean(input, 'unmask');
	const now = context.account.clock.now();
	const ref = findStream(name, context, now);
	if (!ref) throw logsNotFound('The specified log stream does not exist.');

	// Positions are indexes into the stream: lines are only ever appended, so a token stays valid as it grows.
	const all = linesOf(ref, context, now);
	const inRange = (line: LogLine): boolean =>
		(startTime === undefined || line.timestamp >= startTime) &&
		(endTime === undefined || line.timestamp < endTime);
	const positions = all.flatMap((line, position) => (inRange(line) ? [position] : []));

	let chosen: number[];
	if (token === undefined) {
		chosen = fromHead ? positions.slice(0, limit) : positions.slice(-limit);
	} else {
		const match = /^([fb])\/([0-9]{56})$/.exec(token);
		const at = match ? Number(match[2]) : Number.NaN;
		if (!match || !Number.isSafeInteger(at) || at > all.length)
			throw invalidParameter('The specified nextToken is invalid.');
		chosen =
			match[1] === 'f'
				? positions.filter((position) => position >= at).slice(0, limit)
				: positions.filter((position) => position < at).slice(-limit);
		if (chosen.length === 0) {
			// At either end the service hands back the token it was given.
			const other =
				match[1] === 'f' ? `b/${String(at).padStart(56, '0')}` : `f/${String(at).padStart(56, '0')}`;
			return {
				events: [],
				...(match[1] === 'f'
					? {nextForwardToken: token, nextBackwardToken: other}
					: {nextForwardToken: other, nextBackwardToken: token}),
			};
		}
	}
	const first = chosen[0] ?? (fromHead ? 0 : all.length);
	const after = chosen.length === 0 ? first : (chosen.at(-1) as number) + 1;
	return {
		events: chosen.map((position) => {
			const line = all[position] as LogLine;
			return {timestamp: line.timestamp, message: line.message, ingestionTime: ingestion(line)};
		}),
		nextForwardToken: `f/${String(after).padStart(56, '0')}`,
		nextBackwardToken: `b/${String(first).padStart(56, '0')}`,
	};
}

// --- FilterLogEvents ---------------------------------------------------------------------------------------

/** A filter pattern of plain terms: all must occur; `"quoted phrases"`; `-term` excludes; `?a ?b` any of. */
function termMatcher(pattern: string | undefined): (message: string) => boolean {
	if (pattern === undefined || pattern.trim() === '') return () => true;
	if (/^\s*[{[]/.test(pattern))
		throw invalidParameter(
			'Invalid filter pattern: the emulator supports plain terms, "phrases", -term and ?term only',
		);
	const terms = [...pattern.matchAll(/([?-]?)(?:"([^"]*)"|(\S+))/g)].map((match) => ({
		mode: match[1] ?? '',
		text: match[2] ?? match[3] ?? '',
	}));
	const all = terms.filter((term) => term.mode === '');
	const none = terms.filter((term) => term.mode === '-');
	const any = terms.filter((term) => term.mode === '?');
	return (message) =>
		all.every((term) => message.includes(term.text)) &&
		!none.some((term) => message.includes(term.text)) &&
		(any.length === 0 || any.some((term) => message.includes(term.text)));
}

function filterLogEvents(input: Json, context: LogsContext): Json {
	checkGroup(input, context);
	const names = input['logStreamNames'];
	if (names !== undefined && names !== null) {
		if (!Array.isArray(names) || names.some((name) => typeof name !== 'string'))
			throw constraint('logStreamNames', names, 'Member must be a list of strings');
		if (names.length < 1 || names.length > 100)
			throw constraint('logStreamNames', names, 'Member must have length between 1 and 100');
	}
	const prefix = optionalString(input, 'logStreamNamePrefix', 1, 512, /^[^:*]*$/);
	if (prefix !== undefined && names)
		throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
	const startTime = optionalInteger(input, 'startTime', 0, Number.MAX_SAFE_INTEGER);
	const endTime = optionalInteger(input, 'endTime', 0, Number.MAX_SAFE_INTEGER);
	const pattern = optionalString(input, 'filterPattern', 0, 1024);
	const limit = optionalInteger(input, 'limit', 1, 10_000) ?? 10_000;
	const token = optionalString(input, 'nextToken', 1, 4096);
	optionalBoolean(input, 'interleaved');
	optionalBoolean(input, 'unmask');
	const matches = termMatcher(pattern);
	const now = context.account.clock.now();

	const scope = `FilterLogEvents|${JSON.stringify([names ?? null, prefix ?? null, startTime ?? null, endTime ?? null, pattern ?? null])}`;
	const [cursorRun = 0, cursorOrdinal = 0, offset = 0] =
		token === undefined ? [] : readToken(context, scope, token, 3);
	const wanted = names ? new Set(names as string[]) : undefined;

	// The chunk of streams this call searches: the next STREAMS_PER_FILTER_CALL, and the first one after it.
	const chunk: StreamRef[] = [];
	let following: StreamRef | undefined;
	const candidates = wanted
		? [...wanted]
				.map((name) => findStream(name, context, now))
				.filter((ref): ref is StreamRef => ref !== undefined)
				.sort((a, b) => a.runId - b.runId || a.ordinal - b.ordinal)
				.filter((ref) => !before(ref, [cursorRun, cursorOrdinal]))
		: streamsFrom(context, now, prefix ?? '', [cursorRun, cursorOrdinal]);
	for (const ref of candidates) {
		if (chunk.length === STREAMS_PER_FILTER_CALL) {
			following = ref;
			break;
		}
		chunk.push(ref);
	}

	const found: Array<{ref: StreamRef; line: LogLine; position: number}> = [];
	for (const ref of chunk) {
		linesOf(ref, context, now).forEach((line, position) => {
			if (startTime !== undefined && line.timestamp < startTime) return;
			if (endTime !== undefined && line.timestamp > endTime) return;
			if (matches(line.message)) found.push({ref, line, position});
		});
	}
	found.sort(
		(a, b) =>
			a.line.timestamp - b.line.timestamp ||
			a.ref.runId - b.ref.runId ||
			a.ref.ordinal - b.ref.ordinal ||
			a.position - b.position,
	);
	const page = found.slice(offset, offset + limit);
	const rest = found.length > offset + limit;
	const next: number[] | undefined = rest
		? [cursorRun, cursorOrdinal, offset + limit]
		: following
			? [following.runId, following.ordinal, 0]
			: undefined;
	return {
		events: page.map(({ref, line, position}) => ({
			logStreamName: ref.name,
			timestamp: line.timestamp,
			message: line.message,
			ingestionTime: ingestion(line),
			eventId: eventId(ref, position),
		})),
		// Deprecated on 15 May 2020: the service has answered an empty list since.
		searchedLogStreams: [],
		...(next ? {nextToken: context.tokens.issue(scope, next)} : {}),
	};
}

function eventId(ref: StreamRef, position: number): string {
	return `${String(ref.runId).padStart(18, '0')}${String(ref.ordinal).padStart(6, '0')}${String(position).padStart(6, '0')}`.padEnd(
		56,
		'0',
	);
}

function readToken(context: LogsContext, scope: string, token: string, length: number): number[] {
	try {
		return context.tokens.read(scope, token, length);
	} catch {
		throw invalidParameter('The specified nextToken is invalid.');
	}
}

// --- DescribeLogStreams ------------------------------------------------------------------------------------

function describeLogStreams(input: Json, context: LogsContext): Json | Promise<Json> {
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
