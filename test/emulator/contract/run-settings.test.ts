import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	GetRunCommand,
	ListRunsCommand,
	ListRunsInBatchCommand,
	StartRunBatchCommand,
	type GetRunCommandOutput,
	type StartRunBatchCommandInput,
} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../../source/emulator/index.js';
import type {Behaviour} from '../../../source/emulator/scenario/scenario-schema.js';
import {omicsClient} from '../../helpers/omics-test-client.js';

// Per-run settings through the real SDK over HTTP: each run's GetRun and ListRuns item show its own
// entry over the batch's defaultRunSetting (parameters and runTags merged key by key, the entry winning),
// for inline settings, for an s3UriSettings file whose contents a scenario gives, and for a scenario
// batch's template. The batch's own tags never reach its runs.

const START = Date.parse('2026-11-01T12:00:00Z');
const FAST: Behaviour = {submitRate: 50, durations: {pending: [1, 2], starting: [1, 2], running: [30, 60]}};
type Client = ReturnType<typeof omicsClient>;

const DEFAULTS = {
	workflowId: '1234567',
	roleArn: 'arn:aws:iam::123456789012:role/OmicsRole',
	name: 'default-name',
	priority: 5,
	outputUri: 's3://out/default/',
	outputBucketOwnerId: '111122223333',
	storageCapacity: 2400,
	cacheId: '4455667',
	cacheBehavior: 'CACHE_ALWAYS' as const,
	parameters: {reference: 's3://ref/GRCh38.fa', sample: 'none', threads: 4},
	runTags: {team: 'core', stage: 'default'},
};

const startInput = (
	batchRunSettings: StartRunBatchCommandInput['batchRunSettings'],
	defaultRunSetting: StartRunBatchCommandInput['defaultRunSetting'] = DEFAULTS,
): StartRunBatchCommandInput => ({
	batchName: 'settings-batch',
	tags: {batchOnly: 'not-for-runs', team: 'batch-level'},
	defaultRunSetting,
	batchRunSettings,
});

/** Starts a batch, lets every run be submitted, and returns GetRun of each run by its runSettingId. */
async function runsOf(
	client: Client,
	advance: (seconds: number) => void,
	input: StartRunBatchCommandInput,
): Promise<{batchId: string; runs: Map<string, GetRunCommandOutput>}> {
	const {id = ''} = await client.send(new StartRunBatchCommand(input));
	advance(600);
	const entries = await client.send(new ListRunsInBatchCommand({batchId: id, maxItems: 100}));
	const runs = new Map<string, GetRunCommandOutput>();
	for (const entry of entries.runs ?? []) {
		runs.set(entry.runSettingId ?? '', await client.send(new GetRunCommand({id: entry.runId ?? ''})));
	}
	return {batchId: id, runs};
}

describe('per-run settings through GetRun and ListRuns (inline settings)', () => {
	let emulator: Emulator;
	let client: Client;

	beforeAll(async () => {
		emulator = await startEmulator({
			scenario: {defaults: FAST, batches: []},
			clock: 'manual',
			startTime: START,
		});
		client = omicsClient(emulator.url);
	});
	afterAll(async () => emulator.stop());

	it('applies each member an entry sets, merges parameters and runTags (entry wins), and defaults the rest', async () => {
		const {batchId, runs} = await runsOf(
			client,
			(seconds) => emulator.advance(seconds),
			startInput({
				inlineSettings: [
					{
						runSettingId: 'full',
						name: 'run-full',
						priority: 90,
						outputUri: 's3://out/full',
						outputBucketOwnerId: '444455556666',
						parameters: {sample: 'A', extra: true},
						runTags: {stage: 'entry', sample: 'A'},
					},
					{runSettingId: 'bare'},
					{runSettingId: 'partial', parameters: {threads: 8}, runTags: {sample: 'C'}},
				],
			}),
		);
		expect([...runs.keys()].sort()).toEqual(['bare', 'full', 'partial']);

		const full = runs.get('full');
		expect(full?.name).toBe('run-full');
		expect(full?.priority).toBe(90);
		expect(full?.outputUri).toBe('s3://out/full');
		expect(full?.runOutputUri).toBe(`s3://out/full/${full?.id}`);
		expect(full?.parameters).toEqual({reference: 's3://ref/GRCh38.fa', sample: 'A', threads: 4, extra: true});
		expect(full?.tags).toEqual({team: 'core', stage: 'entry', sample: 'A'});

		const bare = runs.get('bare');
		expect(bare?.name).toBe('default-name');
		expect(bare?.priority).toBe(5);
		expect(bare?.outputUri).toBe('s3://out/default/');
		expect(bare?.runOutputUri).toBe(`s3://out/default/${bare?.id}`);
		expect(bare?.parameters).toEqual(DEFAULTS.parameters);
		expect(bare?.tags).toEqual(DEFAULTS.runTags);

		const partial = runs.get('partial');
		expect(partial?.name).toBe('default-name');
		expect(partial?.priority).toBe(5);
		expect(partial?.parameters).toEqual({reference: 's3://ref/GRCh38.fa', sample: 'none', threads: 8});
		expect(partial?.tags).toEqual({team: 'core', stage: 'default', sample: 'C'});

		// Batch-level members every run shares; the batch's own tags are not inherited.
		for (const run of runs.values()) {
			expect(run.batchId).toBe(batchId);
			expect(run.storageCapacity).toBe(2400);
			expect(run.cacheId).toBe('4455667');
			expect(run.cacheBehavior).toBe('CACHE_ALWAYS');
			expect(run.tags?.['batchOnly']).toBeUndefined();
			expect(run.tags?.['team']).toBe('core');
		}

		const listed = await client.send(new ListRunsCommand({batchId}));
		const byId = new Map(listed.items?.map((item) => [item.id, item]));
		for (const run of runs.values()) {
			expect(byId.get(run.id)?.name).toBe(run.name);
			expect(byId.get(run.id)?.priority).toBe(run.priority);
		}
		const named = await client.send(new ListRunsCommand({batchId, name: 'run-full'}));
		expect(named.items?.map((item) => item.id)).toEqual([full?.id]);
		const defaultNamed = await client.send(new ListRunsCommand({batchId, name: 'default-name'}));
		expect(defaultNamed.items?.map((item) => item.id).sort()).toEqual([bare?.id, partial?.id].sort());
	});

	it('without a name anywhere a run is named by its runSettingId, and without runTags it has no tags', async () => {
		const {workflowId, roleArn} = DEFAULTS;
		const {runs} = await runsOf(
			client,
			(seconds) => emulator.advance(seconds),
			startInput(
				{inlineSettings: [{runSettingId: 'only-id'}, {runSettingId: 'named', name: 'mine'}]},
				{
					workflowId,
					roleArn,
				},
			),
		);
		expect(runs.get('only-id')?.name).toBe('only-id');
		expect(runs.get('only-id')?.priority).toBe(0);
		expect(runs.get('only-id')?.tags).toEqual({});
		expect(runs.get('only-id')?.parameters).toEqual({});
		expect(runs.get('named')?.name).toBe('mine');
	});
});

describe('per-run settings of an s3UriSettings batch (file contents from the scenario)', () => {
	let served: Emulator;
	let client: Client;
	const advance = (seconds: number) => served.advance(seconds);

	beforeAll(async () => {
		served = await startEmulator({
			clock: 'manual',
			startTime: START,
			seed: 1,
			s3SettingsRuns: 7,
			scenario: {
				account: {startRunTps: 1000},
				defaults: FAST,
				s3Settings: {
					's3://settings/listed.json': {
						entries: [
							{runSettingId: 'x1', name: 'listed-one', priority: 7, parameters: {sample: 'X1'}},
							{runSettingId: 'x2', outputUri: 's3://out/x2/', runTags: {stage: 'x2'}},
						],
					},
					's3://settings/templated.json': {
						count: 40,
						runSettingIdPrefix: 'sample-',
						template: {name: 'sample {n}', parameters: {sample: 'S{n}', reads: 's3://reads/{id}.bam'}},
					},
				},
				batches: [],
			},
		});
		client = omicsClient(served.url);
	});
	afterAll(() => served.stop());

	it("a listed file's entries become the batch's runs, each with its own settings", async () => {
		const {runs} = await runsOf(client, advance, startInput({s3UriSettings: 's3://settings/listed.json'}));
		expect([...runs.keys()].sort()).toEqual(['x1', 'x2']);
		expect(runs.get('x1')?.name).toBe('listed-one');
		expect(runs.get('x1')?.priority).toBe(7);
		expect(runs.get('x1')?.parameters).toEqual({...DEFAULTS.parameters, sample: 'X1'});
		expect(runs.get('x1')?.tags).toEqual(DEFAULTS.runTags);
		expect(runs.get('x2')?.name).toBe('default-name');
		expect(runs.get('x2')?.outputUri).toBe('s3://out/x2/');
		expect(runs.get('x2')?.tags).toEqual({team: 'core', stage: 'x2'});
	});

	it("a template file's entries are filled in per run: {n} its ordinal, {id} its runSettingId", async () => {
		const {runs} = await runsOf(client, advance, startInput({s3UriSettings: 's3://settings/templated.json'}));
		expect(runs.size).toBe(40);
		const run = runs.get('sample-0012');
		expect(run?.name).toBe('sample 12');
		expect(run?.parameters).toEqual({
			...DEFAULTS.parameters,
			sample: 'S12',
			reads: 's3://reads/sample-0012.bam',
		});
		expect(run?.priority).toBe(5);
		expect(run?.tags).toEqual(DEFAULTS.runTags);
	});

	it('a file the scenario does not give holds --s3-settings-runs bare entries that take the defaults', async () => {
		const {runs} = await runsOf(client, advance, startInput({s3UriSettings: 's3://settings/unknown.json'}));
		expect([...runs.keys()].sort()).toEqual(Array.from({length: 7}, (_, index) => `entry-000${index + 1}`));
		for (const run of runs.values()) {
			expect(run.name).toBe('default-name');
			expect(run.parameters).toEqual(DEFAULTS.parameters);
		}
	});
});

describe("a scenario batch's runSettings template", () => {
	let emulator: Emulator;
	let client: Client;

	beforeAll(async () => {
		emulator = await startEmulator({
			scenario: {
				defaults: FAST,
				batches: [
					{
						name: 'templated',
						totalRuns: 100_000,
						createdAgo: 600,
						submitRate: 100,
						tags: {batchOnly: 'x'},
						runSettingIdPrefix: 'sample-',
						runSettings: {
							name: 'S{n}',
							priority: 3,
							outputUri: 's3://out/{id}/',
							parameters: {sample: 'S{n}'},
							runTags: {sample: '{id}'},
						},
					},
				],
			},
			clock: 'manual',
			startTime: START,
		});
		client = omicsClient(emulator.url);
	});
	afterAll(async () => emulator.stop());

	it('fills in each run of a 100,000-run batch on demand, over the batch defaults', async () => {
		const [batchId = ''] = emulator.batchIds;
		const entries = await client.send(new ListRunsInBatchCommand({batchId, runSettingId: 'sample-000042'}));
		const run = await client.send(new GetRunCommand({id: entries.runs?.[0]?.runId ?? ''}));
		expect(run.name).toBe('S42');
		expect(run.priority).toBe(3);
		expect(run.outputUri).toBe('s3://out/sample-000042/');
		expect(run.parameters).toEqual({reference: 's3://omics-reference/GRCh38/GRCh38.fa', sample: 'S42'});
		expect(run.tags).toEqual({sample: 'sample-000042'});
		const named = await client.send(new ListRunsCommand({batchId, name: 'S42'}));
		expect(named.items?.map((item) => item.id)).toEqual([run.id]);
	});
});
