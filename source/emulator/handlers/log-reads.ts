import {ApiError} from '../http/api-error.js';
import type {LogsOperation} from '../http/logs-protocol.js';
import {describeLogStreams} from './describe-log-streams.js';
import {filterLogEvents} from './filter-log-events.js';
import {getLogEvents} from './get-log-events.js';
import type {Json, LogsContext} from './log-request.js';

export type {LogsContext} from './log-request.js';

// GetLogEvents, FilterLogEvents and DescribeLogStreams over the group /aws/omics/WorkflowLog, whose
// streams and lines are generated on demand from the runs (model/run-logs.ts, handlers/log-stream-refs.ts).

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
