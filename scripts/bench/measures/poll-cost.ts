// 2. The cost of one poll: CPU of a GetBatch through the SDK client batchtop builds, against the same
// request sent raw on a kept-alive socket (the floor: Node's HTTP and JSON), in this process.
import {Agent, request} from 'node:http';
import {createBatchApi} from '../../../source/omics/batch-api.js';
import {createOmicsClient} from '../../../source/omics/omics-client.js';
import {activeBatches} from '../lib/bench-scenarios.js';
import {scenarioFile, startEmulatorProcess} from '../lib/emulator-process.js';

export interface PollCost {
	/** CPU per call, ms, one figure per block of calls. */
	readonly sdkMs: number[];
	readonly rawMs: number[];
}

const cpuNow = (): number => {
	const {user, system} = process.cpuUsage();
	return (user + system) / 1000;
};

function rawGet(agent: Agent, url: URL, path: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const outgoing = request({agent, host: url.hostname, port: url.port, path, method: 'GET'}, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
			response.on('error', reject);
		});
		outgoing.on('error', reject);
		outgoing.end();
	});
}

/** `blocks` interleaved blocks of `calls` sequential GetBatch calls each way, after a warm-up of three. */
export async function pollCost(blocks: number, calls: number): Promise<PollCost> {
	const scenario = await scenarioFile('poll-cost', activeBatches(10));
	const emulator = await startEmulatorProcess(['--scenario', scenario]);
	const client = createOmicsClient({
		endpointUrl: emulator.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'bench', secretAccessKey: 'bench'},
	});
	const api = createBatchApi(client);
	const agent = new Agent({keepAlive: true, maxSockets: 50});
	const url = new URL(emulator.url);
	try {
		const ids = (await api.listBatchPage({}, undefined)).items.map((batch) => batch.id!);
		const sdk = async () => {
			for (let index = 0; index < calls; index++) await api.getBatch(ids[index % ids.length]!);
		};
		const raw = async () => {
			for (let index = 0; index < calls; index++)
				await rawGet(agent, url, `/runBatch/${encodeURIComponent(ids[index % ids.length]!)}`);
		};
		const perCall = async (run: () => Promise<void>): Promise<number> => {
			const before = cpuNow();
			await run();
			return (cpuNow() - before) / calls;
		};
		// JIT warm-up: the first few hundred calls cost twice what later ones do.
		for (let round = 0; round < 3; round++) {
			await sdk();
			await raw();
		}
		const sdkMs: number[] = [];
		const rawMs: number[] = [];
		for (let block = 0; block < blocks; block++) {
			sdkMs.push(await perCall(sdk));
			rawMs.push(await perCall(raw));
		}
		return {sdkMs, rawMs};
	} finally {
		client.destroy();
		agent.destroy();
		await emulator.stop();
	}
}
