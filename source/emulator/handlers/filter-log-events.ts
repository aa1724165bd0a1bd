import {invalidParameter} from '../http/logs-protocol.js';
import {type LogLine} from '../model/run-logs.js';
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
import {before, findStream, ingestion, linesOf, streamsFrom, type StreamRef} from './log-stream-refs.js';

/** FilterLogEvents searches at most this many streams per call, as the service does, and says so. */
const STREAMS_PER_FILTER_CALL = 100;

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

/** FilterLogEvents: matching lines of up to STREAMS_PER_FILTER_CALL streams per call, in time order. */
export function filterLogEvents(input: Json, context: LogsContext): Json {
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
