import {describe, expect, it} from 'vitest';
import {
	entryFromRun,
	entryJson,
	parseSettingsFile,
	RetryManifestTally,
	SettingsFileError,
} from '../../source/domain/retry-manifest.js';

describe('parseSettingsFile', () => {
	const entries = [
		{priority: 3, runSettingId: 'a', parameters: {x: 1}},
		{runSettingId: 'b', name: 'B'},
	];

	it('takes a JSON array, {"inlineSettings": [...]} and a StartRunBatch input, entries kept as written', () => {
		for (const body of [
			entries,
			{inlineSettings: entries},
			{batchName: 'n', defaultRunSetting: {workflowId: '1'}, batchRunSettings: {inlineSettings: entries}},
		]) {
			const parsed = parseSettingsFile(JSON.stringify(body));
			expect([...parsed.keys()]).toEqual(['a', 'b']);
			expect(entryJson(parsed.get('a') ?? {runSettingId: ''})).toBe(
				'{"priority":3,"runSettingId":"a","parameters":{"x":1}}',
			);
		}
	});

	it('refuses, in one line, what is not a settings file', () => {
		for (const [text, message] of [
			['{', /is not JSON/],
			['{"a": 1}', /holds no run settings/],
			['[{"name": "x"}]', /entry 1 is not a run setting/],
			['[{"runSettingId": ""}]', /entry 1 is not a run setting/],
			['[{"runSettingId": "a"}, {"runSettingId": "a"}]', /"a" appears twice/],
			[
				'{"batchRunSettings": {"s3UriSettings": "s3://b/k.json"}}',
				/names an S3 settings file \(s3:\/\/b\/k\.json\)/,
			],
			[
				'[{"runSettingId": "\\u001b[31mred\\n"}, {"runSettingId": "\\u001b[31mred\\n"}]',
				/"red" appears twice/,
			],
		] as const) {
			expect(() => parseSettingsFile(text)).toThrow(SettingsFileError);
			expect(() => parseSettingsFile(text)).toThrow(message);
		}
	});
});

describe('entryFromRun', () => {
	it('keeps only the InlineSetting members GetRun gave valid values for, runTags without aws: keys', () => {
		expect(
			entryFromRun('rs-1', {
				name: 'n',
				outputUri: 's3://o/',
				priority: 7,
				parameters: {a: [1]},
				tags: {team: 'core', 'aws:omics:batch': 'x'},
			}),
		).toEqual({
			runSettingId: 'rs-1',
			name: 'n',
			outputUri: 's3://o/',
			priority: 7,
			parameters: {a: [1]},
			runTags: {team: 'core'},
		});
		expect(
			entryFromRun('rs-2', {name: '', outputUri: 5, priority: -1, parameters: [1], tags: {'aws:x': 'y'}}),
		).toEqual({runSettingId: 'rs-2'});
		expect(Object.keys(entryFromRun('rs-3', {priority: 100_000, name: 'x'.repeat(129)}))).toEqual([
			'runSettingId',
			'priority',
		]);
	});
});

describe('RetryManifestTally', () => {
	it('claims each id once and counts what was written and what is missing', () => {
		const tally = new RetryManifestTally();
		expect(tally.claim('a')).toBe(true);
		expect(tally.claim('a')).toBe(false);
		tally.written();
		tally.lacking('submission b');
		expect({entries: tally.entries, missing: tally.missing}).toEqual({entries: 1, missing: ['submission b']});
	});
});
