import {cancelRunBatch, deleteBatch, deleteRunBatch, startRunBatch} from '../handlers/batch-lifecycle.js';
import {getBatch, listBatch, listRunsInBatch} from '../handlers/batch-reads.js';
import {getRun, listRuns} from '../handlers/run-reads.js';
import {getRunTask, listRunTasks, type TaskRequestContext} from '../handlers/run-task-reads.js';
import type {HandlerResult} from '../handlers/handler-types.js';
import type {Operation} from './faults.js';

/** Any handler: the batch and run handlers take less of the context than the task ones. */
export type RouteHandler = (context: TaskRequestContext) => HandlerResult;

interface Route {
	readonly method: string;
	readonly pattern: RegExp;
	readonly operation: Operation;
	readonly handler: RouteHandler;
}

// Paths and methods as in the service model (shared/healthomics-batch-api.md §1).
const ROUTES: readonly Route[] = [
	{method: 'POST', pattern: /^\/runBatch$/, operation: 'StartRunBatch', handler: startRunBatch},
	{method: 'GET', pattern: /^\/runBatch$/, operation: 'ListBatch', handler: listBatch},
	{method: 'POST', pattern: /^\/runBatch\/cancel$/, operation: 'CancelRunBatch', handler: cancelRunBatch},
	{method: 'POST', pattern: /^\/runBatch\/delete$/, operation: 'DeleteRunBatch', handler: deleteRunBatch},
	{method: 'GET', pattern: /^\/runBatch\/(?<batchId>[^/]+)$/, operation: 'GetBatch', handler: getBatch},
	{
		method: 'DELETE',
		pattern: /^\/runBatch\/(?<batchId>[^/]+)$/,
		operation: 'DeleteBatch',
		handler: deleteBatch,
	},
	{
		method: 'GET',
		pattern: /^\/runBatch\/(?<batchId>[^/]+)\/run$/,
		operation: 'ListRunsInBatch',
		handler: listRunsInBatch,
	},
	{method: 'GET', pattern: /^\/run$/, operation: 'ListRuns', handler: listRuns},
	{method: 'GET', pattern: /^\/run\/(?<id>[^/]+)$/, operation: 'GetRun', handler: getRun},
	{method: 'GET', pattern: /^\/run\/(?<id>[^/]+)\/task$/, operation: 'ListRunTasks', handler: listRunTasks},
	{
		method: 'GET',
		pattern: /^\/run\/(?<id>[^/]+)\/task\/(?<taskId>[^/]+)$/,
		operation: 'GetRunTask',
		handler: getRunTask,
	},
];

export interface MatchedRoute {
	readonly operation: Operation;
	readonly handler: RouteHandler;
	readonly params: Record<string, string>;
}

/** Finds the operation for a method and path; path labels come back URL-decoded. */
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
	for (const route of ROUTES) {
		if (route.method !== method) continue;
		const match = route.pattern.exec(path);
		if (!match) continue;
		const params: Record<string, string> = {};
		for (const [key, value] of Object.entries(match.groups ?? {})) {
			try {
				params[key] = decodeURIComponent(value);
			} catch {
				params[key] = value;
			}
		}
		return {operation: route.operation, handler: route.handler, params};
	}
	return undefined;
}
