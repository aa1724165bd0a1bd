import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {diagnosticsSample, startDiagnosticsLog} from '../../source/output/diagnostics-log.js';

describe('diagnostics log', () => {
	it('counts live timers by kind and writes one NDJSON sample per interval', async () => {
		const timer = setTimeout(() => {}, 60_000);
		const sample = diagnosticsSample();
		clearTimeout(timer);
		expect(sample.resources['Timeout']).toBeGreaterThanOrEqual(1);
		expect(sample.rssBytes).toBeGreaterThan(sample.heapUsedBytes);

		const file = join(mkdtempSync(join(tmpdir(), 'batchtop-diag-')), 'samples.ndjson');
		const stop = startDiagnosticsLog(file, 20);
		await new Promise((resolve) => setTimeout(resolve, 70));
		stop();
		const lines = readFileSync(file, 'utf8').trim().split('\n');
		expect(lines.length).toBeGreaterThanOrEqual(3);
		expect(JSON.parse(lines[0] ?? '{}')).toHaveProperty('resources');
		expect(startDiagnosticsLog(undefined)).toBeTypeOf('function');
	});
});
