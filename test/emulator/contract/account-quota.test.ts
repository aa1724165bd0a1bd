import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AddressInfo} from 'node:net';
import type {Server} from 'node:http';
import {
	CancelRunBatchCommand,
	GetBatchCommand,
	GetRunCommand,
	ListRunsCommand,
	paginateListRunsInBatch,
	type OmicsClient,
} from '@aws-sdk/client-omics';
import {Account} from '../../../source/emulator/model/account.js';
import {VirtualClock} from '../../../source/emulator/model/virtual-clock.js';
import {createApiServer} from '../../../source/emulator/http/api-server.js';
import {FaultInjector} from '../../../source/emulator/http/faults.js';
import {PageTokens} from '../../../source/emulator/http/page-token.js';
import {RequestStats} from '../../../source/emulator/http/request-stats.js';
import {parseScenario, startRunTpsOf} from '../../../source/emulator/scenario/load-scenario.js';
import {omicsClient} from '../../helpers/omics-test-client.js';
import {startEmulator} from '../../../source/emulator/index.js';
import type {Behaviour} from '../../../source/emulator/scenario/scenario-schema.js';

// The account's StartRun quota as a client sees it: GetBatch's submissionSummary over emulator time.
// The server is put together here (as start-emulator does) so the scenario's account.startRunTps reaches it.
const START = Date.parse('2026-11-01T12:00:00Z');
const QUOTA = 4;
const FAST = {
	creating: [1, 1],
	validating: [1, 1],
	pending: [1, 2],
	starting: [1, 2],
	running: [30, 60],
} satisfies Behaviour['durations'];
const SCENARIO = parseScenario(
	{
		seed: 7,
		account: {startRunTps: QUOTA},
		defaults: {submitRate: 1000, durations: FAST},
		batches: [
			{name: 'a', totalRuns: 20_000},
			{name: 'b', totalRuns: 20_000},
			{name: 'capped', totalRuns: 20_000, submitRate: 1, createdAgo: 0},
		],
	},
	'account-quota',
);

describe('one StartRun quota per account, shared by the submitting batches (SDK over HTTP)', () => {
	let server: Server;
	let clock: VirtualClock;
	let client: ReturnType<typeof omicsClient>;
	let ids: string[];

	beforeAll(async () => {
		clock = new VirtualClock({mode: 'manual', startTime: START});
		const account = new Account({
			clock,
			seed: 7,
			region: 'us-east-1',
			accountId: '123456789012',
			...(SCENARIO.defaults ? {defaults: SCENARIO.defaults} : {}),
			startRunTps: startRunTpsOf(SCENARIO),
		});
		// 'capped' starts 500 s later, so a and b first submit alone as a pair.
		ids = SCENARIO.batches.map(
			(spec, index) => account.create({spec, creationTime: START + (index === 2 ? 500_000 : 0)}).id,
		);
		server = createApiServer({
			account,
			clock,
			tokens: new PageTokens(),
			faults: new FaultInjector({}, 7),
			stats: new RequestStats(),
			s3SettingsRuns: 1000,
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		client = omicsClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
	});

	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	const attempted = async (id: string): Promise<number> => {
		const batch = await client.send(new GetBatchCommand({batchId: id}));
		const summary = batch.submissionSummary ?? {};
		return (summary.successfulStartSubmissionCount ?? 0) + (summary.failedStartSubmissionCount ?? 0);
	};
	const startsOver = async (batchIds: string[], seconds: number): Promise<number[]> => {
		const before = await Promise.all(batchIds.map(attempted));
		clock.advance(seconds * 1000);
		const after = await Promise.all(batchIds.map(attempted));
		return after.map((count, index) => count - (before[index] as number));
	};

	it('gives two batches submitting at once half the quota each: their rates add up to it', async () => {
		clock.advance(10_000); // both are SUBMITTING from START + 2 s
		const [a, b] = await startsOver([ids[0] as string, ids[1] as string], 100);
		// Within a second's worth of the quota over 100 s.
		expect((a as number) + (b as number)).toBeGreaterThanOrEqual(QUOTA * 99);
		expect((a as number) + (b as number)).toBeLessThanOrEqual(QUOTA * 101);
		expect(Math.abs((a as number) - (b as number))).toBeLessThanOrEqual(QUOTA);
	});

	it('is max-min fair: a batch that needs less takes only that, the others split the rest', async () => {
		clock.advance(500_000 - clock.now() + START + 10_000); // 'capped' submitting too, at 1/s
		const [a, b, capped] = await startsOver(ids, 100);
		expect(capped).toBeGreaterThanOrEqual(99);
		expect(capped).toBeLessThanOrEqual(101);
		expect((a as number) + (b as number) + (capped as number)).toBeGreaterThanOrEqual(QUOTA * 99);
		expect((a as number) + (b as number) + (capped as number)).toBeLessThanOrEqual(QUOTA * 101);
	});

	it('gives a batch submitting alone all of it once the others stop', async () => {
		await client.send(new CancelRunBatchCommand({batchId: ids[1]}));
		await client.send(new CancelRunBatchCommand({batchId: ids[2]}));
		const [a] = await startsOver([ids[0] as string], 100);
		expect(a).toBeGreaterThanOrEqual(QUOTA * 99);
		expect(a).toBeLessThanOrEqual(QUOTA * 101);
	});

	it('fails some StartRuns with ThrottlingException while batches contend for the quota, none of the capped batch', async () => {
		// a and b split the quota from 2 s to 500 s (each got half the pace it would have alone), then a
		// third of it with 'capped'; 'capped' always got all of its own 1/s.
		const [a, b, capped] = await Promise.all(ids.map(async (id) => throttledEntries(client, id)));
		for (const entries of [a, b]) {
			if (!entries) throw new Error('no entries');
			expect(entries.throttled).toBeGreaterThanOrEqual(10);
			expect(entries.throttled).toBeLessThanOrEqual(100);
			expect(entries.otherFailures).toBe(0);
		}
		expect(capped?.throttled).toBe(0);
		expect(capped?.attempted).toBeGreaterThanOrEqual(99);
	});

	it('lists runs newest first across batches, and pages without repeats or gaps', async () => {
		const seen: string[] = [];
		const times: number[] = [];
		let token: string | undefined;
		for (let page = 0; page < 5; page++) {
			const result = await client.send(new ListRunsCommand({maxResults: 37, startingToken: token}));
			for (const item of result.items ?? []) {
				seen.push(item.id ?? '');
				times.push(item.creationTime?.getTime() ?? Number.NaN);
			}
			token = result.nextToken;
			if (!token) break;
		}
		expect(seen.length).toBe(185);
		expect(new Set(seen).size).toBe(seen.length);
		for (let index = 1; index < times.length; index++) {
			expect(times[index]).toBeLessThanOrEqual(times[index - 1] as number);
		}
	});

	it('gives logLocation as the log stream ARNs of /aws/omics/WorkflowLog', async () => {
		const first = await client.send(new ListRunsCommand({maxResults: 1}));
		const id = first.items?.[0]?.id ?? '';
		const run = await client.send(new GetRunCommand({id}));
		const stream = `arn:aws:logs:us-east-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/${id}`;
		expect(run.logLocation).toEqual({engineLogStream: `${stream}/engine`, runLogStream: `${stream}/run`});
	});
});

/** How many of a batch's StartRun attempts ListRunsInBatch reports throttled, failed otherwise, and in all. */
async function throttledEntries(
	client: OmicsClient,
	batchId: string,
): Promise<{throttled: number; otherFailures: number; attempted: number}> {
	const counts = {throttled: 0, otherFailures: 0, attempted: 0};
	for await (const page of paginateListRunsInBatch({client, pageSize: 100}, {batchId})) {
		for (const entry of page.runs ?? []) {
			counts.attempted += 1;
			if (entry.submissionStatus !== 'FAILED') continue;
			if (entry.submissionFailureReason === 'ThrottlingException') counts.throttled += 1;
			else counts.otherFailures += 1;
		}
	}
	return counts;
}

describe('a batch alone with the quota is never throttled (SDK over HTTP)', () => {
	it('submits every run of a lone batch whose submitRate is above the quota without a ThrottlingException', async () => {
		const emulator = await startEmulator({
			clock: 'manual',
			startTime: START,
			seed: 7,
			scenario: {
				account: {startRunTps: QUOTA},
				defaults: {submitRate: 1000, durations: FAST},
				batches: [{totalRuns: 2000}],
			},
		});
		try {
			const client = omicsClient(emulator.url);
			emulator.advance(600); // 2000 runs at 4/s take 500 s
			const entries = await throttledEntries(client, emulator.batchIds[0] ?? '');
			expect(entries.attempted).toBe(2000);
			expect(entries.throttled).toBe(0);
			expect(entries.otherFailures).toBe(0);
		} finally {
			await emulator.stop();
		}
	});
});
