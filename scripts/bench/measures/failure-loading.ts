// 5c/5d: failure loading on the demo at default settings. The emulator runs at SPEED until the largest
// failing batch has WANTED_FAILURES (the failures happen over the demo's hour); batchtop's budgets and
// intervals are its defaults, in real time. The poller the monitor runs (real SDK, real
// HTTP) watches the demo emulator; opening a batch's detail pane calls loadFailures (useLazyFailures), so
// this does the same for the batch with the most failures and times the first failure groups. Then it
// reads the emulator's request counters and sets each operation's observed rate beside its budget.
import {createBatchApi} from '../../../source/omics/batch-api.js';
import {createOmicsClient} from '../../../source/omics/omics-client.js';
import {BatchPoller} from '../../../source/poller/batch-poller.js';
import {defaultBudgets, burstOf, type Operation} from '../../../source/poller/operation-budgets.js';
import type {PollerSnapshot} from '../../../source/poller/poller-state.js';
import {defaultSettings} from '../../../source/cli/settings.js';
import {startEmulatorProcess} from '../lib/emulator-process.js';

export interface OperationUse {
	readonly operation: Operation;
	readonly requests: number;
	/** The most the budget allows over the measured span: burst + rate × seconds. */
	readonly allowed: number;
	readonly budgetPerSecond: number;
}

export interface FailureLoading {
	/** From loadFailures to the first snapshot holding failure groups, ms. */
	readonly firstGroupsMs: number;
	/** From loadFailures to every failure listed, ms (undefined when not within the measured span). */
	readonly allGroupedMs?: number;
	readonly failed: number;
	readonly batchName: string;
	readonly seconds: number;
	readonly operations: readonly OperationUse[];
}

const MEASURED_S = 60;
/** The emulator runs this much faster than the wall clock until the demo's big batch has failures to show; batchtop's own pace is real time. */
const SPEED = 50;
/** Failures the largest failing batch should have before the pane opens (the demo's wgs cohort gets there). */
const WANTED_FAILURES = 500;
const WAIT_S = 240;
const emulatorName: Record<string, Operation | undefined> = {
	GetBatch: 'GetBatch',
	ListBatch: 'ListBatch',
	ListRunsInBatch: 'ListRunsInBatch',
	ListRuns: 'ListRuns',
	GetRun: 'GetRun',
};

/** Watches the demo with the monitor's defaults, opens the largest failing batch's failures and measures them. */
export async function failureLoading(): Promise<FailureLoading> {
	const emulator = await startEmulatorProcess(['--scenario', 'demo', '--speed', String(SPEED)]);
	const settings = defaultSettings(true);
	const api = createBatchApi(
		createOmicsClient({
			endpointUrl: emulator.url,
			region: 'us-east-1',
			credentials: {accessKeyId: 'demo', secretAccessKey: 'demo'},
			direct: true,
			requestTimeoutMs: settings.requestTimeout,
		}),
		{deadlineMs: settings.requestTimeout},
	);
	const poller = new BatchPoller({
		api,
		interval: settings.interval,
		maxRequestsPerSecond: settings.maxRps,
		discovery: {filter: {}, includeFinished: true, intervalMs: 30_000},
	});
	try {
		const started = Date.now();
		poller.start();
		const snapshots: PollerSnapshot[] = [];
		poller.subscribe((snapshot) => snapshots.push(snapshot));
		// Every batch read once: then the largest failing one is known, as the user sees the list.
		let largest: {id: string; failed: number; name: string} | undefined;
		while (Date.now() - started < WAIT_S * 1000) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			const batches = poller.snapshot().batches;
			if (batches.length === 0 || batches.some((batch) => !batch.view)) continue;
			largest = undefined;
			for (const batch of batches) {
				const failed = (batch.view?.runs.failed ?? 0) + (batch.view?.submissions.failed ?? 0);
				if (!largest || failed > largest.failed)
					largest = {id: batch.id, failed, name: batch.view?.label ?? batch.id};
			}
			if ((largest?.failed ?? 0) >= WANTED_FAILURES) break;
		}
		if (!largest || largest.failed === 0) throw new Error('the demo has no failing batch');
		const before = await emulator.get<{byOperation: Record<string, {total: number}>}>('stats');
		const opened = Date.now();
		poller.loadFailures(largest.id);
		let firstGroupsMs: number | undefined;
		let allGroupedMs: number | undefined;
		while (Date.now() - opened < MEASURED_S * 1000) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			const failures = poller.snapshot().batches.find((batch) => batch.id === largest.id)?.failures;
			const groups = (failures?.runs.groups.length ?? 0) + (failures?.submissions.groups.length ?? 0);
			if (firstGroupsMs === undefined && groups > 0) firstGroupsMs = Date.now() - opened;
			if (allGroupedMs === undefined && failures && !failures.loading && failures.runs.complete)
				allGroupedMs = Date.now() - opened;
		}
		const seconds = (Date.now() - opened) / 1000;
		const after = await emulator.get<{byOperation: Record<string, {total: number}>}>('stats');
		const rates = defaultBudgets(settings.maxRps);
		const operations: OperationUse[] = [];
		for (const [name, counts] of Object.entries(after.byOperation)) {
			const operation = emulatorName[name];
			if (!operation) continue;
			const requests = counts.total - (before.byOperation[name]?.total ?? 0);
			operations.push({
				operation,
				requests,
				budgetPerSecond: rates[operation],
				allowed: burstOf(operation, rates[operation]) + rates[operation] * seconds,
			});
		}
		return {
			firstGroupsMs: firstGroupsMs ?? Number.POSITIVE_INFINITY,
			...(allGroupedMs === undefined ? {} : {allGroupedMs}),
			failed: largest.failed,
			batchName: largest.name,
			seconds,
			operations,
		};
	} finally {
		poller.stop();
		await emulator.stop();
	}
}
