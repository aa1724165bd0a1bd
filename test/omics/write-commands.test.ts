import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE = join(ROOT, 'source');

/** Every TypeScript file under source/, the emulator's (it plays the service) left out. */
function sourceFiles(directory = SOURCE): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return path === join(SOURCE, 'emulator') ? [] : sourceFiles(path);
		return /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

/** The names a file takes from an AWS SDK package, static and dynamic imports alike (`{A, type B}` or `{A} = await import(...)`). */
function sdkNames(text: string): string[] {
	const names: string[] = [];
	const braces = /\{([^}]*)\}\s*(?:from\s*|=\s*await\s+import\s*\(\s*)['"]@aws-sdk\/[^'"]+['"]/g;
	for (const match of text.matchAll(braces))
		for (const part of (match[1] ?? '').split(','))
			names.push(
				part
					.trim()
					.replace(/^type\s+/, '')
					.split(/\s+as\s+|\s*:\s*/)[0] ?? '',
			);
	return names.filter(Boolean);
}

/** Commands that only read: Get, List, Describe, Filter (CloudWatch Logs' FilterLogEvents). */
const READS = /^(Get|List|Describe|Filter)[A-Za-z]*Command$/;
/** The one write batchtop may make, and the one file allowed to import it (--allow-cancel). */
const ALLOWED_WRITES: Readonly<Record<string, string>> = {
	CancelRunBatchCommand: 'source/omics/cancel-api.ts',
};

describe('nothing but --allow-cancel writes to the account', () => {
	const imports = sourceFiles().map((path) => ({
		file: relative(ROOT, path).split('\\').join('/'),
		names: sdkNames(readFileSync(path, 'utf8')),
	}));

	it('finds the SDK imports it checks (the scan itself works)', () => {
		const all = imports.flatMap((each) => each.names);
		expect(all).toContain('GetBatchCommand');
		expect(all).toContain('GetLogEventsCommand');
		expect(all).toContain('CancelRunBatchCommand');
	});

	it('every AWS SDK command imported outside source/emulator reads, except CancelRunBatch in its one file', () => {
		const writes = imports.flatMap(({file, names}) =>
			names
				.filter((name) => name.endsWith('Command') && !READS.test(name) && ALLOWED_WRITES[name] !== file)
				.map((name) => `${file}: ${name}`),
		);
		expect(writes).toEqual([]);
	});

	it('the cancel API is created in one place only: the watch, with --allow-cancel', () => {
		const creators = sourceFiles()
			.filter((path) => /createCancelApi\(/.test(readFileSync(path, 'utf8')))
			.map((path) => relative(ROOT, path).split('\\').join('/'));
		expect(creators.sort()).toEqual(['source/cli/run-watch.ts', 'source/omics/cancel-api.ts']);
		expect(readFileSync(join(SOURCE, 'cli', 'run-watch.ts'), 'utf8')).toMatch(
			/config\.allowCancel\s*\?\s*createBatchCanceller\(createCancelApi\(/,
		);
	});
});
