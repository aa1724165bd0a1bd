import {afterEach, describe, expect, it} from 'vitest';
import {startEmulator} from '../../source/emulator/index.js';
import {createOmicsClient} from '../../source/omics/omics-client.js';
import {createBatchApi} from '../../source/omics/batch-api.js';
import {BatchPoller} from '../../source/poller/batch-poller.js';
import type {PollerEvent} from '../../source/poller/poller-state.js';
import type {Scenario} from '../../source/emulator/index.js';
import {waitFor} from '../helpers/wait-for.js';

// Time is scaled: the emulator runs SPEED× faster than the wall clock and the poller's intervals are
// divided by SPEED, so "5 s" below means 5 virtual seconds.
const SPEED = 60;
const scaled = (virtualMs: number) => virtualMs / SPEED;
const interval = {minMs: scaled(5_000), maxMs: scaled(60_000)};
const credentials = {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret'};

/** Every fate, lives of a few virtual minutes, and long quiet stretches (runs take 8-10 minutes). */
const SCENARIO: Scenario = {
	seed: 11,
	// Ample: the seven batches submit at their own 5/s, as the timings below assume.
	account: {startRunTps: 100},
	defaults: {
		submitRate: 5,
		durations: {
			creating: [1, 2],
			validating: [2, 4],
			pending: [5, 10],
			starting: [10, 20],
			running: [480, 600],
			stopping: [5, 20],
		},
	},
	batches: [
		{name: 'finished-already', totalRuns: 20, createdAgo: 7200},
		{name: 'clean', totalRuns: 40},
		{name: 'run-failures', totalRuns: 60, runFailureShare: 0.2},
		{name: 'submission-failures', totalRuns: 50, submissionFailureShare: 0.2},
		{name: 'cancelled', totalRuns: 40, actions: [{at: 60, do: 'cancel'}]},
		{name: 'batch-failed', totalRuns: 400, actions: [{at: 30, do: 'fail', reason: 'ETag changed'}]},
		{name: 'runs-deleted', totalRuns: 30, actions: [{at: 0, do: 'deleteRuns'}]},
	],
};

interface EmulatorBatches {
	batches: Array<{id: string; name: string; status: string; history: Array<{status: string}>}>;
}
interface Stats {
	byOperation: Record<string, {total: number; byStatus: Record<string, number>}>;
}

describe('poller against the emulator (real SDK over HTTP)', () => {
	const cleanup: Array<() => unknown> = [];
	afterEach(async () => {
		for (const step of cleanup.splice(0).reverse()) await step();
	});

	async function setUp(options: {port?: number; maxRequestsPerSecond?: number; extraIds?: string[]} = {}) {
		const emulator = await startEmulator({
			scenario: SCENARIO,
			speed: SPEED,
			...(options.port ? {port: options.port} : {}),
		});
		cleanup.push(() => emulator.stop());
		const api = createBatchApi(
			createOmicsClient({
				endpointUrl: emulator.url,
				region: 'us-east-1',
				credentials,
				requestTimeoutMs: 2_000,
			}),
		);
		const poller = new BatchPoller({
			api,
			batchIds: [...emulator.batchIds, ...(options.extraIds ?? [])],
			interval,
			maxRequestsPerSecond: options.maxRequestsPerSecond ?? 2 * SPEED,
		});
		const events: PollerEvent[] = [];
		poller.subscribe((_snapshot, batch) => events.push(...batch));
		cleanup.push(() => poller.stop());
		return {emulator, poller, events};
	}

	it('follows every batch to its end with fewer requests than fixed 5 s polling, seeing every terminal status', async () => {
		const {emulator, poller, events} = await setUp();
		const started = Date.now();
		poller.start();
		await waitFor(
			() => poller.snapshot().batches.every((batch) => batch.done),
			'every batch to be done',
			40_000,
		);
		const elapsed = Date.now() - started;
		const truth = (await (await fetch(`${emulator.url}/__emulator/batches`)).json()) as EmulatorBatches;
		const seen = new Map(poller.snapshot().batches.map((batch) => [batch.id, batch.view?.status]));
		for (const batch of truth.batches) expect(seen.get(batch.id), batch.name).toBe(batch.status);
		expect([...seen.values()].sort()).toEqual([
			'CANCELLED',
			'FAILED',
			'PROCESSED',
			'PROCESSED',
			'PROCESSED',
			'PROCESSED',
			'RUNS_DELETED',
		]);
		// Every batch that ended while watched announced it.
		const finished = new Set(
			events
				.filter((event) => event.type === 'batch-finished')
				.map((event) => ('id' in event ? event.id : '')),
		);
		expect(finished.size).toBe(6);

		const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as Stats;
		const requests = stats.byOperation['GetBatch']?.total ?? 0;
		const fixedPoller = SCENARIO.batches.length * Math.floor(elapsed / scaled(5_000));
		expect(requests).toBeLessThan(fixedPoller * 0.5);
	});

	it('survives 50% throttling without a crash and stays under its budget', async () => {
		const {emulator, poller} = await setUp({maxRequestsPerSecond: 20});
		emulator.setFaults({GetBatch: {throttle: 0.5, retryAfter: 0}});
		await fetch(`${emulator.url}/__emulator/stats/reset`, {method: 'POST'});
		const started = Date.now();
		poller.start();
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		// Every batch gets through in the end; how soon depends on the draws and on the machine's load.
		await waitFor(
			() => poller.snapshot().batches.every((batch) => batch.view !== undefined),
			'a view of every batch despite the throttling',
			20_000,
		);
		const elapsedSeconds = (Date.now() - started) / 1000;
		const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as Stats;
		const getBatch = stats.byOperation['GetBatch'];
		expect(getBatch?.byStatus['429']).toBeGreaterThan(5);
		expect(getBatch?.byStatus['200']).toBeGreaterThan(5);
		expect(getBatch?.total ?? 0).toBeLessThanOrEqual(20 * elapsedSeconds + 20);
	});

	it('recovers by itself when the emulator stops and comes back mid-run', async () => {
		const first = await setUp();
		const port = Number(new URL(first.emulator.url).port);
		first.poller.start();
		await waitFor(() => first.poller.snapshot().batches.every((batch) => batch.view), 'first views');
		await first.emulator.stop();
		await waitFor(
			() => first.poller.snapshot().batches.some((batch) => batch.lastError?.kind === 'unavailable'),
			'the outage to be noticed',
		);
		const downAt = Date.now();
		const again = await startEmulator({scenario: SCENARIO, speed: SPEED, port});
		cleanup.push(() => again.stop());
		await waitFor(
			() =>
				first.poller
					.snapshot()
					.batches.filter((batch) => !batch.done)
					.every((batch) => !batch.lastError && (batch.lastUpdated ?? 0) > downAt),
			'every live batch to update again',
			20_000,
		);
	});

	it('marks an unknown batch id while the others keep updating', async () => {
		const {poller} = await setUp({extraIds: ['9999999']});
		poller.start();
		const unknown = await waitFor(
			() => poller.snapshot().batches.find((batch) => batch.id === '9999999' && batch.lastError),
			'the 404',
		);
		expect(unknown.lastError?.kind).toBe('not-found');
		expect(unknown.lastError?.requestId).toMatch(/^[0-9a-f-]{36}$/);
		const clean = () => poller.snapshot().batches.find((batch) => batch.view?.name === 'clean');
		const before = clean()?.lastUpdated ?? 0;
		await waitFor(() => (clean()?.lastUpdated ?? 0) > before, 'the others to keep updating');
		expect(poller.snapshot().batches.filter((batch) => batch.view).length).toBe(SCENARIO.batches.length);
	});
});
