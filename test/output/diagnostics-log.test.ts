import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	diagnosticsNote,
	diagnosticsSample,
	startDiagnosticsLog,
} from '../../source/output/diagnostics-log.js';
import {createOmicsClient} from '../../source/omics/omics-client.js';

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

	it('takes library log lines (the SDK logger) into the file, guarded, and drops them without one', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'batchtop-diag-')), 'notes.ndjson');
		const stop = startDiagnosticsLog(file, 60_000);
		diagnosticsNote('warn', 'socket usage at capacity \u001b]52;c;eA==\u0007');
		// The client's logger is the one the SDK and its HTTP handler call instead of console.
		const client = createOmicsClient({region: 'us-east-1', log: diagnosticsNote});
		client.config.logger.warn('@smithy/node-http-handler - [WARN] a request has exceeded');
		stop();
		const notes = readFileSync(file, 'utf8')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as {type?: string; message?: string})
			.filter((record) => record.type === 'library-log');
		expect(notes.map((note) => note.message)).toEqual([
			'socket usage at capacity ',
			'@smithy/node-http-handler - [WARN] a request has exceeded',
		]);
		startDiagnosticsLog(undefined);
		expect(() => diagnosticsNote('warn', 'nowhere to go')).not.toThrow();
	});
});
