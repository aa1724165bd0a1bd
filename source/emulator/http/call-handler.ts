import {catchUpAccount} from '../model/account-catch-up.js';
import type {HandlerResult, RequestContext} from '../handlers/handler-types.js';
import type {MatchedRoute} from './routes.js';
import type {Operation} from './faults.js';

/** Operations that read every batch of the account, so must have them all caught up first. */
const WHOLE_ACCOUNT: ReadonlySet<Operation> = new Set(['ListBatch', 'ListRuns']);

/**
 * Runs a route's handler; for an operation that reads the whole account, first catches every batch
 * up in slices (model/account-catch-up.ts), so that other requests are not held up behind it.
 * Handlers themselves stay synchronous: each runs start to end on state nothing else changes meanwhile.
 */
export async function callHandler(route: MatchedRoute, context: RequestContext): Promise<HandlerResult> {
	if (WHOLE_ACCOUNT.has(route.operation)) await catchUpAccount(context.account);
	return route.handler(context);
}
