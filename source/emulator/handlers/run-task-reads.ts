import {notFoundError} from '../http/api-error.js';
import {pageLimit} from './page-limit.js';
import {runTasksAt} from '../model/run-tasks.js';
import {getRunTaskBody, taskListItem} from '../model/task-views.js';
import type {TaskCatalog} from '../model/task-catalog.js';
import type {HandlerResult, RequestContext} from './handler-types.js';

/** A request to the task operations: the usual context plus the scenario's task catalogue. */
export interface TaskRequestContext extends RequestContext {
	readonly taskCatalog?: TaskCatalog;
}

function findRunOr404(context: TaskRequestContext): {
	record: Parameters<typeof runTasksAt>[0];
	index: number;
} {
	// id and taskId are checked against the model (RunId, TaskId) before a handler runs.
	const id = context.params['id'] ?? '';
	const found = context.account.findRun(id);
	if (!found) throw notFoundError(`Run ${id} was not found`);
	return found;
}

/** GET /run/{id}/task — the run's tasks in creation order; `status` filters, pages by ordinal. */
export function listRunTasks(context: TaskRequestContext): HandlerResult {
	const {record, index} = findRunOr404(context);
	const {query, tokens, account} = context;
	const limit = pageLimit(query, 'maxResults');
	const status = query.get('status') ?? undefined;
	const scope = `ListRunTasks|${record.runIdBase + index}|${status ?? ''}`;
	const startingToken = query.get('startingToken');
	const from = startingToken === null ? 0 : (tokens.read(scope, startingToken, 1)[0] as number);
	const views = runTasksAt(record, index, account.clock.now(), context.taskCatalog).filter(
		(view) => view.plan.ordinal >= from && (status === undefined || view.status === status),
	);
	const page = views.slice(0, limit);
	const next = views[limit];
	return {
		statusCode: 200,
		body: {
			items: page.map((view) => taskListItem(record, index, view)),
			...(next ? {nextToken: tokens.issue(scope, [next.plan.ordinal])} : {}),
		},
	};
}

/** GET /run/{id}/task/{taskId} */
export function getRunTask(context: TaskRequestContext): HandlerResult {
	const {record, index} = findRunOr404(context);
	const taskId = context.params['taskId'] ?? '';
	const view = runTasksAt(record, index, context.account.clock.now(), context.taskCatalog).find(
		(candidate) => candidate.plan.taskId === taskId,
	);
	if (!view) throw notFoundError(`Task ${taskId} of run ${context.params['id'] ?? ''} was not found`);
	return {statusCode: 200, body: getRunTaskBody(record, index, view)};
}
