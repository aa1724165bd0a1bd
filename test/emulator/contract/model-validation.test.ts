import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	GetRunCommand,
	GetRunTaskCommand,
	ListRunTasksCommand,
	ListRunsCommand,
	StartRunBatchCommand,
} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import {OMICS_SHAPES} from '../../../source/emulator/model/omics-shapes.js';
import {omicsClient, rejectionOf} from '../../helpers/omics-test-client.js';
import type {ModelShape} from '../../../source/emulator/model/model-shape-types.js';

// Every constraint the extracted service model puts on the input of every emulated operation (path
// labels, query strings, bodies; nested structures, list entries and maps included), generated from the
// same shapes the emulator validates with: a value at each boundary is accepted (no 400
// ValidationException; a 404 for an id nobody has is fine), one past it is a 400 ValidationException
// naming the member. A member the model gains later gets its cases here without new test code.
//
// Where the emulator deliberately differs from the model, it is said here:
// - ListBatch's `status` accepts RUNS_DELETE_FAILED, which this model revision's BatchStatus lacks: later
//   revisions of the API send it (scripts/extract-omics-shapes.mjs AMENDMENTS), so the extracted shape
//   carries it and the case below expects it accepted.
// - ListBatch and ListRunsInBatch take one filter per call (the service refuses a second); every case
//   here sets one member at a time on a request without filters, so it never meets that rule.

type Json = Record<string, unknown>;
type Segment = string | number;
type Operation =
	| 'StartRunBatch'
	| 'GetRun'
	| 'ListRunTasks'
	| 'GetRunTask'
	| 'GetBatch'
	| 'ListBatch'
	| 'ListRunsInBatch'
	| 'CancelRunBatch'
	| 'DeleteRunBatch'
	| 'DeleteBatch'
	| 'ListRuns';
/** Operations whose cases go over plain HTTP only (the SDK adds nothing a case needs). */
const HTTP_ONLY: ReadonlySet<Operation> = new Set([
	'GetBatch',
	'ListBatch',
	'ListRunsInBatch',
	'CancelRunBatch',
	'DeleteRunBatch',
	'DeleteBatch',
	'ListRuns',
]);
/** The emulator's deliberate additions to the model's enums, with the reason given above. */
const AMENDED_ENUM_VALUES: ReadonlyArray<readonly [Operation, string, string]> = [
	['ListBatch', 'status', 'RUNS_DELETE_FAILED'],
];

interface Case {
	readonly operation: Operation;
	readonly label: string;
	/** Where the value goes: top-level member, then members and list indexes. */
	readonly path: readonly Segment[];
	/** `undefined` removes the member. */
	readonly value: unknown;
	readonly accepted: boolean;
}

interface Request {
	body: Json;
	params: Record<string, string>;
	query: Record<string, string[]>;
}

const {shapes, operations} = OMICS_SHAPES;
const shape = (name: string): ModelShape => {
	const found = shapes[name];
	if (!found) throw new Error(`no shape ${name}`);
	return found;
};

// Rules of the service that the model cannot state, so a model-valid value must respect them too
// (shared/healthomics-batch-api.md §1.1-1.6). Each is tested on its own in wire-and-errors.test.ts.
const PREFIXES: Record<string, string> = {'batchRunSettings.s3UriSettings': 's3://b/'};
const COMPANIONS: Record<string, Json> = {'defaultRunSetting.cacheBehavior': {cacheId: '1'}};
const REFUSED_ENUM_VALUES: Record<string, readonly string[]> = {
	'defaultRunSetting.workflowType': ['READY2RUN'],
};

/** A model pattern as the service applies it: to the whole value, with Unicode property classes. */
const modelPattern = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`, 'u');
const dotted = (path: readonly Segment[]): string =>
	path.filter((segment) => typeof segment === 'string').join('.');
const length = (value: string): number => [...value].length;
/** A value as a test name shows it, control characters escaped. */
const shown = (value: string): string =>
	JSON.stringify(value).replace(
		/[\u007f-\u009f]/g,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);

/** A value of `length` characters that the shape's pattern accepts, distinct for each seed. */
function text(model: ModelShape, path: string, size: number, seed = 0): string | undefined {
	const prefixes = PREFIXES[path] === undefined ? ['', 'arn:'] : [PREFIXES[path]];
	for (const prefix of prefixes) {
		for (const fill of ['a', '1']) {
			if (size < prefix.length + (prefix ? 1 : 0)) continue;
			let value = prefix + fill.repeat(size - prefix.length);
			const tag = seed === 0 ? '' : String(seed % 10 ** Math.max(0, size - prefix.length));
			if (tag) value = value.slice(0, size - tag.length) + tag;
			if (model.pattern === undefined || modelPattern(model.pattern).test(value)) return value;
		}
	}
	return undefined;
}

/** The length a generated string gets when no boundary is being tested. */
function usualLength(model: ModelShape, path: string): number {
	const wanted = Math.max(model.min ?? 1, 4, (PREFIXES[path]?.length ?? 0) + 4);
	for (let size = Math.min(wanted, model.max ?? wanted); size <= (model.max ?? 64); size++) {
		if (text(model, path, size) !== undefined) return size;
	}
	for (let size = 1; size <= 64; size++) if (text(model, path, size) !== undefined) return size;
	throw new Error(`no generated value fits ${path}`);
}

/** A minimal value that satisfies the model (and the service's extra rules) for the shape. */
function valid(name: string, path: string, seed = 0): unknown {
	const model = shape(name);
	if (model.document) return {};
	switch (model.type) {
		case 'structure': {
			const out: Json = {};
			const members = Object.entries(model.members ?? {});
			const chosen = model.union
				? members.slice(0, 1)
				: members.filter(([member]) => model.required?.includes(member));
			for (const [member, ref] of chosen) out[member] = valid(ref.shape, `${path}.${member}`, seed);
			return out;
		}
		case 'list':
			return Array.from({length: Math.max(model.min ?? 0, 1)}, (_, index) =>
				valid(model.member ?? '', path, index),
			);
		case 'map':
			return {};
		case 'integer':
		case 'long':
			return model.min ?? 0;
		default:
			if (model.enum) return model.enum.find((value) => !REFUSED_ENUM_VALUES[path]?.includes(value));
			return text(model, path, usualLength(model, path), seed);
	}
}

/** Boundary cases for a string shape: lengths, pattern and enum. */
function stringCases(model: ModelShape, path: string): Array<[string, unknown, boolean]> {
	const cases: Array<[string, unknown, boolean]> = [];
	if (model.enum) {
		for (const value of model.enum) {
			if (!REFUSED_ENUM_VALUES[path]?.includes(value)) cases.push([`enum value ${value}`, value, true]);
		}
		cases.push(['a value outside the enum', `NOT_${model.enum[0]}`, false]);
		return cases;
	}
	const prefix = PREFIXES[path] ?? '';
	if (model.min !== undefined) {
		// The shortest value the pattern (and any service prefix) allows, from the minimum up.
		let size = model.min;
		while (text(model, path, size) === undefined) size++;
		cases.push([`length ${size} (min ${model.min})`, text(model, path, size), true]);
		if (model.min > 0) cases.push([`length ${model.min - 1}`, 'a'.repeat(model.min - 1), false]);
	}
	if (model.max !== undefined) {
		cases.push([`length ${model.max} (max)`, text(model, path, model.max), true]);
		cases.push([
			`length ${model.max + 1}`,
			text(model, path, model.max + 1) ?? 'a'.repeat(model.max + 1),
			false,
		]);
	}
	if (model.pattern !== undefined) {
		const good = text(model, path, usualLength(model, path)) ?? '';
		const regex = modelPattern(model.pattern);
		for (const sample of ['Zoë 2 — ok! 🧬', 'A1-b_c.d'].map((sample) => prefix + sample)) {
			const fits = length(sample) >= (model.min ?? 0) && length(sample) <= (model.max ?? Infinity);
			if (fits && regex.test(sample)) cases.push([`pattern sample ${shown(sample)}`, sample, true]);
		}
		for (const bad of ['\u0000', '\u0007', '\n', '\u007f', '\u0085', 'x', '-', '/']) {
			const value = prefix + bad + good.slice(prefix.length + 1);
			if (!regex.test(value))
				cases.push([`pattern broken by ${shown(bad)} at ${prefix.length}`, value, false]);
		}
		// A pattern with a fixed repetition ([0-9]{12}) and no length trait: one character short or long.
		if (model.min === undefined && model.max === undefined) {
			for (const value of [good.slice(1), `${good}1`]) {
				if (!regex.test(value)) cases.push([`pattern broken at length ${length(value)}`, value, false]);
			}
		}
	}
	return cases;
}

/** Every case for a member of `shapeName` at `path`, recursively. */
function casesFor(operation: Operation, shapeName: string, path: Segment[], required: boolean): Case[] {
	const model = shape(shapeName);
	const at = dotted(path);
	const out: Case[] = [];
	const add = (label: string, value: unknown, accepted: boolean, where: Segment[] = path): void => {
		out.push({operation, label: `${dotted(where) || 'request'}: ${label}`, path: where, value, accepted});
	};
	if (required) add('missing (required)', undefined, false);
	if (model.document) return out;
	switch (model.type) {
		case 'structure': {
			const members = Object.entries(model.members ?? {});
			if (model.union && members.length > 1) {
				const [first, second] = members as [[string, {shape: string}], [string, {shape: string}]];
				const both = {
					[first[0]]: valid(first[1].shape, `${at}.${first[0]}`),
					[second[0]]: valid(second[1].shape, `${at}.${second[0]}`),
				};
				add(`both ${first[0]} and ${second[0]} (a union)`, both, false);
				add('none of its union members', {}, false);
			}
			for (const [member, ref] of members) {
				out.push(
					...casesFor(operation, ref.shape, [...path, member], model.required?.includes(member) ?? false),
				);
			}
			return out;
		}
		case 'list': {
			const item = (index: number): unknown => valid(model.member ?? '', at, index);
			const list = (size: number): unknown[] => Array.from({length: size}, (_, index) => item(index));
			if (model.min !== undefined) {
				add(`${model.min} entries (min)`, list(model.min), true);
				if (model.min > 0) add(`${model.min - 1} entries`, list(model.min - 1), false);
			}
			if (model.max !== undefined) {
				add(`${model.max} entries (max)`, list(model.max), true);
				add(`${model.max + 1} entries`, list(model.max + 1), false);
			}
			const member = shape(model.member ?? '');
			if (member.type === 'structure')
				out.push(...casesFor(operation, model.member ?? '', [...path, 0], false));
			else {
				for (const [label, value, accepted] of stringCases(member, at))
					add(`entry ${label}`, [value], accepted);
			}
			return out;
		}
		case 'map': {
			for (const [label, key, accepted] of stringCases(shape(model.key ?? ''), `${at}.key`)) {
				add(`key ${label}`, {[String(key)]: 'v'}, accepted);
			}
			for (const [label, value, accepted] of stringCases(shape(model.value ?? ''), `${at}.value`)) {
				add(`value ${label}`, {k: value}, accepted);
			}
			return out;
		}
		case 'integer':
		case 'long':
			if (model.min !== undefined) {
				add(`${model.min} (min)`, model.min, true);
				add(String(model.min - 1), model.min - 1, false);
			}
			if (model.max !== undefined) {
				add(`${model.max} (max)`, model.max, true);
				add(String(model.max + 1), model.max + 1, false);
			}
			return out;
		default:
			for (const [label, value, accepted] of stringCases(model, at)) add(label, value, accepted);
			return out;
	}
}

function operationCases(operation: Operation): Case[] {
	const input = shape(operations[operation]?.input ?? '');
	return Object.entries(input.members ?? {}).flatMap(([member, ref]) => {
		const cases = casesFor(operation, ref.shape, [member], input.required?.includes(member) ?? false);
		// An empty path label cannot reach the operation at all (the request matches no route).
		return ref.location === 'uri'
			? cases.filter((entry) => entry.value !== '' && entry.value !== undefined)
			: cases;
	});
}

// Every operation the emulator serves, as the extracted model lists them: one added there gets cases here.
const OPERATIONS = Object.keys(operations) as Operation[];
const CASES = OPERATIONS.flatMap(operationCases);

/** The base request plus one case's value, with the union, list and companion members it needs. */
function build(operation: Operation, base: Request, entry: Case): Request {
	const request: Request = structuredClone(base);
	const input = shape(operations[operation]?.input ?? '');
	const [top, ...rest] = entry.path as [string, ...Segment[]];
	const ref = input.members?.[top];
	if (!ref) throw new Error(`no member ${top}`);
	if (ref.location === 'uri') {
		request.params[ref.locationName ?? top] = String(entry.value);
		return request;
	}
	if (ref.location === 'querystring') {
		const name = ref.locationName ?? top;
		if (entry.value === undefined) delete request.query[name];
		else request.query[name] = Array.isArray(entry.value) ? entry.value.map(String) : [String(entry.value)];
		return request;
	}
	let container: Json = request.body;
	let model = input;
	const segments: Segment[] = [top, ...rest];
	for (const [index, segment] of segments.entries()) {
		const last = index === segments.length - 1;
		const childName =
			model.type === 'list' ? (model.member ?? '') : (model.members?.[segment as string]?.shape ?? '');
		const childShape = shape(childName);
		if (model.union) for (const key of Object.keys(container)) if (key !== segment) delete container[key];
		const key = segment as keyof Json;
		if (last) {
			if (entry.value === undefined) delete container[key];
			else container[key] = entry.value;
			Object.assign(container, COMPANIONS[dotted(segments)] ?? {});
		} else {
			container[key] ??= valid(childName, dotted(segments.slice(0, index + 1)));
			container = container[key] as Json;
		}
		model = childShape;
	}
	return request;
}

const sdkSchema = readFileSync(
	createRequire(import.meta.url)
		.resolve('@aws-sdk/client-omics')
		.replace(/index\.js$/, 'schemas/schemas_0.js'),
	'utf8',
);
/** Whether this SDK version serializes every member on the path (it drops members it does not model). */
const sdkSends = (entry: Case): boolean =>
	!HTTP_ONLY.has(entry.operation) &&
	entry.value !== undefined &&
	entry.path.every((segment) => typeof segment === 'number' || sdkSchema.includes(`= "${segment}";`));

describe('validation exactly as the service model says', () => {
	let emulator: Emulator;
	let client: ReturnType<typeof omicsClient>;
	const bases = {} as Record<Operation, Request>;

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			scenario: {batches: [{name: 'b', totalRuns: 3, createdAgo: 3600}]},
		});
		client = omicsClient(emulator.url);
		const runs = await client.send(new ListRunsCommand({}));
		const runId = runs.items?.[0]?.id ?? '';
		expect(runId).toMatch(/^[0-9]+$/);
		bases.StartRunBatch = {
			body: valid(operations['StartRunBatch']?.input ?? '', '') as Json,
			params: {},
			query: {},
		};
		bases.GetRun = {body: {}, params: {id: runId}, query: {}};
		bases.ListRunTasks = {body: {}, params: {id: runId}, query: {}};
		const tasks = await client.send(new ListRunTasksCommand({id: runId}));
		const taskId = tasks.items?.[0]?.taskId ?? '';
		expect(taskId).toMatch(/^[0-9]+$/);
		bases.GetRunTask = {body: {}, params: {id: runId, taskId}, query: {}};
		const batchId = emulator.batchIds[0] ?? '';
		expect(batchId).toMatch(/^[0-9]+$/);
		bases.GetBatch = {body: {}, params: {batchId}, query: {}};
		bases.ListBatch = {body: {}, params: {}, query: {}};
		bases.ListRunsInBatch = {body: {}, params: {batchId}, query: {}};
		bases.ListRuns = {body: {}, params: {}, query: {}};
		// Cancelling or deleting the scenario's batch would change what the other cases read: these
		// requests name ids nobody has, so an accepted one is a 404 and the batch stays as it is.
		bases.CancelRunBatch = {body: {batchId: '999999999'}, params: {}, query: {}};
		bases.DeleteRunBatch = {body: {batchId: '999999999'}, params: {}, query: {}};
		bases.DeleteBatch = {body: {}, params: {batchId: '999999999'}, query: {}};
	});
	afterAll(async () => emulator.stop());

	/** Sends a request through the SDK when it can carry it, else over plain HTTP; returns status and error name. */
	async function send(
		operation: Operation,
		request: Request,
		viaSdk: boolean,
	): Promise<{status: number; type?: string; message?: string}> {
		if (viaSdk) {
			const first = (name: string): string | undefined => request.query[name]?.[0];
			const maxResults = first('maxResults');
			const command = {
				StartRunBatch: () => new StartRunBatchCommand(request.body as never),
				GetRun: () => new GetRunCommand({id: request.params['id'], export: request.query['export']} as never),
				ListRunTasks: () =>
					new ListRunTasksCommand({
						id: request.params['id'],
						status: first('status'),
						startingToken: first('startingToken'),
						maxResults: maxResults === undefined ? undefined : Number(maxResults),
					} as never),
				GetRunTask: () =>
					new GetRunTaskCommand({id: request.params['id'], taskId: request.params['taskId']} as never),
			}[operation as 'StartRunBatch' | 'GetRun' | 'ListRunTasks' | 'GetRunTask']();
			try {
				const output = await client.send(command as never);
				return {status: (output as {$metadata: {httpStatusCode: number}}).$metadata.httpStatusCode};
			} catch (error) {
				const failure = await rejectionOf(Promise.reject(error));
				return {status: failure.$metadata?.httpStatusCode ?? 0, type: failure.name, message: failure.message};
			}
		}
		const query = new URLSearchParams();
		for (const [name, values] of Object.entries(request.query))
			for (const value of values) query.append(name, value);
		const run = `/run/${encodeURIComponent(request.params['id'] ?? '')}`;
		const batch = `/runBatch/${encodeURIComponent(request.params['batchId'] ?? '')}`;
		const [method, path] = {
			StartRunBatch: ['POST', '/runBatch'],
			GetRun: ['GET', run],
			ListRunTasks: ['GET', `${run}/task`],
			GetRunTask: ['GET', `${run}/task/${encodeURIComponent(request.params['taskId'] ?? '')}`],
			GetBatch: ['GET', batch],
			ListBatch: ['GET', '/runBatch'],
			ListRunsInBatch: ['GET', `${batch}/run`],
			CancelRunBatch: ['POST', '/runBatch/cancel'],
			DeleteRunBatch: ['POST', '/runBatch/delete'],
			DeleteBatch: ['DELETE', batch],
			ListRuns: ['GET', '/run'],
		}[operation];
		const response = await fetch(`${emulator.url}${path}?${query}`, {
			method,
			...(method === 'POST'
				? {body: JSON.stringify(request.body), headers: {'content-type': 'application/json'}}
				: {}),
		});
		const text = await response.text();
		const body = (text === '' ? {} : JSON.parse(text)) as {__type?: string; message?: string};
		return {status: response.status, ...(body.__type ? {type: body.__type, message: body.message} : {})};
	}

	it('generates cases for every constraint the issue names', () => {
		const labels = CASES.map((entry) => entry.label);
		for (const wanted of [
			'defaultRunSetting.name: length 0',
			'defaultRunSetting.name: length 129',
			'defaultRunSetting.name: pattern broken by "\\u0007" at 0',
			'defaultRunSetting.workflowOwnerId: pattern broken at length 11',
			'defaultRunSetting.workflowOwnerId: pattern broken at length 13',
			'defaultRunSetting.outputBucketOwnerId: length 11',
			'defaultRunSetting.outputBucketOwnerId: length 13',
			'defaultRunSetting.outputBucketOwnerId: pattern broken by "x" at 0',
			'batchRunSettings.inlineSettings.outputBucketOwnerId: length 13',
			'defaultRunSetting.configurationName: length 0',
			'defaultRunSetting.configurationName: length 129',
			'defaultRunSetting.configurationName: pattern broken by "\\u0007" at 0',
			'defaultRunSetting.scratchStorageMode: a value outside the enum',
			'export: 32 entries (max)',
			'export: 33 entries',
			'maxResults: 100 (max)',
			'maxResults: 101',
			'status: a value outside the enum',
			'taskId: length 19',
		]) {
			expect(labels).toContain(wanted);
		}
		// Every emulated operation has its cases, and every member of its input at least one.
		for (const operation of OPERATIONS) {
			const members = Object.keys(shape(operations[operation]?.input ?? '').members ?? {});
			const constrained = members.filter((member) => {
				const model = shape(shape(operations[operation]?.input ?? '').members?.[member]?.shape ?? '');
				return Object.keys(model).some((key) => key !== 'type');
			});
			const covered = new Set(
				CASES.filter((entry) => entry.operation === operation).map((entry) => entry.path[0]),
			);
			expect(
				constrained.filter((member) => !covered.has(member)),
				operation,
			).toEqual([]);
		}
		for (const [operation, member, value] of AMENDED_ENUM_VALUES) {
			expect(
				CASES.some(
					(entry) =>
						entry.operation === operation &&
						entry.path[0] === member &&
						entry.value === value &&
						entry.accepted,
				),
				`${operation} ${member}=${value} is accepted`,
			).toBe(true);
		}
	});

	it.each(CASES.map((entry) => [`${entry.operation} ${entry.label}`, entry] as const))(
		'%s',
		async (_label, entry) => {
			const request = build(entry.operation, bases[entry.operation], entry);
			const answer = await send(entry.operation, request, sdkSends(entry));
			if (entry.accepted && entry.path[0] === 'startingToken') {
				// A model-valid token the emulator never issued is refused as the service refuses a stale one.
				expect(answer.status === 200 || /pagination token/.test(answer.message ?? '')).toBe(true);
			} else if (entry.accepted) {
				const lookup = entry.path[0] === 'id' || entry.path[0] === 'taskId' || entry.path[0] === 'batchId';
				const success = {StartRunBatch: 201, CancelRunBatch: 202, DeleteRunBatch: 202, DeleteBatch: 202};
				const ok = success[entry.operation as keyof typeof success] ?? 200;
				const unknownBase =
					bases[entry.operation].body['batchId'] === '999999999' || entry.operation === 'DeleteBatch';
				const expected = unknownBase ? [404] : lookup ? [ok, 404] : [ok];
				expect(expected, `${answer.status} ${answer.type ?? ''} ${answer.message ?? ''}`).toContain(
					answer.status,
				);
			} else {
				expect(answer.status).toBe(400);
				expect(answer.type).toBe('ValidationException');
				// The message names the member (its last named part) the way the service does.
				const member = String(entry.path.filter((segment) => typeof segment === 'string').at(-1));
				expect(answer.message).toContain(member);
			}
		},
	);
});
