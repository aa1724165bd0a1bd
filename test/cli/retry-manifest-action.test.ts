import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ListRunsCommand, ListRunsInBatchCommand, type OmicsClient} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import {createBatchApi} from '../../source/omics/batch-api.js';
import {createRunSettingsApi} from '../../source/omics/run-settings-api.js';
import {defaultBudgets, OperationBudgets} from '../../source/poller/operation-budgets.js';
import {retryManifestAction, tuiManifestPath} from '../../source/cli/retry-manifest-action.js';
import {FAST_ACCOUNT, FAST_DEFAULTS} from '../helpers/fast-scenario.js';
import {omicsClient} from '../helpers/omics-test-client.js';

// The function the TUI's `e` calls: batchtop-retry-<batchId>.json in the current directory, entries
// rebuilt from GetRun (the TUI has no settings file), through the real SDK against the emulator.

describe('retryManifestAction (the TUI e key)', () => {
	let emulator: Emulator;
	let client: OmicsClient;
	let directory: string;
	beforeAll(async () => {
		emulator = await startEmulator({
			scenario: {
				seed: 3,
				account: FAST_ACCOUNT,
				defaults: FAST_DEFAULTS,
				batches: [{name: 'tui', totalRuns: 40, runFailureShare: 0.4, submissionFailureShare: 0.2}],
			} as Scenario,
			speed: 1000,
			catchUpFirst: true,
		});
		emulator.advance(100_000);
		client = omicsClient(emulator.url);
		directory = await mkdtemp(join(tmpdir(), 'batchtop-tui-retry-'));
	});
	afterAll(async () => {
		await emulator.stop();
		await rm(directory, {recursive: true, force: true});
	});

	it('writes batchtop-retry-<batchId>.json with the failed runs rebuilt, and says which submissions it lacks', async () => {
		const batchId = emulator.batchIds[0] ?? '';
		const api = createBatchApi(client);
		const budgets = new OperationBudgets(
			{...defaultBudgets(50), GetRun: 10, ListRuns: 10, ListRunsInBatch: 100},
			{maxInFlight: api.maxConcurrent},
		);
		const abort = new AbortController();
		try {
			const action = retryManifestAction(
				{api, settingsApi: createRunSettingsApi(client), budgets, signal: abort.signal},
				directory,
			);
			const result = await action(batchId);
			const submissions = (
				await client.send(new ListRunsInBatchCommand({batchId, submissionStatus: 'FAILED'}))
			).runs?.map((run) => run.runSettingId ?? '');
			const runs = (await client.send(new ListRunsCommand({batchId, status: 'FAILED'}))).items ?? [];
			expect(submissions?.length).toBeGreaterThan(0);
			expect(runs.length).toBeGreaterThan(0);
			expect(result).toEqual({
				path: join(directory, `batchtop-retry-${batchId}.json`),
				entries: runs.length,
				missing: submissions?.map((id) => `submission ${id}`),
				incomplete: true,
			});
			const manifest = JSON.parse(await readFile(result.path, 'utf8')) as Array<{runSettingId: string}>;
			expect(manifest).toHaveLength(runs.length);
		} finally {
			abort.abort();
			budgets.close();
		}
	});

	it('never makes a path of anything but a batch id', () => {
		expect(tuiManifestPath('4812375', '/work')).toBe('/work/batchtop-retry-4812375.json');
		expect(() => tuiManifestPath('../../etc/passwd', '/work')).toThrow(RangeError);
		expect(() => tuiManifestPath('12/34', '/work')).toThrow(RangeError);
	});
});
