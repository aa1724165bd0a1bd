import {invalidParameter, logsNotFound} from '../http/logs-protocol.js';
import {type LogLine} from '../model/run-logs.js';
import {
	checkGroup,
	constraint,
	optionalBoolean,
	optionalInteger,
	optionalString,
	type Json,
	type LogsContext,
} from './log-request.js';
import {findStream, ingestion, linesOf} from './log-stream-refs.js';

/** GetLogEvents: one stream's lines up to now, head or tail first, with position tokens. */
export function getLogEvents(input: Json, context: LogsContext): Json {
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
