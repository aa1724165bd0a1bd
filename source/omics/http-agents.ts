import {Agent as HttpAgent, type ClientRequest} from 'node:http';
import {Agent as HttpsAgent} from 'node:https';
import type {ProxyBypass, ProxySettings} from './network-config.js';

/** Sockets per agent: the SDK's own default, and so the most requests batchtop has in flight at once. */
export const MAX_SOCKETS = 50;

/** Set on a request's error when it failed on a kept-alive socket it did not open itself. */
export const REUSED_SOCKET = Symbol('batchtop.reusedSocket');

/** How long a proxy may take to accept the connection and, for https, to open the tunnel. */
export const DEFAULT_PROXY_TIMEOUT_MS = 5_000;

interface RequestOptions {
	readonly host?: string | null;
	readonly port?: number | string | null;
}
type AddRequest = (request: ClientRequest, options: RequestOptions) => void;

const addRequestOf = (agent: HttpAgent): {addRequest: AddRequest} =>
	agent as unknown as {addRequest: AddRequest};

// Node documents the pattern (http, `request.reusedSocket`): a server may close an idle keep-alive
// socket just as a request goes out on it, and the request then fails with ECONNRESET although the
// server never saw it. Marking such errors lets the batch API retry them once, at once. Node sets
// `reusedSocket` in whichever agent hands the request a pooled socket, a proxy agent's included, so
// marking the outermost agent covers direct and proxied requests alike.
function markReusedSocketErrors<T extends HttpAgent>(agent: T): T {
	const internal = addRequestOf(agent);
	const addRequest = internal.addRequest.bind(agent);
	internal.addRequest = (request, options) => {
		addRequest(request, options);
		request.once('error', (error: Error & {[REUSED_SOCKET]?: boolean}) => {
			if (request.reusedSocket) error[REUSED_SOCKET] = true;
		});
	};
	return agent;
}

/** Whether an error is a reset of a reused keep-alive socket (the request never reached the server). */
export function isReusedSocketReset(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const shape = error as {code?: string; [REUSED_SOCKET]?: boolean};
	return shape[REUSED_SOCKET] === true && (shape.code === 'ECONNRESET' || shape.code === 'EPIPE');
}

/**
 * The agent the SDK is given routes each request: through the proxy, or direct when NO_PROXY names its
 * host (the direct path is the agent itself, so its pool and the SDK's socket warnings stay as they were).
 */
function routeThroughProxy<T extends HttpAgent>(
	direct: T,
	proxiedAgent: () => Promise<HttpAgent>,
	bypass: ProxyBypass,
	secureEndpoint: boolean,
): T {
	const internal = addRequestOf(direct);
	const addDirect = internal.addRequest.bind(direct);
	// Made on the first proxied request, when its module has loaded (proxy-agents.ts); an agent
	// hands the request its socket later anyway (agent-base connects asynchronously too).
	let proxied: Promise<HttpAgent> | undefined;
	let made: HttpAgent | undefined;
	internal.addRequest = (request, options) => {
		const host = options.host ?? 'localhost';
		const port = Number(options.port) || (secureEndpoint ? 443 : 80);
		if (bypass(host, port)) {
			addDirect(request, options);
			return;
		}
		proxied ??= proxiedAgent().then((agent) => (made = agent));
		proxied.then(
			// agent-base would otherwise guess http or https from the call stack, which is wrong for a
			// request that waited in the queue for a free socket.
			(agent) => addRequestOf(agent).addRequest(request, {...options, secureEndpoint} as RequestOptions),
			(error: Error) => request.destroy(error),
		);
	};
	const destroy = direct.destroy.bind(direct);
	direct.destroy = () => {
		made?.destroy();
		destroy();
	};
	return direct;
}

export interface AgentSettings {
	/** The proxies and NO_PROXY (network-config.ts); none: every connection is direct. */
	readonly proxy?: ProxySettings;
	/** The CAs https trusts instead of Node's defaults (network-config.ts puts the defaults in). */
	readonly ca?: readonly string[];
	/** A proxy's deadline to accept the connection and open the tunnel. */
	readonly proxyTimeoutMs?: number;
}

/**
 * Keep-alive agents for http and https whose reused-socket failures are recognisable, routed through
 * the proxies in `settings` (the proxy-agents packages speak to the proxy) except for NO_PROXY hosts.
 */
export function createAgents(settings: AgentSettings = {}): {httpAgent: HttpAgent; httpsAgent: HttpsAgent} {
	const {proxy, ca} = settings;
	const timeoutMs = settings.proxyTimeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
	let httpAgent = new HttpAgent({keepAlive: true, maxSockets: MAX_SOCKETS});
	let httpsAgent = new HttpsAgent({keepAlive: true, maxSockets: MAX_SOCKETS, ...(ca ? {ca: [...ca]} : {})});
	// The proxy agents' module loads with the first proxied request (proxy-agents.ts).
	const forward = proxy?.http;
	if (proxy && forward)
		httpAgent = routeThroughProxy(
			httpAgent,
			async () => new (await import('./proxy-agents.js')).ForwardAgent(forward, ca, timeoutMs),
			proxy.bypass,
			false,
		);
	const tunnel = proxy?.https;
	if (proxy && tunnel)
		httpsAgent = routeThroughProxy(
			httpsAgent,
			async () => new (await import('./proxy-agents.js')).TunnelAgent(tunnel, ca, timeoutMs),
			proxy.bypass,
			true,
		);
	return {httpAgent: markReusedSocketErrors(httpAgent), httpsAgent: markReusedSocketErrors(httpsAgent)};
}
