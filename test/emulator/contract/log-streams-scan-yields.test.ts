import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator, type Scenario} from '../../../source/emulator/index.js';

// DescribeLogStreams by LastEventTime scans every live run of the account (~40 µs each): the scan must let
// other requests through while it runs, and end when its caller goes. Proven by order of completion only.
const START = Date.parse('2026-11-01T12:00:00Z');
const SCENARIO: Scenario = {
	account: {startRunTps: 100_000},
	defaults: {
		submitRate: 10_000,
		durations: {pending: [1, 2], starting: [1, 2], running: [100_000, 200_000]},
	},
	// Every run is live at the read, so the walk cannot stop early: thousands of runs to look at.
	batches: [{name: 'busy', totalRuns: 20_000, runFailureShare: 0, submissionFailureShare: 0}],
};
const GROUP = '/aws/omics/WorkflowLog';

function describeByLastEvent(url: string, signal?: AbortSignal): Promise<Response> {
	return fetch(`${url}/`, {
		method: 'POST',
		headers: {
			'x-amz-target': 'Logs_20140328.DescribeLogStreams',
			'content-type': 'application/x-amz-json-1.1',
		},
		body: JSON.stringify({logGroupName: GROUP, orderBy: 'LastEventTime', descending: true, limit: 5}),
		...(signal ? {signal} : {}),
	});
}

describe('DescribeLogStreams by LastEventTime on a big account', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({clock: 'manual', startTime: START, seed: 3, scenario: SCENARIO});
		emulator.advance(600);
		// The batch's own catch-up is done before the scan is timed against other requests.
		await fetch(`${emulator.url}/__emulator/stats`);
		await fetch(`${emulator.url}/runBatch/${emulator.batchIds[0] ?? ''}`, {
			headers: {authorization: 'x'},
		});
	});
	afterAll(async () => {
		await emulator.stop();
	});

	it('answers /__emulator/stats and GetBatch sent during the scan before the scan ends', async () => {
		const finished: string[] = [];
		const scan = describeByLastEvent(emulator.url).then(async (answer) => {
			finished.push('scan');
			return (await answer.json()) as {logStreams: Array<{logStreamName: string}>};
		});
		// Sent once the scan has begun (its request is on the wire first, on its own connection).
		await new Promise((resolve) => setTimeout(resolve, 20));
		const stats = fetch(`${emulator.url}/__emulator/stats`).then(() => finished.push('stats'));
		const batch = fetch(`${emulator.url}/runBatch/${emulator.batchIds[0] ?? ''}`, {
			headers: {authorization: 'x'},
		}).then(() => finished.push('GetBatch'));
		const [page] = await Promise.all([scan, stats, batch]);
		expect(finished.indexOf('scan')).toBe(2);
		expect(page.logStreams).toHaveLength(5);
	});

	it('gives the same page as before the scan was sliced', async () => {
		const first = (await (await describeByLastEvent(emulator.url)).json()) as unknown;
		const again = (await (await describeByLastEvent(emulator.url)).json()) as unknown;
		expect(again).toEqual(first);
	});

	it('ends the scan when its caller goes away, and keeps serving', async () => {
		const controller = new AbortController();
		const gone = describeByLastEvent(emulator.url, controller.signal).catch((error: unknown) => error);
		await new Promise((resolve) => setTimeout(resolve, 20));
		controller.abort();
		expect(await gone).toBeInstanceOf(Error);
		// The abandoned scan stops at its next slice and is counted as refused (400), never answered (200).
		const describeStatuses = async (): Promise<Record<string, number>> => {
			const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
				byOperation: Record<string, {byStatus: Record<string, number>}>;
			};
			return stats.byOperation['DescribeLogStreams']?.byStatus ?? {};
		};
		let statuses = await describeStatuses();
		for (let poll = 0; poll < 200 && statuses['400'] === undefined; poll += 1) {
			await new Promise((resolve) => setTimeout(resolve, 10));
			statuses = await describeStatuses();
		}
		expect(statuses).toEqual({'200': 3, '400': 1});
	});
});
