import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {manifestPathProblem, openAtomicJsonArray} from '../../source/output/retry-manifest-file.js';

describe('openAtomicJsonArray', () => {
	let directory: string;
	beforeEach(async () => {
		directory = await mkdtemp(join(tmpdir(), 'batchtop-atomic-'));
	});
	afterEach(async () => rm(directory, {recursive: true, force: true}));

	it('the file appears only on commit, whole: one element per line', async () => {
		const path = join(directory, 'm.json');
		await writeFile(path, 'old\n');
		const file = await openAtomicJsonArray(path);
		await file.add('{"runSettingId":"a"}');
		await file.add('{"runSettingId":"b"}');
		expect(await readFile(path, 'utf8')).toBe('old\n');
		await file.commit();
		expect(await readFile(path, 'utf8')).toBe('[\n\t{"runSettingId":"a"},\n\t{"runSettingId":"b"}\n]\n');
		expect(await readdir(directory)).toEqual(['m.json']);
	});

	it('an empty array is [] ; abort leaves the old file and no temporary', async () => {
		const empty = join(directory, 'empty.json');
		const file = await openAtomicJsonArray(empty);
		await file.commit();
		expect(JSON.parse(await readFile(empty, 'utf8'))).toEqual([]);
		const path = join(directory, 'kept.json');
		await writeFile(path, 'old\n');
		const aborted = await openAtomicJsonArray(path);
		await aborted.add('{}');
		await aborted.abort();
		expect(await readFile(path, 'utf8')).toBe('old\n');
		expect((await readdir(directory)).sort()).toEqual(['empty.json', 'kept.json']);
	});

	it('says why a path cannot take the manifest', async () => {
		expect(await manifestPathProblem(join(directory, 'new.json'))).toBeUndefined();
		expect(await manifestPathProblem(join(directory, 'no', 'm.json'))).toMatch(/does not exist/);
		expect(await manifestPathProblem(directory)).toMatch(/is a directory/);
	});
});
