import {Agent, get} from 'node:http';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {createApiServer, type ApiServerParts} from '../../../source/emulator/http/api-server.js';
import {parseInterval} from '../../../source/cli/settings.js';

/** The `Keep-Alive` header of one answer on a kept-alive connection. */
function keepAliveHeader(url: string): Promise<string | undefined> {
	const agent = new Agent({keepAlive: true});
	return new Promise((resolve, reject) => {
		get(`${url}/runBatch`, {agent}, (response) => {
			response.resume();
			response.on('end', () => {
				agent.destroy();
				resolve(String(response.headers['keep-alive']));
			});
		}).on('error', reject);
	});
}

describe('the emulator keeps idle connections open longer than any poll interval', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({clock: 'manual', scenario: {batches: []}});
	});
	afterAll(async () => emulator.stop());

	it("announces a 65 s keep-alive timeout, above the monitor's longest default interval", async () => {
		const header = await keepAliveHeader(emulator.url);
		expect(header).toBe('timeout=65');
		const seconds = Number(/timeout=(\d+)/.exec(header ?? '')?.[1]);
		expect(seconds * 1000).toBeGreaterThan(parseInterval(undefined).maxMs);
	});

	it('waits longer for request headers than it keeps an idle connection', () => {
		// Node requires headersTimeout above keepAliveTimeout, or a reused socket can be cut mid-request.
		const server = createApiServer({} as ApiServerParts);
		expect(server.keepAliveTimeout).toBe(65_000);
		expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
	});
});
