import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {describe, expect, it} from 'vitest';
import {
	CancelRunBatchCommand,
	DeleteBatchCommand,
	DeleteRunBatchCommand,
	GetBatchCommand,
	ListBatchCommand,
	paginateListRunsInBatch,
} from '@aws-sdk/client-omics';
import {omicsClient} from '../helpers/omics-test-client.js';

// Drives the built CLI (npm test builds dist/ first), as a user or CI job would.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

/** Starts `batchtop ARGS`, resolves with the process and its first stdout line. */
async function startCli(args: string[]) {
	const child = spawn(process.execPath, [CLI, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	const lines = createInterface({input: child.stdout});
	const [first] = (await once(lines, 'line')) as [string];
	return {child, first};
}

describe('batchtop emulator (built CLI)', () => {
	it('prints exactly one "listening on" line, serves the demo to the SDK, and exits 0 on SIGTERM', async () => {
		const {child, first} = await startCli(['emulator', '--port', '0', '--speed', '10']);
		let extra = '';
		child.stdout.on('data', (chunk: Buffer) => (extra += chunk.toString()));
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
		const url = first.replace('listening on ', '');
		const client = omicsClient(url);
		const {items = []} = await client.send(new ListBatchCommand({}));
		expect(items.length).toBeGreaterThanOrEqual(7);
		expect((await client.send(new GetBatchCommand({batchId: items[0]?.id ?? ''}))).status).toBeTruthy();
		child.kill('SIGTERM');
		const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
		expect({code, signal}).toEqual({code: 0, signal: null});
		expect(extra).toBe('');
		expect(stderr).toBe('');
	});

	it('serves the demo so the SDK can list, get, page through, cancel and delete', async () => {
		const {child, first} = await startCli(['emulator', '--scenario', 'demo']);
		try {
			const client = omicsClient(first.replace('listening on ', ''));
			const {items = []} = await client.send(new ListBatchCommand({}));
			const byStatus = (status: string) => items.find((item) => item.status === status)?.id ?? '';
			const large = items.find((item) => item.totalRuns === 100_000)?.id ?? '';
			let entries = 0;
			for await (const page of paginateListRunsInBatch({client, pageSize: 100}, {batchId: large})) {
				entries += page.runs?.length ?? 0;
				if (entries >= 1000) break;
			}
			expect(entries).toBe(1000);
			expect((await client.send(new CancelRunBatchCommand({batchId: large}))).$metadata.httpStatusCode).toBe(
				202,
			);
			expect((await client.send(new GetBatchCommand({batchId: large}))).status).toBe('STOPPING');
			const processed = byStatus('PROCESSED');
			expect(
				(await client.send(new DeleteRunBatchCommand({batchId: processed}))).$metadata.httpStatusCode,
			).toBe(202);
			expect((await client.send(new GetBatchCommand({batchId: processed}))).status).toBe('RUNS_DELETING');
			const failed = byStatus('FAILED');
			expect((await client.send(new DeleteBatchCommand({batchId: failed}))).$metadata.httpStatusCode).toBe(
				202,
			);
			const after = await client.send(new ListBatchCommand({}));
			expect(after.items?.some((item) => item.id === failed)).toBe(false);
		} finally {
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
	});

	it('stops cleanly on SIGINT too, with an open keep-alive connection', async () => {
		const {child, first} = await startCli(['emulator', '--scenario', 'empty']);
		const url = first.replace('listening on ', '');
		await omicsClient(url).send(new ListBatchCommand({}));
		child.kill('SIGINT');
		const [code] = (await once(child, 'exit')) as [number | null];
		expect(code).toBe(0);
	});

	it.each([
		[
			['emulator', '--port', 'eighty'],
			/^batchtop: --port must be a whole number from 0 to 65535, got "eighty"\n$/,
		],
		[['emulator', '--speed', '-1'], /^batchtop: --speed must be a number/],
		[
			['emulator', '--scenario', '/no/such.json'],
			/^batchtop: cannot read scenario file \/no\/such\.json: no such file/,
		],
		[['emulator', '--fault', 'GetBatch:throttle=2'], /^batchtop: fault GetBatch\.throttle: /],
		[['emulator', '--frobnicate'], /^batchtop: unknown option --frobnicate; see batchtop --help\n$/],
		[['launch'], /^batchtop: "launch" is not a batch ID or ARN/],
	])('%j fails with one line and exit code 2', (args, message) => {
		const result = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', timeout: 10_000});
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stdout).toBe('');
	});

	it('reports a port in use in one line', async () => {
		const {child, first} = await startCli(['emulator', '--scenario', 'empty']);
		const port = first.split(':').at(-1) ?? '';
		try {
			const result = spawnSync(process.execPath, [CLI, 'emulator', '--port', port], {
				encoding: 'utf8',
				timeout: 10_000,
			});
			expect(result.status).toBe(2);
			expect(result.stderr).toBe(
				`batchtop: port 127.0.0.1:${port} is already in use; pick another with --port, or --port 0 for any free port\n`,
			);
		} finally {
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
	});

	it('prints --version and --help', () => {
		expect(spawnSync(process.execPath, [CLI, '--version'], {encoding: 'utf8'}).stdout.trim()).toMatch(
			/^\d+\.\d+\.\d+$/,
		);
		const help = spawnSync(process.execPath, [CLI, '--help'], {encoding: 'utf8'});
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('batchtop emulator');
		expect(help.stdout).toContain('Exit codes');
	});
});
