import {request as httpRequest, type IncomingMessage, type ServerResponse} from 'node:http';
import {createServer} from 'node:https';
import type {AddressInfo, Socket} from 'node:net';
import type {KeyPair} from './test-certificates.js';

/**
 * An HTTPS server on 127.0.0.1 with a test certificate: a TLS terminator in front of the emulator (or
 * any http:// service), or the answerer itself for hosts a `handle` function takes (STS, SSO). It logs
 * every request with the host it was meant for and the access key that signed it.
 */
export interface TlsRequest {
	readonly method: string;
	readonly path: string;
	/** The Host header: the name the client connected for. */
	readonly host: string;
	/** The access key id in a SigV4 Authorization header, if any. */
	readonly accessKeyId?: string;
	/** True for the second and later requests on one TLS connection. */
	readonly socketReused: boolean;
}

export interface TlsServiceOptions extends KeyPair {
	/** http://host:port to forward what `handle` leaves to. */
	readonly forwardTo?: string;
	/** Answers a request itself (returns true), or leaves it to forwardTo (returns false). */
	readonly handle?: (request: IncomingMessage, response: ServerResponse, body: string) => boolean;
	/**
	 * Hang up, without an answer, on a request that arrives on a connection that already had one: the
	 * server closed an idle keep-alive connection just as the client reused it, made deterministic.
	 */
	readonly hangUpOnReuse?: boolean;
}

export interface TlsService {
	/** https://127.0.0.1:<port> */
	readonly url: string;
	readonly port: number;
	readonly requests: TlsRequest[];
	close(): Promise<void>;
}

export async function startTlsService(options: TlsServiceOptions): Promise<TlsService> {
	const requests: TlsRequest[] = [];
	const served = new WeakMap<Socket, number>();
	const server = createServer({key: options.key, cert: options.cert}, (request, response) => {
		const socket = request.socket;
		const seen = served.get(socket) ?? 0;
		served.set(socket, seen + 1);
		const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
		requests.push({
			method: request.method ?? 'GET',
			path: request.url ?? '/',
			host: request.headers.host ?? '',
			...(accessKeyId ? {accessKeyId} : {}),
			socketReused: seen > 0,
		});
		if (options.hangUpOnReuse && seen > 0) {
			socket.destroy();
			return;
		}
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			if (options.handle?.(request, response, body.toString('utf8'))) return;
			if (!options.forwardTo) {
				response.writeHead(404).end();
				return;
			}
			const target = new URL(options.forwardTo);
			const upstream = httpRequest(
				{
					host: target.hostname,
					port: target.port,
					method: request.method,
					path: request.url,
					headers: request.headers,
					agent: false,
				},
				(answer) => {
					response.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(response);
				},
			);
			upstream.on('error', () => response.writeHead(502).end());
			upstream.end(body);
		});
	});
	// A client that rejects the certificate aborts the handshake: that is the test, not a server error.
	server.on('tlsClientError', () => {});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `https://127.0.0.1:${port}`,
		port,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
