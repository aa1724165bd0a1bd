// A TCP relay in front of the emulator that counts the connections a client opens: a client that keeps
// its sockets alive opens a handful at start and then none, one that loses them opens one per poll.
import {createConnection, createServer, type Socket} from 'node:net';

export interface ConnectionCounter {
	/** The URL to give the client instead of the emulator's. */
	readonly url: string;
	/** Connections accepted so far. */
	readonly opened: number;
	close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1 and relays every connection to `target` (an http:// URL). */
export async function countConnections(target: string): Promise<ConnectionCounter> {
	const {hostname, port} = new URL(target);
	let opened = 0;
	const sockets = new Set<Socket>();
	const server = createServer((client) => {
		opened++;
		const upstream = createConnection({host: hostname, port: Number(port)});
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			// Either side closing or failing ends the pair, as a direct connection would end.
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}
		client.pipe(upstream);
		upstream.pipe(client);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('relay has no port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		get opened() {
			return opened;
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
