import {createServer, request as httpRequest, type IncomingHttpHeaders} from 'node:http';
import {connect, isIP, type AddressInfo, type Socket} from 'node:net';

/**
 * A small HTTP proxy on 127.0.0.1 that logs what it is asked: CONNECT tunnels (for https) and
 * absolute-URI requests (a plain forward proxy, for http). It only ever connects to loopback addresses:
 * a target elsewhere is refused with 403 unless `route` maps it to one (tests map the real AWS host
 * names of STS and SSO onto a local TLS server), so nothing a test does leaves the machine.
 */
export interface ProxyLogEntry {
	/** CONNECT, or the forwarded request's method. */
	readonly method: string;
	/** host:port for CONNECT; the absolute URL for a forwarded request. */
	readonly target: string;
	readonly headers: IncomingHttpHeaders;
}

export interface ProxyOptions {
	/** Where a target really goes (loopback); undefined keeps it (then it must already be loopback). */
	readonly route?: (host: string, port: number) => {host: string; port: number} | undefined;
	/** Answer every CONNECT with this status line instead of opening the tunnel. */
	readonly refuse?: {readonly status: number; readonly reason: string};
	/** Accept connections and requests, and never answer. */
	readonly hang?: boolean;
}

export interface LoggingProxy {
	/** http://127.0.0.1:<port> */
	readonly url: string;
	readonly port: number;
	readonly log: ProxyLogEntry[];
	/** Client connections currently open to the proxy. */
	openConnections(): number;
	close(): Promise<void>;
}

const isLoopback = (host: string): boolean =>
	host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

export async function startLoggingProxy(options: ProxyOptions = {}): Promise<LoggingProxy> {
	const log: ProxyLogEntry[] = [];
	const sockets = new Set<Socket>();
	const clients = new Set<Socket>();
	const where = (host: string, port: number) => {
		const routed = options.route?.(host, port) ?? {host, port};
		return isLoopback(routed.host) ? routed : undefined;
	};

	const server = createServer((request, response) => {
		log.push({method: request.method ?? 'GET', target: request.url ?? '', headers: request.headers});
		if (options.hang) return;
		let url: URL;
		try {
			url = new URL(request.url ?? '');
		} catch {
			response.writeHead(400).end('absolute URI expected');
			return;
		}
		const target = where(url.hostname, Number(url.port) || 80);
		if (!target) {
			response.writeHead(403).end('not a loopback target');
			return;
		}
		const headers = {...request.headers};
		delete headers['proxy-connection'];
		delete headers['proxy-authorization'];
		const upstream = httpRequest(
			{
				host: target.host,
				port: target.port,
				method: request.method,
				path: `${url.pathname}${url.search}`,
				headers,
				agent: false,
			},
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		upstream.on('error', () => {
			if (!response.headersSent) response.writeHead(502).end('upstream failed');
			else response.destroy();
		});
		request.pipe(upstream);
	});

	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		clients.add(socket);
		socket.on('close', () => {
			sockets.delete(socket);
			clients.delete(socket);
		});
	});

	server.on('connect', (request, client: Socket, head: Buffer) => {
		const authority = request.url ?? '';
		log.push({method: 'CONNECT', target: authority, headers: request.headers});
		client.on('error', () => client.destroy());
		// The server's sockets allow half-open connections: a client that hangs up is hung up on.
		client.on('end', () => client.destroy());
		// Reading (and dropping) keeps the socket flowing, so a client hanging up is seen at once.
		if (options.hang) {
			client.resume();
			return;
		}
		if (options.refuse) {
			client.end(`HTTP/1.1 ${options.refuse.status} ${options.refuse.reason}\r\nContent-Length: 0\r\n\r\n`);
			return;
		}
		const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(authority);
		const target = match?.[1] && match[2] ? where(match[1], Number(match[2])) : undefined;
		if (!target) {
			client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		const upstream = connect(target.port, target.host);
		sockets.add(upstream);
		upstream.on('close', () => sockets.delete(upstream));
		upstream.once('connect', () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		upstream.on('error', () => client.destroy());
		upstream.on('close', () => client.destroy());
		client.on('close', () => upstream.destroy());
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		log,
		openConnections: () => clients.size,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
