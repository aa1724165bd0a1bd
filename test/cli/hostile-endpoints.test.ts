import {spawn, execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {BURST_SECONDS} from '../../source/poller/request-budget.js';
import {
	escapeForReport,
	HOSTILE_HEADER_TYPE,
	HOSTILE_STRING,
	hostileBatch,
	startHostileService,
	unsafeOutput,
	validBatch,
	type Answer,
	type HostileService,
	type Operation,
	type Script,
} from '../helpers/hostile-service.js';
import {CLI, cliEnv, runCli, type CliResult} from '../helpers/run-cli.js';
import {BatchRecordSchema, parseEvents} from './ndjson-schema.js';

// The built CLI (dist/cli.js, over the real SDK and real HTTP) against a hostile fake HealthOmics
// (test/helpers/hostile-service.ts). Covers: no untrusted byte reaching stdout, stderr or the --log file in
// any mode; hung, dripping and half-answered calls ending at --request-timeout; a keep-alive socket closed
// by the server retried at once; at most 50 requests in flight; --max-rps holding, burst included; errors
// never silent and exit codes that say what happened (403, 500, unparseable answers, 404, a body naming
// another batch, absurd numbers); ListBatch paging that loops; a closed stdout (| head); unusable --log.

const ENV = cliEnv();
const at = (url: string, ...rest: string[]): string[] => [
	'--endpoint-url',
	url,
	'--region',
	'us-east-1',
	...rest,
];

interface Timed extends CliResult {
	/** Wall-clock milliseconds from spawn to exit. */
	readonly ms: number;
}

async function timed(args: string[], timeoutMs = 20_000): Promise<Timed> {
	const started = Date.now();
	const result = await runCli(args, {env: ENV, timeoutMs});
	return {...result, ms: Date.now() - started};
}

const services: HostileService[] = [];
async function service(scripts: Partial<Record<Operation, Script>> = {}): Promise<HostileService> {
	const started = await startHostileService(scripts);
	services.push(started);
	return started;
}

/** Output shown in a failure message: escaped (so a failing test cannot attack the log) and bounded. */
const shown = (text: string, max = 3000): string => escapeForReport(text.slice(0, max));

const STACK_TRACE = /^\s+at /m;

const idOf = (request: {params: Readonly<Record<string, string>>}): string => request.params['batchId'] ?? '';

/** A batch that has finished: PROCESSED, all ten runs completed. */
function processedBatch(id: string, overrides: Record<string, unknown> = {}) {
	return validBatch(id, {
		status: 'PROCESSED',
		runSummary: {
			pendingRunCount: 0,
			startingRunCount: 0,
			runningRunCount: 0,
			stoppingRunCount: 0,
			completedRunCount: 10,
			deletedRunCount: 0,
			failedRunCount: 0,
			cancelledRunCount: 0,
		},
		processedTime: '2026-07-20T09:00:00.000Z',
		...overrides,
	});
}

/** Every string in a decoded JSON value, object keys included, with where it was. */
function stringsIn(value: unknown, path: string, out: Array<[string, string]>): Array<[string, string]> {
	if (typeof value === 'string') out.push([path, value]);
	else if (Array.isArray(value)) value.forEach((entry, index) => stringsIn(entry, `${path}[${index}]`, out));
	else if (typeof value === 'object' && value !== null) {
		for (const [key, entry] of Object.entries(value)) {
			out.push([`${path} key`, key]);
			stringsIn(entry, `${path}.${key}`, out);
		}
	}
	return out;
}

/** NDJSON decoded line by line; what every decoded string holds that must not reach a terminal. */
function unsafeJson(text: string): string[] {
	const found: string[] = [];
	text.split('\n').forEach((line, index) => {
		if (line.trim() === '') return;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			found.push(`line ${index + 1} is not JSON: ${shown(line, 200)}`);
			return;
		}
		for (const [path, string] of stringsIn(value, '$', [])) {
			for (const problem of unsafeOutput(string, {allowSgr: false}))
				found.push(`line ${index + 1} ${escapeForReport(path)}: ${problem}`);
		}
	});
	return found;
}

const unsafeText = (text: string): string[] => unsafeOutput(text, {allowSgr: false});

/** Why NDJSON text does not match the documented schema (escaped), or undefined when it does. */
function schemaProblem(text: string): string | undefined {
	try {
		parseEvents(text);
		return undefined;
	} catch (error) {
		return escapeForReport(error instanceof Error ? error.message : String(error));
	}
}

describe('batchtop against a hostile HealthOmics endpoint (built CLI)', () => {
	afterEach(async () => {
		for (const started of services.splice(0)) await started.close();
	});

	it('lets no untrusted byte reach stdout, stderr or the --log file, in any mode', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'batchtop-hostile-'));
		const listed = (id: string) => ({
			id,
			name: HOSTILE_STRING,
			status: HOSTILE_STRING,
			workflowId: HOSTILE_STRING,
			totalRuns: 10,
			createdAt: '2026-07-20T08:15:02.417Z',
		});
		const svc = await service({
			GetBatch: (request): Answer => {
				const id = idOf(request);
				if (id === '111') return {kind: 'json', body: hostileBatch('111')};
				// C1 CSI and OSC in x-amzn-ErrorType: Node passes them through to error.name.
				if (id === '222')
					return {kind: 'error', status: 402, type: HOSTILE_HEADER_TYPE, message: HOSTILE_STRING};
				// No header: the whole hostile __type (ESC, OSC 52, ...) becomes error.name.
				return {
					kind: 'error',
					status: 409,
					type: HOSTILE_STRING,
					message: HOSTILE_STRING,
					omitTypeHeader: true,
				};
			},
			// Discovery: hostile names, statuses and workflow ids, plus an entry whose id is the hostile string.
			ListBatch: () => ({
				kind: 'json',
				body: {items: [listed(HOSTILE_STRING), listed('111'), listed('222'), listed('333')]},
			}),
		});
		const ids = ['111', '222', '333'];
		const watch = ['--interval', '0.2:1', '--timeout', '2s', '--stale-timeout', '2s'];
		const modes: Array<{label: string; args: string[]; json: boolean; schema: boolean; log?: string}> = [
			{label: '--plain', args: [...ids, '--plain', ...watch], json: false, schema: false},
			{label: '--json', args: [...ids, '--json', ...watch], json: true, schema: true},
			{label: '--once', args: [...ids, '--once'], json: false, schema: false},
			{label: '--once --json', args: [...ids, '--once', '--json'], json: true, schema: false},
			{
				label: '--plain --log',
				args: [...ids, '--plain', ...watch, '--log', join(dir, 'plain.ndjson')],
				json: false,
				schema: false,
				log: join(dir, 'plain.ndjson'),
			},
			{label: 'discovery --plain', args: ['--plain', ...watch], json: false, schema: false},
			{
				label: 'discovery --json --log',
				args: ['--json', ...watch, '--log', join(dir, 'discovery.ndjson')],
				json: true,
				schema: true,
				log: join(dir, 'discovery.ndjson'),
			},
			{label: 'discovery --once', args: ['--once'], json: false, schema: false},
			{label: 'discovery --once --json', args: ['--once', '--json'], json: true, schema: false},
		];
		const results = await Promise.all(modes.map((mode) => timed(at(svc.url, ...mode.args))));

		modes.forEach((mode, index) => {
			const result = results[index]!;
			const context = `${mode.label}\nstdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
			expect.soft(result.signal, `${context}\nkilled`).toBeNull();
			// The hostile data did reach the output (sanitised), so a clean output means something.
			// Assertions on this output compare escaped text: a failure must not print hostile bytes raw.
			const stdout = escapeForReport(result.stdout);
			for (const id of ids) expect.soft(stdout, `${mode.label}: mentions ${id}`).toContain(id);
			expect.soft(stdout, `${mode.label}: shows the (sanitised) hostile name`).toMatch(/batchx/);
			expect.soft(unsafeText(result.stdout), `${context}\nstdout`).toEqual([]);
			expect.soft(unsafeText(result.stderr), `${context}\nstderr`).toEqual([]);
			if (mode.json) expect.soft(unsafeJson(result.stdout), `${context}\ndecoded stdout`).toEqual([]);
			if (mode.schema) expect.soft(schemaProblem(result.stdout), context).toBeUndefined();
			if (mode.log) {
				const log = readFileSync(mode.log, 'utf8');
				const logContext = `${mode.label} log: ${shown(log)}`;
				expect.soft(log.length, logContext).toBeGreaterThan(0);
				expect.soft(unsafeText(log), logContext).toEqual([]);
				expect.soft(unsafeJson(log), `${logContext}\ndecoded`).toEqual([]);
				expect.soft(schemaProblem(log), logContext).toBeUndefined();
			}
		});
	});

	it('ends a hung, dripping or half-answered call at --request-timeout; other batches stay live', async () => {
		const slowBody = JSON.stringify(validBatch('111')).padEnd(2048, ' ');
		const cases: Array<[string, Answer]> = [
			['hang', {kind: 'hang'}],
			['drip (1 byte per 200 ms of 2 KB)', {kind: 'drip', body: slowBody, everyMs: 200, bytesPerTick: 1}],
			['headers-then-hang', {kind: 'headers-then-hang'}],
		];
		const runs = await Promise.all(
			cases.map(async ([label, answer]) => {
				const svc = await service({
					GetBatch: (request) =>
						idOf(request) === '111' ? answer : {kind: 'json', body: validBatch(idOf(request))},
				});
				// --timeout is only a backstop, so that a watch that never gives up fails with 5 instead of hanging.
				const result = await timed(
					at(
						svc.url,
						'111',
						'222',
						'--plain',
						'--request-timeout',
						'500ms',
						'--stale-timeout',
						'3s',
						'--interval',
						'0.2:1',
						'--timeout',
						'9s',
					),
				);
				const healthyPolls = svc.requests.filter(
					(request) => request.operation === 'GetBatch' && idOf(request) === '222',
				).length;
				return {label, result, healthyPolls};
			}),
		);
		for (const {label, result, healthyPolls} of runs) {
			const context = `${label} (${result.ms} ms)\nstdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
			expect
				.soft(result.stdout, context)
				.toMatch(/^\S+ 111 error: HealthOmics did not answer GetBatch within 0\.5s/m);
			expect.soft(result.stdout, context).toMatch(/^\S+ 222 batch-222 INPROGRESS {2}starts 10\/10/m);
			expect.soft(healthyPolls, `${context}\npolls of the healthy batch`).toBeGreaterThan(1);
			for (const noise of ['[WARN]', 'requestTimeout', '@smithy'])
				expect.soft(result.stdout + result.stderr, `${context}\nSDK noise ${noise}`).not.toContain(noise);
			expect.soft(result.stderr, context).not.toMatch(STACK_TRACE);
			expect.soft({code: result.code, within10s: result.ms < 10_000}, context).toEqual({
				code: 6,
				within10s: true,
			});
		}
	});

	it('retries a request on a keep-alive socket the server had closed, at once and silently', async () => {
		const svc = await service({
			GetBatch: (request, index): Answer =>
				index === 0
					? {kind: 'json-then-close', body: processedBatch(idOf(request))}
					: {kind: 'json', body: processedBatch(idOf(request))},
		});
		const result = await timed(at(svc.url, '111', '--plain', '--wait', '--interval', '0.2:1'));
		const context = `stdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
		expect(result.stdout, context).not.toMatch(/error/i);
		expect(result.stderr, context).toBe('');
		expect(result.code, context).toBe(0);
		expect(result.stdout, context).toMatch(/^exit 0: the batch finished; it succeeded$/m);

		const requests = svc.requests;
		const doomed = requests.findIndex((request) => request.answeredWith === 'doomed');
		const trace = JSON.stringify(
			requests.map((r) => [r.at - (requests[0]?.at ?? 0), r.socketReused, r.answeredWith]),
		);
		expect(doomed, trace).toBeGreaterThan(0);
		const retry = requests[doomed + 1];
		expect(retry, trace).toBeDefined();
		expect(
			{
				sameBatch: idOf(retry!) === idOf(requests[doomed]!),
				freshSocket: !retry!.socketReused,
				soon: retry!.at - requests[doomed]!.at < 100,
			},
			trace,
		).toEqual({sameBatch: true, freshSocket: true, soon: true});
	});

	it('keeps at most 50 requests in flight with 2,000 batches and a generous --max-rps', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		const svc = await service({
			GetBatch: async (request): Promise<Answer> => {
				inFlight += 1;
				maxInFlight = Math.max(maxInFlight, inFlight);
				await new Promise((resolve) => setTimeout(resolve, 150));
				inFlight -= 1;
				return {kind: 'json', body: validBatch(idOf(request))};
			},
		});
		const ids = Array.from({length: 2000}, (_, index) => String(10_000_000 + index));
		const result = await timed(
			at(svc.url, ...ids, '--once', '--json', '--max-rps', '1000', '--request-timeout', '5s'),
			40_000,
		);
		const context = `${result.ms} ms, max in flight ${maxInFlight}\nstderr: ${shown(result.stderr)}`;
		expect(result.code, context).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines, context).toHaveLength(2000);
		const records = lines.map((line) => BatchRecordSchema.parse(JSON.parse(line)));
		expect(new Set(records.map((record) => record.id))).toEqual(new Set(ids));
		expect(svc.count('GetBatch'), context).toBe(2000);
		expect(maxInFlight, context).toBeLessThanOrEqual(50);
	}, 45_000);

	it('never sends more than --max-rps allows, burst included', async () => {
		const svc = await service();
		const ids = Array.from({length: 40}, (_, index) => String(4000 + index));
		const rate = 4;
		const burst = rate * BURST_SECONDS;
		const result = await timed(
			at(svc.url, ...ids, '--plain', '--max-rps', String(rate), '--interval', '0.2:0.5', '--timeout', '6s'),
		);
		expect(result.code, shown(result.stderr)).toBe(5);
		const times = svc.requests.map((request) => request.at);
		const t0 = times[0] ?? 0;
		const perSecond: number[] = [];
		for (const time of times) {
			const second = Math.floor((time - t0) / 1000);
			perSecond[second] = (perSecond[second] ?? 0) + 1;
		}
		const context = `requests per second from the first: ${JSON.stringify(perSecond)}`;
		// 40 batches polled every 0.2-0.5 s want 80-200 requests a second: the budget is what holds them back.
		expect(times.length, context).toBeGreaterThan(burst);
		const violations: string[] = [];
		for (let first = 0; first < times.length; first++) {
			for (let last = first; last < times.length; last++) {
				const seconds = ((times[last] ?? 0) - (times[first] ?? 0)) / 1000;
				const count = last - first + 1;
				if (count > burst + rate * seconds + 1)
					violations.push(`${count} requests in ${seconds.toFixed(3)} s from request ${first}`);
			}
		}
		expect(violations.slice(0, 5), context).toEqual([]);
		const sustained = times.filter((time) => time - t0 >= 3000 && time - t0 < 6000).length;
		expect(sustained, context).toBeLessThanOrEqual(rate * 3 + 1);
	});

	it('ends with 4 and names omics:ListBatch when discovery is refused (--plain and --json)', async () => {
		const svc = await service({
			ListBatch: () => ({
				kind: 'error',
				status: 403,
				type: 'AccessDeniedException',
				message: 'User is not authorized to perform: omics:ListBatch',
			}),
		});
		const [plain, json] = await Promise.all([
			timed(at(svc.url, '--plain', '--stale-timeout', '2s', '--interval', '0.2:1')),
			timed(at(svc.url, '--json', '--stale-timeout', '2s', '--interval', '0.2:1')),
		]);
		const context = (result: Timed) =>
			`${result.ms} ms\nstdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
		for (const result of [plain, json]) {
			expect(result.code, context(result)).toBe(4);
			expect(result.ms, context(result)).toBeLessThan(5000);
			expect(result.stdout + result.stderr, context(result)).toMatch(/access denied.*omics:ListBatch/);
		}
		const errors = parseEvents(json.stdout).filter((event) => event.type === 'error');
		expect(
			errors.map((event) => ('kind' in event ? event.kind : '')),
			context(json),
		).toContain('access-denied');
	});

	it('ends with 6 after --stale-timeout when ListBatch answers 500 forever', async () => {
		const svc = await service({
			ListBatch: () => ({kind: 'error', status: 500, type: 'InternalServerException', message: 'boom'}),
		});
		const result = await timed(at(svc.url, '--plain', '--stale-timeout', '2s', '--interval', '0.2:1'));
		const context = `${result.ms} ms\nstdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
		expect(result.code, context).toBe(6);
		expect(result.ms, context).toBeGreaterThanOrEqual(1900);
		expect(result.ms, context).toBeLessThan(8000);
		expect(result.stdout, context).toMatch(/error \(omics:ListBatch\): HealthOmics unreachable \(HTTP 500\)/);
		expect(svc.count('ListBatch'), context).toBeGreaterThan(1);
	});

	it.each<[string, Answer]>([
		['an epoch-number timestamp', {kind: 'json', body: validBatch('111', {creationTime: 1700000000})}],
		['a garbage timestamp', {kind: 'json', body: validBatch('111', {creationTime: 'yesterday'})}],
		['truncated JSON', {kind: 'raw', body: '{"id":"111","status":"INPR'}],
		['an empty 200 body', {kind: 'raw', body: ''}],
		[
			'an HTML 502',
			{
				kind: 'raw',
				status: 502,
				body: '<html><body>Bad Gateway</body></html>',
				headers: {'content-type': 'text/html'},
			},
		],
	])('treats %s from GetBatch as an error (exit 6), never as status UNKNOWN', async (_label, answer) => {
		const svc = await service({GetBatch: () => answer});
		const [once, plain] = await Promise.all([
			timed(at(svc.url, '111', '--once', '--json')),
			timed(at(svc.url, '111', '--plain', '--stale-timeout', '2s', '--interval', '0.2:1')),
		]);
		const context = (result: Timed) =>
			`${result.ms} ms\nstdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
		expect.soft(once.code, context(once)).toBe(6);
		const rows = once.stdout
			.split('\n')
			.filter((line) => line.trim())
			.map((line) => JSON.parse(line) as {id?: string; status?: unknown; error?: unknown});
		expect
			.soft(rows, context(once))
			.toEqual([{id: '111', status: null, verdict: 'unknown', error: expect.any(String)}]);
		expect.soft(once.stdout, context(once)).not.toContain('UNKNOWN');
		expect.soft(plain.code, context(plain)).toBe(6);
		expect.soft(plain.stdout, context(plain)).toMatch(/^\S+ 111 error: /m);
		expect.soft(plain.stdout, context(plain)).not.toContain('UNKNOWN');
	});

	it('with --wait, an unknown batch ID beside a PROCESSED one exits 2, never "succeeded"', async () => {
		const svc = await service({
			GetBatch: (request): Answer =>
				idOf(request) === '404'
					? {kind: 'error', status: 404, type: 'ResourceNotFoundException', message: 'no such batch'}
					: {kind: 'json', body: processedBatch(idOf(request))},
		});
		const [plain, json] = await Promise.all([
			timed(at(svc.url, '111', '404', '--plain', '--wait', '--interval', '0.2:1')),
			timed(at(svc.url, '111', '404', '--json', '--wait', '--interval', '0.2:1')),
		]);
		const context = (result: Timed) => `stdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
		expect(plain.code, context(plain)).toBe(2);
		const last = plain.stdout.trim().split('\n').at(-1) ?? '';
		expect(last, context(plain)).toMatch(/^exit 2: .*404/);
		expect(last, context(plain)).not.toMatch(/succeeded/);
		expect(plain.stdout, context(plain)).toMatch(/^\S+ 404 error: not found/m);
		expect(json.code, context(json)).toBe(2);
		const summary = parseEvents(json.stdout).at(-1);
		expect(summary?.type, context(json)).toBe('summary');
		expect(summary && 'reason' in summary ? summary.reason : '', context(json)).not.toMatch(/succeeded/);
	});

	it('keeps the asked-for id when the body names another batch, and says so', async () => {
		// Only `id` differs: the name and ARN still say 111, so "999" in the output can only be the anomaly.
		const svc = await service({
			GetBatch: (request) => ({kind: 'json', body: processedBatch(idOf(request), {id: '999'})}),
		});
		const [onceJson, onceTable, plain] = await Promise.all([
			timed(at(svc.url, '111', '--once', '--json')),
			timed(at(svc.url, '111', '--once')),
			timed(at(svc.url, '111', '--plain', '--wait', '--interval', '0.2:1')),
		]);
		const record = BatchRecordSchema.parse(JSON.parse(onceJson.stdout));
		expect(record.id).toBe('111');
		expect(onceTable.stdout).toMatch(/^111 /m);
		expect(plain.stdout).toMatch(/^\S+ 111 /m);
		const everything = [onceJson, onceTable, plain].map((result) => result.stdout + result.stderr).join('\n');
		expect(everything, `no output mentions the answered id 999:\n${shown(everything)}`).toContain('999');
	});

	it('shows totalRuns: 1e300 as an anomaly, never as a count: no exponent in any count or table column', async () => {
		const svc = await service({
			GetBatch: (request) => ({kind: 'json', body: validBatch(idOf(request), {totalRuns: 1e300})}),
		});
		const [json, table] = await Promise.all([
			timed(at(svc.url, '111', '--once', '--json')),
			timed(at(svc.url, '111', '--once')),
		]);
		const record = BatchRecordSchema.parse(JSON.parse(json.stdout));
		// Every number in the record is a safe integer; the wire value is quoted only in the anomaly's words.
		const {anomalies, ...counts} = record;
		expect(JSON.stringify(counts)).not.toMatch(/e\+/i);
		expect(Number.isSafeInteger(record.totalRuns)).toBe(true);
		expect(anomalies.join(' ')).toMatch(/totalRuns/);
		const [header, row, ...notes] = table.stdout.trimEnd().split('\n');
		expect(row, shown(table.stdout)).toMatch(/^111 /);
		expect(`${header}\n${row}`, shown(table.stdout)).not.toMatch(/e\+/i);
		expect(notes.join('\n')).toMatch(/^111: anomaly: totalRuns/m);
	});

	it('ends ListBatch paging that repeats or cycles its token with exit 6, and lists each batch once', async () => {
		const item = (id: string) => ({id, name: `b${id}`, status: 'INPROGRESS', totalRuns: 10});
		const same = await service({
			ListBatch: (_request, index) => ({
				kind: 'json',
				body: {items: [item(String(100 + index))], nextToken: 'same-token'},
			}),
		});
		const cycle = await service({
			ListBatch: (request) => {
				const token = request.query.get('startingToken');
				const next = token === 'A' ? 'B' : 'A';
				return {
					kind: 'json',
					body: {items: [item(token === 'A' ? '201' : token === 'B' ? '202' : '200')], nextToken: next},
				};
			},
		});
		const duplicates = await service({
			ListBatch: (request) => {
				const token = request.query.get('startingToken');
				const pages: Record<string, unknown> = {
					first: {items: [item('301'), item('302')], nextToken: 'p2'},
					p2: {items: [item('302'), item('303'), item('301')], nextToken: 'p3'},
					p3: {items: [item('303'), item('301')]},
				};
				return {kind: 'json', body: pages[token ?? 'first']};
			},
		});
		const [sameRun, cycleRun, table, json] = await Promise.all([
			timed(at(same.url, '--once', '--json')),
			timed(at(cycle.url, '--once', '--json')),
			timed(at(duplicates.url, '--once')),
			timed(at(duplicates.url, '--once', '--json')),
		]);
		for (const [label, result, server] of [
			['same token', sameRun, same],
			['A-B-A', cycleRun, cycle],
		] as const) {
			const context = `${label} (${result.ms} ms, ${server.count('ListBatch')} ListBatch)\nstdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
			expect.soft(result.code, context).toBe(6);
			expect.soft(result.ms, context).toBeLessThan(5000);
			expect.soft(result.stdout + result.stderr, context).toMatch(/ListBatch paging/);
			expect.soft(server.count('ListBatch'), context).toBeLessThanOrEqual(4);
		}
		expect(table.code, shown(table.stderr)).toBe(0);
		const tableIds = table.stdout
			.trim()
			.split('\n')
			.slice(1)
			.map((row) => row.split(/\s+/)[0]);
		expect(tableIds.sort()).toEqual(['301', '302', '303']);
		const jsonIds = json.stdout
			.trim()
			.split('\n')
			.map((line) => BatchRecordSchema.parse(JSON.parse(line)).id);
		expect(jsonIds.sort()).toEqual(['301', '302', '303']);
		expect(duplicates.count('GetBatch')).toBe(6);
	});

	it('exits 141 quietly when its reader closes stdout (| head -2), in --plain and --json', async () => {
		// Counts move on every poll, so there is always another line to write after the reader has gone.
		const svc = await service({
			GetBatch: (request, index) => ({
				kind: 'json',
				body: validBatch(idOf(request), {
					runSummary: {
						pendingRunCount: 0,
						startingRunCount: 0,
						runningRunCount: 10 - (index % 10),
						stoppingRunCount: 0,
						completedRunCount: index % 10,
						deletedRunCount: 0,
						failedRunCount: 0,
						cancelledRunCount: 0,
					},
				}),
			}),
		});
		const ids = Array.from({length: 50}, (_, index) => String(7000 + index));
		const headTwo = (mode: string) =>
			new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number}>(
				(resolve) => {
					const started = Date.now();
					const child = spawn(
						process.execPath,
						[CLI, ...at(svc.url, ...ids, mode, '--max-rps', '100', '--interval', '0.2:1')],
						{env: ENV, stdio: ['ignore', 'pipe', 'pipe']},
					);
					let seen = '';
					let stderr = '';
					child.stdout.on('data', (chunk: Buffer) => {
						seen += chunk.toString();
						if (seen.split('\n').length > 2) child.stdout.destroy();
					});
					child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
					const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
					child.on('close', (code, signal) => {
						clearTimeout(timer);
						resolve({code, signal, stderr, ms: Date.now() - started});
					});
				},
			);
		const results = await Promise.all([headTwo('--plain'), headTwo('--json')]);
		for (const [mode, result] of [
			['--plain', results[0]],
			['--json', results[1]],
		] as const) {
			const context = `${mode} (${result.ms} ms, signal ${result.signal})\nstderr: ${shown(result.stderr)}`;
			expect.soft(result.code, context).toBe(141);
			expect.soft(result.stderr, context).not.toMatch(STACK_TRACE);
			expect.soft(result.stderr, context).toBe('');
		}
	});

	it('refuses a FIFO, a directory or /dev/full as --log: one line, exit 2, before any request', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'batchtop-log-'));
		const fifo = join(dir, 'events.fifo');
		execFileSync('mkfifo', [fifo]);
		const svc = await service();
		const targets = [fifo, dir, '/dev/full'];
		const results = await Promise.all(
			targets.map((log) =>
				timed(at(svc.url, '111', '--plain', '--log', log, '--interval', '0.2:1', '--timeout', '5s'), 10_000),
			),
		);
		targets.forEach((log, index) => {
			const result = results[index]!;
			const context = `${log} (${result.ms} ms)\nstdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
			expect.soft(result.code, context).toBe(2);
			expect.soft(result.ms, context).toBeLessThan(3000);
			const lines = result.stderr.split('\n').filter(Boolean);
			expect.soft(lines, context).toHaveLength(1);
			expect.soft(lines[0] ?? '', context).toContain(`batchtop: cannot write --log ${log}: `);
			expect.soft(result.stderr, context).not.toMatch(STACK_TRACE);
			expect.soft(result.stdout, context).toBe('');
		});
		expect(svc.count(), 'requests that reached the service').toBe(0);
	});

	it('rides out a 5xx storm: error once, "reachable again", then the batch finishes and --wait exits 0', async () => {
		const svc = await service({
			GetBatch: (request, index) =>
				index === 0
					? {kind: 'json', body: validBatch(idOf(request))}
					: index <= 6
						? {kind: 'error', status: 503, type: 'ServiceUnavailableException', message: 'slow down'}
						: {kind: 'json', body: processedBatch(idOf(request))},
		});
		const result = await timed(
			at(
				svc.url,
				'111',
				'--plain',
				'--wait',
				'--interval',
				'0.2:0.4',
				'--stale-timeout',
				'30s',
				'--timeout',
				'25s',
			),
			30_000,
		);
		const context = `stdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
		expect(result.code, context).toBe(0);
		// One error line for the whole storm, one recovery line, then the finish.
		expect(result.stdout.match(/ error: /g) ?? [], context).toHaveLength(1);
		expect(result.stdout, context).toMatch(/111 \S+ reachable again/);
		expect(result.stdout, context).toMatch(/finished: PROCESSED/);
		expect(svc.count('GetBatch')).toBeGreaterThanOrEqual(8);
	});

	it('stops with exit 4 and says what to do when the token expires mid-run', async () => {
		const svc = await service({
			GetBatch: (request, index) =>
				index < 2
					? {kind: 'json', body: validBatch(idOf(request))}
					: {
							kind: 'error',
							status: 403,
							type: 'ExpiredTokenException',
							message: 'The security token included in the request is expired',
						},
		});
		const result = await timed(at(svc.url, '111', '--plain', '--interval', '0.2:0.4', '--timeout', '15s'));
		const context = `stdout: ${shown(result.stdout)}\nstderr: ${shown(result.stderr)}`;
		expect(result.code, context).toBe(4);
		expect(result.stdout, context).toMatch(/^\S+ 111 \S+ INPROGRESS/m);
		expect(result.stdout, context).toMatch(
			/exit 4: AWS credentials expired or were rejected: run "aws sso login"/,
		);
		expect(result.stderr, context).not.toMatch(STACK_TRACE);
	});

	it('survives unknown enums, negative, null, wrong-typed and missing fields: shown as anomalies, nothing crashes', async () => {
		const weird = (id: string) => ({
			id,
			status: 'SOMETHING_NEW',
			name: 42,
			totalRuns: -5,
			tags: 'not-a-map',
			defaultRunSetting: ['a', 'list'],
			submissionSummary: {successfulStartSubmissionCount: 'seven', failedStartSubmissionCount: null},
			runSummary: {completedRunCount: -3, runningRunCount: 2.5, failedRunCount: 1e300},
		});
		const svc = await service({GetBatch: (request) => ({kind: 'json', body: weird(idOf(request))})});
		const [json, plain] = await Promise.all([
			timed(at(svc.url, '111', '--once', '--json')),
			timed(at(svc.url, '111', '--plain', '--interval', '0.2:0.4', '--timeout', '2s')),
		]);
		const context = `json: ${shown(json.stdout)}\n${shown(json.stderr)}\nplain: ${shown(plain.stdout)}\n${shown(plain.stderr)}`;
		expect(json.code, context).toBe(0);
		const record = BatchRecordSchema.parse(JSON.parse(json.stdout));
		expect(record.status).toBe('SOMETHING_NEW');
		expect(record.verdict).toBe('unknown');
		expect(record.anomalies.length, context).toBeGreaterThanOrEqual(2);
		expect(record.anomalies.join('\n')).toMatch(
			/submissionSummary.successfulStartSubmissionCount is not a count/,
		);
		// The --timeout ends the plain watch; it ran, showed the batch and its anomalies, and did not crash.
		expect(plain.code, context).toBe(5);
		expect(plain.stdout, context).toMatch(/111 .*anomaly: /);
		for (const result of [json, plain]) expect(result.stderr, context).not.toMatch(STACK_TRACE);
	});
});
