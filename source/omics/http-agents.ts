import {Agent as HttpAgent, type ClientRequest} from 'node:http';
import {Agent as HttpsAgent} from 'node:https';
import type {Socket} from 'node:net';
import createDebug from 'debug';
import {HttpProxyAgent} from 'http-proxy-agent';
import {HttpsProxyAgent} from 'https-proxy-agent';
import {proxyLabel, type ProxyBypass, type ProxySettings} from './network-config.js';
import {PROXY_REFUSED, PROXY_TIMEOUT, VIA_PROXY} from './tls-error.js';

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
/** What agent-base hands connect(): the request's options, with secureEndpoint. */
type AgentConnectOpts = Parameters<HttpsProxyAgent<string>['connect']>[1];

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

type Marked = Error & {code?: string; [VIA_PROXY]?: string};

const mark = (error: Marked, phrase: string): Marked => {
	error[VIA_PROXY] ??= phrase;
	return error;
};

function proxyError(code: string, message: string, phrase: string): Marked {
	return mark(Object.assign(new Error(message), {code}), phrase);
}

/** The part of a proxy agent that batchtop guards: its socket to the proxy comes from `connectOpts`. */
interface ProxyAgent {
	readonly proxy: URL;
	connectOpts: HttpsProxyAgent<string>['connectOpts'];
}

/**
 * Runs a proxy agent's connect() with two guards the library has not: a proxy that accepts the TCP
 * connection and then never answers is hung up on after `timeoutMs` (the agents open their socket to
 * the proxy synchronously, from `connectOpts`, so an abort signal put there reaches it), and a CONNECT
 * the proxy refuses becomes an error naming the proxy and its status line, instead of the proxy's
 * answer replayed as if HealthOmics had sent it (a proxy's 403 would read as "access denied").
 */
async function guardedConnect(
	agent: ProxyAgent,
	request: ClientRequest,
	options: AgentConnectOpts,
	timeoutMs: number,
	connect: () => Promise<Socket>,
): Promise<Socket> {
	const label = proxyLabel(agent.proxy);
	const target = `${options.host}:${options.port}`;
	const controller = new AbortController();
	let answer: {statusCode?: number; statusText?: string} | undefined;
	const onProxyConnect = (connect: {statusCode?: number; statusText?: string}) => (answer = connect);
	request.once('proxyConnect', onProxyConnect);
	const saved = agent.connectOpts;
	agent.connectOpts = {...saved, signal: controller.signal};
	let pending: Promise<Socket>;
	try {
		pending = connect();
	} finally {
		agent.connectOpts = saved;
	}
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(
			() =>
				reject(
					proxyError(
						PROXY_TIMEOUT,
						`the proxy ${label} did not connect to ${target} within ${Math.round(timeoutMs / 100) / 10}s`,
						`at the proxy ${label}`,
					),
				),
			timeoutMs,
		);
	});
	try {
		const socket = await Promise.race([pending, timeout]);
		if (answer?.statusCode !== undefined && answer.statusCode !== 200) {
			socket.destroy();
			throw proxyError(
				PROXY_REFUSED,
				`the proxy ${label} refused to connect to ${target}: HTTP ${answer.statusCode}${answer.statusText ? ` ${answer.statusText}` : ''}`,
				`at the proxy ${label}`,
			);
		}
		// Errors on the open tunnel (a certificate the target's handshake rejects, a reset) name the proxy.
		socket.once('error', (error: Marked) => mark(error, `through the proxy ${label}`));
		return socket;
	} catch (error) {
		// Hangs up on the proxy (no-op once the socket is closed); the connect promise is settled by it.
		controller.abort();
		pending.catch(() => {});
		const failure = error as Marked;
		if (typeof failure.code === 'string') throw mark(failure, `at the proxy ${label}`);
		// The library's own failures have no code ("Proxy connection ended before receiving CONNECT response").
		throw proxyError(
			PROXY_REFUSED,
			`the proxy ${label} did not connect to ${target}: ${failure.message}`,
			`at the proxy ${label}`,
		);
	} finally {
		clearTimeout(timer);
		request.off('proxyConnect', onProxyConnect);
	}
}

/** https:// through an HTTP(S) proxy: a CONNECT tunnel, then TLS to the target inside it. */
class TunnelAgent extends HttpsProxyAgent<string> {
	constructor(
		proxy: URL,
		private readonly ca: readonly string[] | undefined,
		private readonly timeoutMs: number,
	) {
		// `ca` here is for an https:// proxy's own certificate (corporate proxies are signed by the same CA).
		super(proxy, {keepAlive: true, maxSockets: MAX_SOCKETS, ...(ca ? {ca: [...ca]} : {})});
	}

	override connect(request: ClientRequest, options: AgentConnectOpts): Promise<Socket> {
		// The target's handshake takes its options from the request, not the agent (HttpsProxyAgent resets
		// `this.options`), so the CAs to trust go in here.
		const withCa = this.ca ? {...options, ca: [...this.ca]} : options;
		return guardedConnect(this, request, options, this.timeoutMs, () => super.connect(request, withCa));
	}
}

type ForwardedRequest = Parameters<HttpProxyAgent<string>['connect']>[0];

/** http:// through an HTTP proxy: requests in absolute-URI form, as a plain forward proxy expects. */
class ForwardAgent extends HttpProxyAgent<string> {
	constructor(
		proxy: URL,
		ca: readonly string[] | undefined,
		private readonly timeoutMs: number,
	) {
		super(proxy, {keepAlive: true, maxSockets: MAX_SOCKETS, ...(ca ? {ca: [...ca]} : {})});
	}

	override connect(request: ForwardedRequest, options: AgentConnectOpts): Promise<Socket> {
		return guardedConnect(this, request, options, this.timeoutMs, () => super.connect(request, options));
	}
}

/**
 * The agent the SDK is given routes each request: through the proxy, or direct when NO_PROXY names its
 * host (the direct path is the agent itself, so its pool and the SDK's socket warnings stay as they were).
 */
function routeThroughProxy<T extends HttpAgent>(
	direct: T,
	proxied: HttpAgent,
	bypass: ProxyBypass,
	secureEndpoint: boolean,
): T {
	const internal = addRequestOf(direct);
	const addDirect = internal.addRequest.bind(direct);
	const addProxied = addRequestOf(proxied).addRequest.bind(proxied);
	internal.addRequest = (request, options) => {
		const host = options.host ?? 'localhost';
		const port = Number(options.port) || (secureEndpoint ? 443 : 80);
		if (bypass(host, port)) addDirect(request, options);
		// agent-base would otherwise guess http or https from the call stack, which is wrong for a request
		// that waited in the queue for a free socket.
		else addProxied(request, {...options, secureEndpoint} as RequestOptions);
	};
	const destroy = direct.destroy.bind(direct);
	direct.destroy = () => {
		proxied.destroy();
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
	// The proxy agents log through `debug`, which writes to stderr whenever DEBUG names them (DEBUG=* is
	// common on developers' machines): that would be printed over the TUI. Nothing else in batchtop uses it.
	if (proxy) createDebug.disable();
	let httpAgent = new HttpAgent({keepAlive: true, maxSockets: MAX_SOCKETS});
	let httpsAgent = new HttpsAgent({keepAlive: true, maxSockets: MAX_SOCKETS, ...(ca ? {ca: [...ca]} : {})});
	if (proxy?.http)
		httpAgent = routeThroughProxy(
			httpAgent,
			new ForwardAgent(proxy.http, ca, timeoutMs),
			proxy.bypass,
			false,
		);
	if (proxy?.https)
		httpsAgent = routeThroughProxy(
			httpsAgent,
			new TunnelAgent(proxy.https, ca, timeoutMs),
			proxy.bypass,
			true,
		);
	return {httpAgent: markReusedSocketErrors(httpAgent), httpsAgent: markReusedSocketErrors(httpsAgent)};
}
