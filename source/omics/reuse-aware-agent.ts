import {Agent as HttpAgent, type ClientRequest} from 'node:http';
import {Agent as HttpsAgent} from 'node:https';

/** Sockets per agent: the SDK's own default, and so the most requests batchtop has in flight at once. */
export const MAX_SOCKETS = 50;

/** Set on a request's error when it failed on a kept-alive socket it did not open itself. */
export const REUSED_SOCKET = Symbol('batchtop.reusedSocket');

type AddRequest = (request: ClientRequest, options: unknown) => void;

// Node documents the pattern (http, `request.reusedSocket`): a server may close an idle keep-alive
// socket just as a request goes out on it, and the request then fails with ECONNRESET although the
// server never saw it. Marking such errors lets the batch API retry them once, at once.
function markReusedSocketErrors<T extends HttpAgent>(agent: T): T {
	const internal = agent as unknown as {addRequest: AddRequest};
	const addRequest = internal.addRequest.bind(agent);
	internal.addRequest = (request, options) => {
		addRequest(request, options);
		request.once('error', (error: Error & {[REUSED_SOCKET]?: boolean}) => {
			if (request.reusedSocket) error[REUSED_SOCKET] = true;
		});
	};
	return agent;
}

/** Keep-alive agents for http and https whose reused-socket failures are recognisable. */
export function createAgents(): {httpAgent: HttpAgent; httpsAgent: HttpsAgent} {
	return {
		httpAgent: markReusedSocketErrors(new HttpAgent({keepAlive: true, maxSockets: MAX_SOCKETS})),
		httpsAgent: markReusedSocketErrors(new HttpsAgent({keepAlive: true, maxSockets: MAX_SOCKETS})),
	};
}

/** Whether an error is a reset of a reused keep-alive socket (the request never reached the server). */
export function isReusedSocketReset(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const shape = error as {code?: string; [REUSED_SOCKET]?: boolean};
	return shape[REUSED_SOCKET] === true && (shape.code === 'ECONNRESET' || shape.code === 'EPIPE');
}
