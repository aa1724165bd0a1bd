import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	CloudWatchLogsClient,
	DescribeLogStreamsCommand,
	type DescribeLogStreamsCommandOutput,
	FilterLogEventsCommand,
	GetLogEventsCommand,
	type FilteredLogEvent,
	type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import {
	GetRunCommand,
	GetRunTaskCommand,
	ListRunTasksCommand,
	ListRunsInBatchCommand,
	type OmicsClient,
} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator, type Scenario} from '../../../source/emulator/index.js';
import {omicsClient, rejectionOf} from '../../helpers/omics-test-client.js';

const START = Date.parse('2026-11-01T12:00:00Z');
const GROUP = '/aws/omics/WorkflowLog';
const SCENARIO: Scenario = {
	defaults: {submitRate: 20, durations: {pending: [1, 5], starting: [5, 20], running: [1200, 2400]}},
	batches: [{name: 'logs', totalRuns: 30, createdAgo: 0, runFailureShare: 0.4, submissionFailureShare: 0}],
};

function logsClient(url: string): CloudWatchLogsClient {
	return new CloudWatchLogsClient({
		endpoint: url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'},
		maxAttempts: 1,
	});
}

/** Reads a whole stream a page at a time, forwards from the head, until the token comes back unchanged. */
async function readForward(
	logs: CloudWatchLogsClient,
	logStreamName: string,
	limit = 7,
): Promise<OutputLogEvent[]> {
	const events: OutputLogEvent[] = [];
	let token: string | undefined;
	for (let page = 0; page < 1000; page += 1) {
		const answer = await logs.send(
			new GetLogEventsCommand({
				logGroupName: GROUP,
				logStreamName,
				startFromHead: true,
				limit,
				nextToken: token,
			}),
		);
		events.push(...(answer.events ?? []));
		if (answer.nextForwardToken === token) return events;
		token = answer.nextForwardToken;
	}
	throw new Error('the forward token never repeated');
}

describe('CloudWatch Logs through the SDK', () => {
	let emulator: Emulator;
	let omics: OmicsClient;
	let logs: CloudWatchLogsClient;
	let runs: string[];

	beforeAll(async () => {
		emulator = await startEmulator({clock: 'manual', startTime: START, seed: 11, scenario: SCENARIO});
		omics = omicsClient(emulator.url);
		logs = logsClient(emulator.url);
		emulator.advance(900);
		const page = await omics.send(new ListRunsInBatchCommand({batchId: emulator.batchIds[0] ?? ''}));
		runs = (page.runs ?? []).flatMap((run) => (run.runId ? [run.runId] : []));
	});
	afterAll(async () => emulator.stop());

	it('GetLogEvents pages forwards and backwards with no repeats or skips, and defaults to the tail', async () => {
		const stream = `run/${runs[0] ?? ''}/engine`;
		const whole = await logs.send(
			new GetLogEventsCommand({logGroupName: GROUP, logStreamName: stream, startFromHead: true}),
		);
		const all = whole.events ?? [];
		expect(all.length).toBeGreaterThan(5);
		expect(all[0]?.message).toMatch(/N E X T F L O W/);
		for (const event of all) expect(event.ingestionTime).toBeGreaterThanOrEqual(event.timestamp ?? 0);
		expect(await readForward(logs, stream, 3)).toEqual(all);

		const tail = await logs.send(
			new GetLogEventsCommand({logGroupName: GROUP, logStreamName: stream, limit: 4}),
		);
		expect(tail.events).toEqual(all.slice(-4));
		// Backwards from the tail, page by page, until the backward token comes back unchanged.
		const backwards: OutputLogEvent[][] = [tail.events ?? []];
		let token = tail.nextBackwardToken;
		for (;;) {
			const page = await logs.send(
				new GetLogEventsCommand({logGroupName: GROUP, logStreamName: stream, limit: 4, nextToken: token}),
			);
			if (page.nextBackwardToken === token) {
				expect(page.events).toEqual([]);
				break;
			}
			backwards.unshift(page.events ?? []);
			token = page.nextBackwardToken;
		}
		expect(backwards.flat()).toEqual(all);
	});

	it('startTime is inclusive and endTime exclusive', async () => {
		const stream = `run/${runs[0] ?? ''}/run`;
		const all = await readForward(logs, stream, 100);
		const from = all[2]?.timestamp ?? 0;
		const to = all.at(-2)?.timestamp ?? 0;
		const ranged = await logs.send(
			new GetLogEventsCommand({
				logGroupName: GROUP,
				logStreamName: stream,
				startFromHead: true,
				startTime: from,
				endTime: to,
			}),
		);
		expect(ranged.events).toEqual(
			all.filter((event) => (event.timestamp ?? 0) >= from && (event.timestamp ?? 0) < to),
		);
	});

	it('running task logs grow with virtual time, and the forward token picks up exactly the new lines', async () => {
		const streams: string[] = [];
		for (const id of runs) {
			const tasks = await omics.send(new ListRunTasksCommand({id, status: 'RUNNING'}));
			for (const task of tasks.items ?? []) streams.push(`run/${id}/task/${task.taskId ?? ''}`);
		}
		expect(streams.length).toBeGreaterThan(3);
		const before = await Promise.all(
			streams.map((stream) =>
				logs.send(new GetLogEventsCommand({logGroupName: GROUP, logStreamName: stream, startFromHead: true})),
			),
		);
		for (const page of before)
			for (const event of page.events ?? []) expect(event.timestamp).toBeLessThanOrEqual(emulator.now());
		emulator.advance(60);
		let grown = 0;
		for (const [position, stream] of streams.entries()) {
			const earlier = before[position];
			const now = await readForward(logs, stream, 100);
			expect(now.slice(0, earlier?.events?.length ?? 0)).toEqual(earlier?.events);
			const fresh = await logs.send(
				new GetLogEventsCommand({
					logGroupName: GROUP,
					logStreamName: stream,
					startFromHead: true,
					nextToken: earlier?.nextForwardToken,
				}),
			);
			expect(fresh.events).toEqual(now.slice(earlier?.events?.length ?? 0));
			if ((fresh.events?.length ?? 0) > 0) grown += 1;
			for (const event of now) expect(event.timestamp).toBeLessThanOrEqual(emulator.now());
		}
		expect(grown).toBeGreaterThan(0);
	});

	it('the engine log narrates task starts and ends; a failed task log ends with the error its failureReason summarises', async () => {
		emulator.advance(3600);
		let failedSeen = 0;
		for (const id of runs) {
			const run = await omics.send(new GetRunCommand({id}));
			const engine = (await readForward(logs, `run/${id}/engine`, 50)).map((event) => event.message ?? '');
			const tasks = (await omics.send(new ListRunTasksCommand({id}))).items ?? [];
			for (const task of tasks.filter((candidate) => candidate.startTime)) {
				expect(
					engine.some((line) => line.includes(`Submitted process > ${task.name} (${task.taskId})`)),
				).toBe(true);
				if (task.status === 'COMPLETED')
					expect(
						engine.some((line) => line.includes(`Completed process > ${task.name} (${task.taskId})`)),
					).toBe(true);
			}
			if (run.status !== 'FAILED') continue;
			failedSeen += 1;
			const failed = tasks.find((task) => task.status === 'FAILED');
			const detail = await omics.send(new GetRunTaskCommand({id, taskId: failed?.taskId ?? ''}));
			const stream = detail.logStream?.split(':log-stream:')[1] ?? '';
			expect(stream).toBe(`run/${id}/task/${detail.taskId}`);
			const taskLog = await readForward(logs, stream, 200);
			const last = taskLog.at(-1);
			expect(last?.timestamp).toBe(detail.stopTime?.getTime());
			const detailText = /: (.*)$/.exec(detail.statusMessage ?? '')?.[1] ?? detail.statusMessage ?? '';
			expect(last?.message).toContain(detailText);
			expect(
				engine.some((line) => line.includes(`Error executing process > '${detail.name} (${detail.taskId})'`)),
			).toBe(true);
		}
		expect(failedSeen).toBeGreaterThan(0);
	});

	it("FilterLogEvents matches terms across a run's streams, pages without repeats, and honours names and times", async () => {
		const id = runs[2] ?? '';
		const prefix = `run/${id}/`;
		const everything: FilteredLogEvent[] = [];
		let token: string | undefined;
		do {
			const page = await logs.send(
				new FilterLogEventsCommand({
					logGroupName: GROUP,
					logStreamNamePrefix: prefix,
					limit: 4,
					nextToken: token,
				}),
			);
			everything.push(...(page.events ?? []));
			// Deprecated since 15 May 2020: the service answers an empty list.
			expect(page.searchedLogStreams).toEqual([]);
			token = page.nextToken;
		} while (token);
		expect(new Set(everything.map((event) => event.eventId)).size).toBe(everything.length);
		const streams = new Set(everything.map((event) => event.logStreamName));
		expect(streams.has(`${prefix}engine`)).toBe(true);
		expect(streams.has(`${prefix}run`)).toBe(true);
		const times = everything.map((event) => event.timestamp ?? 0);
		expect(times).toEqual([...times].sort((a, b) => a - b));

		const term = await logs.send(
			new FilterLogEventsCommand({
				logGroupName: GROUP,
				logStreamNamePrefix: prefix,
				filterPattern: 'status RUNNING',
			}),
		);
		expect(term.events?.length).toBeGreaterThan(0);
		expect(
			term.events?.every((event) => event.message?.includes('status') && event.message.includes('RUNNING')),
		).toBe(true);
		expect(term.events?.length).toBe(
			everything.filter((event) => event.message?.includes('status') && event.message.includes('RUNNING'))
				.length,
		);
		const excluded = await logs.send(
			new FilterLogEventsCommand({
				logGroupName: GROUP,
				logStreamNamePrefix: prefix,
				filterPattern: 'status -Task',
			}),
		);
		expect(excluded.events?.every((event) => !event.message?.includes('Task'))).toBe(true);

		const named = await logs.send(
			new FilterLogEventsCommand({logGroupName: GROUP, logStreamNames: [`${prefix}run`]}),
		);
		expect(new Set(named.events?.map((event) => event.logStreamName))).toEqual(new Set([`${prefix}run`]));
		const from = times[3] ?? 0;
		const to = times.at(-3) ?? 0;
		const ranged = await logs.send(
			new FilterLogEventsCommand({
				logGroupName: GROUP,
				logStreamNamePrefix: prefix,
				startTime: from,
				endTime: to,
			}),
		);
		expect(ranged.events?.map((event) => event.eventId)).toEqual(
			everything
				.filter((event) => (event.timestamp ?? 0) >= from && (event.timestamp ?? 0) <= to)
				.map((event) => event.eventId),
		);
	});

	it('DescribeLogStreams lists by name with a prefix and pages, or by last event time', async () => {
		const id = runs[0] ?? '';
		const names: string[] = [];
		let token: string | undefined;
		do {
			const page = await logs.send(
				new DescribeLogStreamsCommand({
					logGroupName: GROUP,
					logStreamNamePrefix: `run/${id}/`,
					limit: 2,
					nextToken: token,
				}),
			);
			names.push(...(page.logStreams ?? []).map((stream) => stream.logStreamName ?? ''));
			token = page.nextToken;
		} while (token);
		expect(names.slice(0, 2)).toEqual([`run/${id}/engine`, `run/${id}/run`]);
		expect(names).toEqual([...names].sort());
		const tasks = (await omics.send(new ListRunTasksCommand({id}))).items ?? [];
		expect(names.slice(2)).toEqual(
			tasks.filter((task) => task.startTime).map((task) => `run/${id}/task/${task.taskId}`),
		);

		const all: string[] = [];
		token = undefined;
		do {
			const page: DescribeLogStreamsCommandOutput = await logs.send(
				new DescribeLogStreamsCommand({logGroupName: GROUP, limit: 50, nextToken: token}),
			);
			all.push(...(page.logStreams ?? []).map((stream) => stream.logStreamName ?? ''));
			token = page.nextToken;
		} while (token);
		expect(new Set(all).size).toBe(all.length);
		expect(all.filter((name) => name.startsWith(`run/${id}/`))).toEqual(names);

		const recent = await logs.send(
			new DescribeLogStreamsCommand({
				logGroupName: GROUP,
				orderBy: 'LastEventTime',
				descending: true,
				limit: 10,
			}),
		);
		const last = (recent.logStreams ?? []).map((stream) => stream.lastEventTimestamp ?? 0);
		expect(last).toHaveLength(10);
		expect(last).toEqual([...last].sort((a, b) => b - a));
		const stream = recent.logStreams?.[0];
		expect(stream?.arn).toBe(
			`arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}:log-stream:${stream?.logStreamName ?? ''}`,
		);
		expect(stream?.firstEventTimestamp).toBeLessThanOrEqual(stream?.lastEventTimestamp ?? 0);
	});

	it("DescribeLogStreams by last event pages through every stream once, in order, with each stream's true last event", async () => {
		type Stream = {name: string; last: number; first: number};
		const pageThrough = async (input: {orderBy?: 'LastEventTime'; descending?: boolean}, limit: number) => {
			const streams: Stream[] = [];
			let token: string | undefined;
			do {
				const page: DescribeLogStreamsCommandOutput = await logs.send(
					new DescribeLogStreamsCommand({logGroupName: GROUP, limit, nextToken: token, ...input}),
				);
				for (const stream of page.logStreams ?? [])
					streams.push({
						name: stream.logStreamName ?? '',
						last: stream.lastEventTimestamp ?? -1,
						first: stream.firstEventTimestamp ?? -1,
					});
				token = page.nextToken;
			} while (token);
			return streams;
		};
		const byName = await pageThrough({}, 50);
		expect(byName.length).toBeGreaterThan(100);
		// A stable sort by last event of the name order is the service's order; descending is its reverse.
		const ascending = [...byName].sort((a, b) => a.last - b.last);
		expect(await pageThrough({orderBy: 'LastEventTime'}, 7)).toEqual(ascending);
		expect(await pageThrough({orderBy: 'LastEventTime', descending: true}, 13)).toEqual(
			[...ascending].reverse(),
		);
		// The times are the lines' own: every stream's first and last event, as GetLogEvents reads them.
		for (const stream of byName) {
			const events = await readForward(logs, stream.name, 10_000);
			expect([stream.first, stream.last], stream.name).toEqual([
				events[0]?.timestamp,
				events.at(-1)?.timestamp,
			]);
		}
	});

	it('answers errors in the JSON protocol shape, and faults and stats see the Logs operations', async () => {
		const noGroup = await rejectionOf(
			logs.send(new GetLogEventsCommand({logGroupName: '/aws/omics/Other', logStreamName: 'x'})),
		);
		expect(noGroup.name).toBe('ResourceNotFoundException');
		expect(noGroup.$metadata?.httpStatusCode).toBe(400);
		expect(noGroup.message).toBe('The specified log group does not exist.');
		const noStream = await rejectionOf(
			logs.send(new GetLogEventsCommand({logGroupName: GROUP, logStreamName: 'run/1/engine'})),
		);
		expect(noStream.name).toBe('ResourceNotFoundException');
		expect(noStream.message).toBe('The specified log stream does not exist.');
		const byArn = await logs.send(
			new GetLogEventsCommand({
				logGroupIdentifier: `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}`,
				logStreamName: `run/${runs[0] ?? ''}/run`,
				limit: 1,
			}),
		);
		expect(byArn.events).toHaveLength(1);
		for (const bad of [
			new GetLogEventsCommand({logGroupName: GROUP, logStreamName: `run/${runs[0] ?? ''}/run`, limit: 0}),
			new GetLogEventsCommand({
				logGroupName: GROUP,
				logStreamName: `run/${runs[0] ?? ''}/run`,
				nextToken: 'f/xyz',
			}),
			new FilterLogEventsCommand({logGroupName: GROUP, logStreamNames: ['a'], logStreamNamePrefix: 'run/'}),
			new FilterLogEventsCommand({logGroupName: GROUP, nextToken: 'forged'}),
			new DescribeLogStreamsCommand({
				logGroupName: GROUP,
				orderBy: 'LastEventTime',
				logStreamNamePrefix: 'run/',
			}),
			new DescribeLogStreamsCommand({logGroupName: GROUP, limit: 51}),
			new DescribeLogStreamsCommand({logGroupName: GROUP, limit: 0}),
			new FilterLogEventsCommand({logGroupName: GROUP, limit: 0}),
			new FilterLogEventsCommand({logGroupName: GROUP, limit: 10_001}),
			new GetLogEventsCommand({
				logGroupName: GROUP,
				logStreamName: `run/${runs[0] ?? ''}/run`,
				limit: 10_001,
			}),
		]) {
			const error = await rejectionOf(logs.send(bad as never));
			expect(error.name).toBe('InvalidParameterException');
			expect(error.$metadata?.httpStatusCode).toBe(400);
		}

		const raw = await fetch(`${emulator.url}/`, {
			method: 'POST',
			headers: {'x-amz-target': 'Logs_20140328.GetLogEvents', 'content-type': 'application/x-amz-json-1.1'},
			body: JSON.stringify({logGroupName: GROUP, logStreamName: 'nope'}),
		});
		expect(raw.status).toBe(400);
		expect(raw.headers.get('content-type')).toBe('application/x-amz-json-1.1');
		expect(await raw.json()).toEqual({
			__type: 'ResourceNotFoundException',
			message: 'The specified log stream does not exist.',
		});

		// A body CloudWatch Logs cannot parse is a SerializationException, in the same JSON error shape.
		for (const body of ['{"logGroupName": ', 'not json']) {
			const unparsable = await fetch(`${emulator.url}/`, {
				method: 'POST',
				headers: {'x-amz-target': 'Logs_20140328.GetLogEvents', 'content-type': 'application/x-amz-json-1.1'},
				body,
			});
			expect(unparsable.status).toBe(400);
			expect(unparsable.headers.get('content-type')).toBe('application/x-amz-json-1.1');
			expect(((await unparsable.json()) as {__type: string}).__type).toBe('SerializationException');
		}

		emulator.setFaults({GetLogEvents: {throttle: 1}});
		try {
			const throttled = await rejectionOf(
				logs.send(new GetLogEventsCommand({logGroupName: GROUP, logStreamName: `run/${runs[0] ?? ''}/run`})),
			);
			expect(throttled.name).toBe('ThrottlingException');
		} finally {
			emulator.setFaults({});
		}
		const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
			byOperation: Record<string, {byStatus: Record<string, number>}>;
		};
		expect(stats.byOperation['GetLogEvents']?.byStatus['200']).toBeGreaterThan(0);
		expect(stats.byOperation['GetLogEvents']?.byStatus['400']).toBeGreaterThan(0);
		expect(stats.byOperation['FilterLogEvents']?.byStatus['200']).toBeGreaterThan(0);
		expect(stats.byOperation['DescribeLogStreams']?.byStatus['200']).toBeGreaterThan(0);
	});

	it('the same seed gives the same lines', async () => {
		const twin = await startEmulator({clock: 'manual', startTime: START, seed: 11, scenario: SCENARIO});
		try {
			twin.advance((emulator.now() - twin.now()) / 1000);
			const stream = `run/${runs[4] ?? ''}/engine`;
			expect(await readForward(logsClient(twin.url), stream, 100)).toEqual(
				await readForward(logs, stream, 100),
			);
		} finally {
			await twin.stop();
		}
	});
});
