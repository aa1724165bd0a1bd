// The proxy agents (http-proxy-agent, https-proxy-agent and the `debug` they log through), loaded by
// http-agents.ts only when a proxy is configured: ~6 ms of every start that makes a client otherwise.
import type {ClientRequest} from 'node:http';
import type {Socket} from 'node:net';
import createDebug from 'debug';
import {HttpProxyAgent} from 'http-proxy-agent';
import {HttpsProxyAgent} from 'https-proxy-agent';
import {proxyLabel} from './network-config.js';
import {PROXY_REFUSED, PROXY_TIMEOUT, VIA_PROXY} from './tls-error.js';
import {MAX_SOCKETS} from './http-agents.js';

/** What agent-base hands connect(): the request's options, with secureEndpoint. */
type AgentConnectOpts = Parameters<HttpsProxyAgent<string>['connect']>[1];

// The proxy agents log through `debug`, which writes to stderr whenever DEBUG names them (DEBUG=* is
// common on developers' machines): that would be printed over the TUI. Nothing else in batchtop uses it.
createDebug.disable();

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
export class TunnelAgent extends HttpsProxyAgent<string> {
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
export class ForwardAgent extends HttpProxyAgent<string> {
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
