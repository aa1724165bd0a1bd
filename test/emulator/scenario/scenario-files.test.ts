import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ScenarioError, loadScenario, parseScenario} from '../../../source/emulator/scenario/load-scenario.js';

async function fileWith(content: string): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'batchtop-scenario-'));
	const path = join(dir, 'scenario.json');
	await writeFile(path, content);
	return path;
}

describe('scenario files', () => {
	it('loads the built-in demo, empty and hostile scenarios', async () => {
		expect((await loadScenario('demo')).batches.length).toBeGreaterThanOrEqual(7);
		expect((await loadScenario('empty')).batches).toEqual([]);
		expect((await loadScenario('hostile')).batches.length).toBeGreaterThanOrEqual(3);
	});

	// The real service's patterns forbid control characters: the demo looks like it, the hostile scenario does not.
	const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
	const strings = (value: unknown): string[] =>
		typeof value === 'string'
			? [value]
			: typeof value === 'object' && value !== null
				? Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)])
				: [];

	it('keeps control characters out of the demo', async () => {
		expect(strings(await loadScenario('demo')).filter((text) => CONTROL.test(text))).toEqual([]);
		expect((await loadScenario('demo')).defaults?.hostileText).toBeUndefined();
		expect((await loadScenario('demo')).batches.some((batch) => batch.hostileText)).toBe(false);
	});

	it('puts control characters in every text field the hostile scenario can carry', async () => {
		const scenario = await loadScenario('hostile');
		expect(scenario.defaults?.hostileText).toBe(true);
		const hostile = (texts: unknown) => strings(texts).some((text) => CONTROL.test(text));
		const batches = scenario.batches;
		for (const field of [
			'name',
			'tags',
			'runSettingIdPrefix',
			'runSettings',
			'roleArn',
			'outputUri',
		] as const)
			expect(hostile(batches.map((batch) => batch[field])), field).toBe(true);
		expect(hostile(batches.flatMap((batch) => batch.actions?.map((action) => action.reason)))).toBe(true);
		expect(hostile(batches.map((batch) => batch.runSettings?.name))).toBe(true);
		expect(hostile(batches.map((batch) => batch.runSettings?.parameters))).toBe(true);
		expect(hostile(batches.map((batch) => batch.runSettings?.runTags))).toBe(true);
	});

	it('takes s3Settings files as entries or as a template, and a batch runSettings template', () => {
		const scenario = parseScenario(
			{
				s3Settings: {
					's3://b/listed.json': {entries: [{runSettingId: 'a', name: 'A', priority: 3}]},
					's3://b/templated.json': {count: 100_000, template: {parameters: {sample: 'S{n}'}}},
				},
				batches: [{totalRuns: 5, runSettings: {name: 'run {n}', runTags: {id: '{id}'}}}],
			},
			'test.json',
		);
		expect(Object.keys(scenario.s3Settings ?? {})).toHaveLength(2);
		expect(scenario.batches[0]?.runSettings?.name).toBe('run {n}');
	});

	it('loads a valid file', async () => {
		const path = await fileWith(
			JSON.stringify({seed: 3, batches: [{totalRuns: 5, actions: [{at: 10, do: 'cancel'}]}]}),
		);
		expect((await loadScenario(path)).seed).toBe(3);
	});

	it.each([
		[{batches: [{totalRuns: 0}]}, /batches\[0\]\.totalRuns: .*>=1/],
		[{batches: [{totalRuns: 100_001}]}, /batches\[0\]\.totalRuns: .*100000/],
		[{batches: [{totalRuns: 5, runFailureShare: 1.5}]}, /batches\[0\]\.runFailureShare/],
		[
			{batches: [{totalRuns: 5, durations: {running: [60, 10]}}]},
			/batches\[0\]\.durations\.running: expected \[min, max\] with min <= max/,
		],
		[{batches: [{totalRuns: 5, actions: [{at: 1, do: 'explode'}]}]}, /batches\[0\]\.actions\[0\]\.do/],
		[{batches: [{totalRuns: 5, colour: 'red'}]}, /batches\[0\]: .*colour/],
		[{batches: [{totalRuns: 5, workflowId: 'abc'}]}, /workflowId: expected 1-18 digits/],
		[{region: 'moon-1', batches: []}, /region: expected a region/],
		[{s3Settings: {'https://b/k': {count: 1}}, batches: []}, /s3Settings\.https:\/\/b\/k: Invalid key/],
		[{s3Settings: {'s3://b/k': {count: 100_001}}, batches: []}, /s3Settings\.s3:\/\/b\/k/],
		[
			{s3Settings: {'s3://b/k': {entries: [{runSettingId: 'a'}, {runSettingId: 'a'}]}}, batches: []},
			/each runSettingId must be unique/,
		],
		[
			{batches: [{totalRuns: 5, runSettings: {runSettingId: 'x'}}]},
			/batches\[0\]\.runSettings: .*runSettingId/,
		],
		[{batches: [{totalRuns: 5, runSettings: {priority: 100_001}}]}, /batches\[0\]\.runSettings\.priority/],
		[{}, /batches: /],
	])('rejects %j with a message naming the field', (input, message) => {
		expect(() => parseScenario(input, 'test.json')).toThrow(ScenarioError);
		expect(() => parseScenario(input, 'test.json')).toThrow(message);
	});

	it('names the file and the problem for a missing file and for bad JSON', async () => {
		await expect(loadScenario('/definitely/not/here.json')).rejects.toThrow(
			/cannot read scenario file \/definitely\/not\/here\.json: no such file/,
		);
		const broken = await fileWith('{"batches": [');
		await expect(loadScenario(broken)).rejects.toThrow(/is not valid JSON/);
	});
});
