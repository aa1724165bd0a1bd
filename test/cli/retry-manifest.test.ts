import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
	GetBatchCommand,
	GetRunCommand,
	ListRunsCommand,
	ListRunsInBatchCommand,
	StartRunBatchCommand,
	type InlineSetting,
	type OmicsClient,
	type StartRunBatchCommandInput,
} from '@aws-sdk/client-omics';
import {parseFaultSpecs, startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import {FAST_ACCOUNT, FAST_DEFAULTS} from '../helpers/fast-scenario.js';
import {omicsClient} from '../helpers/omics-test-client.js';
import {cliEnv, runCli} from '../helpers/run-cli.js';
import {FAST_BUDGETS} from './fast-budgets.js';

// `batchtop failures BATCH --retry-manifest FILE`, the built CLI against the emulator through the real
// SDK: the manifest holds exactly the failed runSettingIds (ListRunsInBatch submissionStatus=FAILED and
// ListRuns batchId+status=FAILED), and StartRunBatch takes it: a new batch started from it on the same
// emulator holds exactly those runSettingIds. The emulator reads an s3UriSettings file's contents only
// from a scenario, so the new batch is started with inlineSettings (the same JSON array).

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const MEMBERS = [
	'runSettingId',
	'name',
	'outputUri',
	'priority',
	'parameters',
	'outputBucketOwnerId',
	'runTags',
];

const DEFAULT_RUN_SETTING: StartRunBatchCommandInput['defaultRunSetting'] = {
	workflowId: '1234567',
	roleArn: 'arn:aws:iam::123456789012:role/OmicsRole',
	outputUri: 's3://out/default/',
	parameters: {reference: 's3://ref/GRCh38.fa', threads: 4},
	runTags: {team: 'core'},
};

/** 90 original entries, members in unusual orders (verbatim copies keep them), some with every member. */
const ORIGINAL: InlineSetting[] = Array.from({length: 90}, (_, index) => {
	const runSettingId = `sample-${String(index).padStart(3, '0')}`;
	return index % 3 === 0
		? ({
				runTags: {sample: runSettingId, cohort: 'q4'},
				parameters: {input: `s3://in/${runSettingId}.bam`, threads: 8, nested: {a: [1, 2, {b: null}]}},
				runSettingId,
				priority: index,
				outputUri: `s3://out/${runSettingId}/`,
				name: `run ${runSettingId}`,
				outputBucketOwnerId: '111122223333',
			} as InlineSetting)
		: {runSettingId, parameters: {input: `s3://in/${runSettingId}.bam`}};
});

/** Every page of ListRunsInBatch (any status) of a batch: its entries' runSettingIds. */
async function entriesOf(
	client: OmicsClient,
	batchId: string,
	submissionStatus?: 'FAILED',
): Promise<string[]> {
	const ids: string[] = [];
	let startingToken: string | undefined;
	do {
		const out = await client.send(
			new ListRunsInBatchCommand({
				batchId,
				maxItems: 100,
				startingToken,
				...(submissionStatus ? {submissionStatus} : {}),
			}),
		);
		ids.push(...(out.runs ?? []).map((run) => run.runSettingId ?? ''));
		startingToken = out.nextToken;
	} while (startingToken);
	return ids;
}

/** The failed runs' ids (ListRuns batchId, status=FAILED), every page. */
async function failedRunIds(client: OmicsClient, batchId: string): Promise<string[]> {
	const ids: string[] = [];
	let startingToken: string | undefined;
	do {
		const out = await client.send(
			new ListRunsCommand({batchId, status: 'FAILED', maxResults: 100, startingToken}),
		);
		ids.push(...(out.items ?? []).map((run) => run.id ?? ''));
		startingToken = out.nextToken;
	} while (startingToken);
	return ids;
}

/** What the API says failed, read independently of batchtop: runSettingIds of submissions and of runs. */
async function expectedFailures(
	client: OmicsClient,
	batchId: string,
): Promise<{submissions: string[]; runs: Map<string, string>}> {
	const submissions = await entriesOf(client, batchId, 'FAILED');
	const runs = new Map<string, string>();
	for (const runId of await failedRunIds(client, batchId)) {
		const entry = (await client.send(new ListRunsInBatchCommand({batchId, runId}))).runs?.[0];
		runs.set(entry?.runSettingId ?? '', runId);
	}
	return {submissions, runs};
}

/** Moves the manual clock until the batch has finished. */
async function finish(emulator: Emulator, client: OmicsClient, batchId: string): Promise<void> {
	for (let step = 0; step < 200; step++) {
		if ((await client.send(new GetBatchCommand({batchId}))).status === 'PROCESSED') return;
		emulator.advance(600);
	}
	throw new Error(`batch ${batchId} did not finish`);
}

/** Starts a batch from inline entries and lets it finish; its id. */
async function startBatch(
	emulator: Emulator,
	client: OmicsClient,
	name: string,
	inlineSettings: InlineSetting[],
): Promise<string> {
	const {id = ''} = await client.send(
		new StartRunBatchCommand({
			batchName: name,
			defaultRunSetting: DEFAULT_RUN_SETTING,
			batchRunSettings: {inlineSettings},
		}),
	);
	await finish(emulator, client, id);
	return id;
}

const manifestOf = async (path: string): Promise<Array<Record<string, unknown>>> =>
	JSON.parse(await readFile(path, 'utf8')) as Array<Record<string, unknown>>;

describe('batchtop failures --retry-manifest (built CLI, real SDK, emulator)', () => {
	let emulator: Emulator;
	let client: OmicsClient;
	let directory: string;
	let batchId: string;
	let expected: {submissions: string[]; runs: Map<string, string>};
	const env = cliEnv();
	const args = (...rest: string[]) => [
		'failures',
		...rest,
		'--endpoint-url',
		emulator.url,
		'--region',
		'us-east-1',
		...FAST_BUDGETS,
	];

	beforeAll(async () => {
		emulator = await startEmulator({
			scenario: {
				seed: 5,
				account: FAST_ACCOUNT,
				defaults: {...FAST_DEFAULTS, submissionFailureShare: 0.15, runFailureShare: 0.3},
				batches: [],
			} as Scenario,
			clock: 'manual',
		});
		client = omicsClient(emulator.url);
		directory = await mkdtemp(join(tmpdir(), 'batchtop-retry-'));
		batchId = await startBatch(emulator, client, 'original', ORIGINAL);
		expected = await expectedFailures(client, batchId);
	});
	afterAll(async () => {
		await emulator.stop();
		await rm(directory, {recursive: true, force: true});
	});

	it('the batch has failed submissions and failed runs (what the manifest is about)', () => {
		expect(expected.submissions.length).toBeGreaterThan(3);
		expect(expected.runs.size).toBeGreaterThan(3);
	});

	it('--settings: the entries of exactly the failed runSettingIds, copied verbatim; a new batch from it holds exactly them', async () => {
		// The file a user started the batch with: a `start-run-batch --cli-input-json` input.
		const settings = join(directory, 'original.json');
		await writeFile(
			settings,
			JSON.stringify({
				batchName: 'original',
				defaultRunSetting: DEFAULT_RUN_SETTING,
				batchRunSettings: {inlineSettings: ORIGINAL},
			}),
		);
		const path = join(directory, 'with-settings.json');
		const result = await runCli(args(batchId, '--retry-manifest', path, '--settings', settings), {env});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const failed = [...expected.submissions, ...expected.runs.keys()];
		expect(result.stdout).toBe(
			`wrote ${failed.length} run settings to ${path} (inlineSettings or s3UriSettings)\n`,
		);
		const manifest = await manifestOf(path);
		const ids = manifest.map((entry) => entry['runSettingId']);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set(failed));
		const byId = new Map(ORIGINAL.map((entry) => [entry.runSettingId, entry]));
		// Verbatim: the same members in the same order with the same values.
		for (const entry of manifest)
			expect(JSON.stringify(entry)).toBe(JSON.stringify(byId.get(entry['runSettingId'] as string)));

		const retried = await startBatch(emulator, client, 'retry', manifest as unknown as InlineSetting[]);
		const entries = await entriesOf(client, retried);
		expect(entries).toHaveLength(failed.length);
		expect(new Set(entries)).toEqual(new Set(failed));
		// The retry's runs got the original entries' settings back.
		const runOf = (
			await client.send(new ListRunsInBatchCommand({batchId: retried, submissionStatus: 'SUCCESS'}))
		).runs?.find((run) => byId.get(run.runSettingId ?? '')?.outputUri !== undefined);
		expect(runOf).toBeDefined();
		if (runOf) {
			const run = await client.send(new GetRunCommand({id: runOf.runId ?? ''}));
			expect(run.outputUri).toBe(byId.get(runOf.runSettingId ?? '')?.outputUri);
		}
	});

	it('a plain JSON array or {"inlineSettings": [...]} are settings files too; a runSettingId missing from it is listed and exits 7', async () => {
		const kept = ORIGINAL.filter((entry) => entry.runSettingId !== expected.submissions[0]);
		for (const [name, body] of [
			['array.json', kept],
			['inline.json', {inlineSettings: kept}],
		] as const) {
			const settings = join(directory, name);
			await writeFile(settings, JSON.stringify(body));
			const path = join(directory, `from-${name}`);
			const result = await runCli(args(batchId, '--retry-manifest', path, '--settings', settings), {env});
			expect(result.code).toBe(7);
			expect(result.stderr.split('\n')).toEqual([
				`batchtop: not in the retry manifest: submission ${expected.submissions[0]}`,
				`batchtop: 1 failed run settings are not in ${settings}: is it the file this batch was started from?`,
				'',
			]);
			const ids = (await manifestOf(path)).map((entry) => entry['runSettingId']);
			expect(new Set(ids)).toEqual(new Set([...expected.submissions.slice(1), ...expected.runs.keys()]));
		}
	});

	it('without --settings: failed runs rebuilt from GetRun, failed submissions listed on stderr with a note naming --settings, exit 7; StartRunBatch takes it', async () => {
		const path = join(directory, 'rebuilt.json');
		const result = await runCli(args(batchId, '--retry-manifest', path), {env});
		expect(result.code).toBe(7);
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines.slice(0, -1)).toEqual(
			expected.submissions.map((id) => `batchtop: not in the retry manifest: submission ${id}`),
		);
		expect(lines.at(-1)).toMatch(/^batchtop: \d+ failed run settings could not be rebuilt .*--settings FILE/);
		expect(lines.at(-1)).toContain(`${expected.submissions.length} failed run settings`);
		const manifest = await manifestOf(path);
		expect(manifest.map((entry) => entry['runSettingId'])).toEqual(
			expect.arrayContaining([...expected.runs.keys()]),
		);
		expect(manifest).toHaveLength(expected.runs.size);
		for (const entry of manifest) {
			for (const key of Object.keys(entry)) expect(MEMBERS).toContain(key);
			const run = await client.send(
				new GetRunCommand({id: expected.runs.get(entry['runSettingId'] as string) ?? ''}),
			);
			expect(entry).toEqual({
				runSettingId: entry['runSettingId'],
				name: run.name,
				outputUri: run.outputUri,
				priority: run.priority,
				parameters: run.parameters,
				runTags: run.tags,
			});
		}
		const retried = await startBatch(
			emulator,
			client,
			'rebuilt-retry',
			manifest as unknown as InlineSetting[],
		);
		expect(new Set(await entriesOf(client, retried))).toEqual(new Set(expected.runs.keys()));
		expect(await entriesOf(client, retried)).toHaveLength(expected.runs.size);
	});

	it('bad --settings or --retry-manifest paths: one line, exit 2, no stack trace, nothing written', async () => {
		const invalid = join(directory, 'invalid.json');
		await writeFile(invalid, '{"inlineSettings": [{"name": "no id"}]}');
		const notJson = join(directory, 'not-json.json');
		await writeFile(notJson, '[{"runSettingId": ');
		for (const [extra, message] of [
			[['--settings', invalid], /--settings .*invalid\.json entry 1 is not a run setting/],
			[['--settings', notJson], /--settings .*not-json\.json is not JSON/],
			[['--settings', join(directory, 'absent.json')], /cannot read it \(ENOENT\)/],
			[['--settings', directory], /cannot read it \(EISDIR\)/],
		] as const) {
			const path = join(directory, 'never.json');
			const result = await runCli(args(batchId, '--retry-manifest', path, ...extra), {env});
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(message);
			expect(result.stderr.split('\n')).toHaveLength(2);
			expect(result.stdout).toBe('');
		}
		for (const path of [join(directory, 'no-such-dir', 'm.json'), directory]) {
			const result = await runCli(args(batchId, '--retry-manifest', path), {env});
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(/^batchtop: --retry-manifest .*(does not exist|is a directory)\n$/);
		}
		for (const bad of [
			['--settings', invalid],
			['--retry-manifest', join(directory, 'x.json'), '--json'],
		]) {
			const result = await runCli(args(batchId, ...bad), {env});
			expect(result.code).toBe(2);
			expect(result.stderr.split('\n')).toHaveLength(2);
		}
		expect(await readdir(directory)).not.toContain('never.json');
	});
});

describe('retry manifest: never half-written, never raw text on stderr', () => {
	it('an API error midway leaves the previous file as it was and no temporary file', async () => {
		const emulator = await startEmulator({
			scenario: {
				seed: 9,
				account: FAST_ACCOUNT,
				defaults: FAST_DEFAULTS,
				batches: [{name: 'failing', totalRuns: 60, runFailureShare: 0.5, submissionFailureShare: 0.1}],
			} as Scenario,
			speed: 1000,
			catchUpFirst: true,
			faults: parseFaultSpecs(['GetRun:deny=1']),
		});
		const directory = await mkdtemp(join(tmpdir(), 'batchtop-retry-'));
		try {
			const client = omicsClient(emulator.url);
			await finish(emulator, client, emulator.batchIds[0] ?? '');
			const path = join(directory, 'manifest.json');
			await writeFile(path, 'previous\n');
			const result = await runCli(
				[
					'failures',
					emulator.batchIds[0] ?? '',
					'--retry-manifest',
					path,
					'--endpoint-url',
					emulator.url,
					'--region',
					'us-east-1',
					...FAST_BUDGETS,
				],
				{env: cliEnv()},
			);
			expect(result.code).toBe(4);
			expect(result.stderr).toMatch(/^batchtop: access denied: .*omics:GetRun.*\n$/);
			expect(await readFile(path, 'utf8')).toBe('previous\n');
			expect(await readdir(directory)).toEqual(['manifest.json']);
		} finally {
			await emulator.stop();
			await rm(directory, {recursive: true, force: true});
		}
	});

	it('hostile runSettingIds: stderr gets them sanitised, the file keeps them exactly', async () => {
		const emulator = await startEmulator({
			scenario: {
				seed: 7,
				account: FAST_ACCOUNT,
				defaults: {...FAST_DEFAULTS, hostileText: true},
				batches: [
					{
						name: 'hostile',
						totalRuns: 60,
						submissionFailureShare: 0.3,
						runFailureShare: 0.3,
						runSettingIdPrefix: 'id\u001b[1m\u202e-',
					},
				],
			} as Scenario,
			speed: 1000,
			catchUpFirst: true,
		});
		const directory = await mkdtemp(join(tmpdir(), 'batchtop-retry-'));
		try {
			const client = omicsClient(emulator.url);
			const batchId = emulator.batchIds[0] ?? '';
			await finish(emulator, client, batchId);
			const expected = await expectedFailures(client, batchId);
			expect(expected.submissions.some((id) => id.includes('\u001b'))).toBe(true);
			const path = join(directory, 'hostile.json');
			const result = await runCli(
				[
					'failures',
					batchId,
					'--retry-manifest',
					path,
					'--endpoint-url',
					emulator.url,
					'--region',
					'us-east-1',
					...FAST_BUDGETS,
				],
				{env: cliEnv()},
			);
			expect(result.code).toBe(7);
			expect(result.stderr).not.toMatch(UNSAFE);
			expect(result.stdout).not.toMatch(UNSAFE);
			expect(result.stderr.split('\n').length).toBe(expected.submissions.length + 2);
			// The ids as the sanitiser leaves them: no escape sequence, no bidi override.
			expect(result.stderr).toContain('submission id-0');
			// The file is for StartRunBatch: the ids exactly as the batch holds them (JSON escapes the ESC).
			const ids = (await manifestOf(path)).map((entry) => entry['runSettingId']);
			expect(new Set(ids)).toEqual(new Set(expected.runs.keys()));
			const text = await readFile(path, 'utf8');
			expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
			expect(text).toContain('\\u001b[1m');
		} finally {
			await emulator.stop();
			await rm(directory, {recursive: true, force: true});
		}
	});
});
