import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {GetLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {GetRunTaskCommand, ListRunTasksCommand} from '@aws-sdk/client-omics';
import {afterEach, describe, expect, it} from 'vitest';
import {parseLogStreamArn} from '../../source/domain/run-detail.js';
import {sanitizeText} from '../../source/domain/sanitize-text.js';
import {logsClient, omicsClient} from '../helpers/omics-test-client.js';
import {waitForScreen} from '../helpers/wait-for-screen.js';

// The "done when": in a real terminal (tmux), on the demo, from the batch list to the last
// lines of a failed task's log in at most five keys, and back. What the pane shows is checked against
// the emulator itself (ListRunTasks, GetRunTask, GetLogEvents through the real SDKs).
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const socket = `batchtop-drill-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const screen = (): string => tmux('capture-pane', '-p', '-t', 'drill');
const waitFor = (check: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> =>
	waitForScreen(screen, check, what, timeoutMs);

let keys = 0;
/** One key press, counted. */
const press = (key: string) => {
	keys += 1;
	tmux('send-keys', '-t', 'drill', key);
};

describe('the drill-down in a real terminal (tmux)', () => {
	afterEach(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	it('goes from the batch list to the newest lines of a failed task’s log in at most five keys, and back', async () => {
		// Sorted by name, the list's order does not move while statuses change: the digit is the batch's row.
		const directory = mkdtempSync(join(tmpdir(), 'batchtop-drill-'));
		tmux(
			'new-session',
			'-d',
			'-s',
			'drill',
			'-c',
			directory,
			'-x',
			'120',
			'-y',
			'40',
			`node ${CLI} --demo --sort name`,
		);
		const first = await waitFor(
			(text) => text.includes('germline-trio-2026-11') || text.includes('germline'),
			'the list',
		);
		const url = /the demo emulator (http:\/\/127\.0\.0\.1:\d+)/.exec(first)?.[1];
		expect(url).toBeDefined();
		// The list's rows: under its column header, one per batch, the selected one marked.
		const rows = first.split('\n');
		const header = rows.findIndex((line) => /^ +BATCH/.test(line));
		const listRows = rows.slice(header + 1, header + 13);
		const row = listRows.findIndex((line) => /^[ ›] germline/.test(line));
		expect(row).toBeGreaterThanOrEqual(0);
		expect(row).toBeLessThan(9);

		keys = 0;
		press(String(row + 1));
		await waitFor((text) => /› (RUN +)?germline/.test(text), 'germline selected');
		press('Enter');
		await waitFor((text) => /› +\d+ × /.test(text), 'the detail pane with a group selected');
		press('Enter');
		const entries = await waitFor(
			(text) => /› run \d+ · setting \S+ · task \S+/.test(text),
			'the group’s entries with the first run looked up',
		);
		const runId = /› run (\d+) · setting/.exec(entries)?.[1] ?? '';
		const runSettingId = /› run \d+ · setting (\S+)/.exec(entries)?.[1] ?? '';
		press('Enter');
		const runView = await waitFor(
			(text) =>
				text.includes(`› run ${runId} › task `) &&
				/\d\d:\d\d:\d\d {2}\S/.test(text) &&
				!text.includes('reading'),
			'the failed task’s log',
		);
		expect(keys).toBeLessThanOrEqual(5);

		// The pane's last log rows are the stream's newest lines, as the emulator serves them.
		const client = omicsClient(url ?? '');
		const failed = await client.send(new ListRunTasksCommand({id: runId, status: 'FAILED'}));
		const taskId = failed.items?.[0]?.taskId ?? '';
		const task = await client.send(new GetRunTaskCommand({id: runId, taskId}));
		expect(runView).toContain(`› task ${task.name}`);
		const stream = parseLogStreamArn(task.logStream ?? '');
		const logs = logsClient(url ?? '');
		const tail = await logs.send(
			new GetLogEventsCommand({
				logGroupName: stream?.group,
				logStreamName: stream?.stream,
				startFromHead: false,
				limit: 3,
			}),
		);
		const newest = (tail.events ?? []).map((event) => sanitizeText(event.message ?? '').slice(0, 40));
		expect(newest.length).toBeGreaterThan(0);
		const shown = runView.split('\n');
		const lastLogRow = shown.findLastIndex((line) => /\d\d:\d\d:\d\d {2}\S/.test(line));
		for (const [index, line] of newest.entries()) {
			const offset = newest.length - 1 - index;
			// A long line wraps under itself: look for its start within the last rows.
			expect(shown.slice(Math.max(0, lastLogRow - 2 * offset - 2), lastLogRow + 1).join('\n')).toContain(
				line,
			);
		}

		// Back up: the entries, the detail pane, the list.
		press('Escape');
		await waitFor(
			(text) => text.includes('FAILURES') && !text.includes(`› run ${runId} ›`),
			'the entries again',
		);
		press('BSpace');
		await waitFor((text) => text.includes('germline-trio-2026-11  details'), 'the detail pane again');
		press('Escape');
		await waitFor((text) => !text.includes('DETAIL') && /› germline/.test(text), 'the list again');

		// e: the batch's retry manifest in the current directory, holding the run just looked at.
		tmux('send-keys', '-t', 'drill', 'e');
		const wrote = await waitFor(
			(text) => /e: wrote \S+batchtop-retry-\d+\.json \([\d,]+ runSettingIds\)/.test(text),
			'the manifest written',
		);
		const path = /e: wrote (\S+)/.exec(wrote)?.[1] ?? '';
		expect(path).toMatch(new RegExp(`^${directory}/batchtop-retry-\\d+\\.json$`));
		const manifest = JSON.parse(readFileSync(path, 'utf8')) as Array<{runSettingId: string}>;
		expect(manifest.map((entry) => entry.runSettingId)).toContain(runSettingId);
		expect(Number(/\(([\d,]+) runSettingIds\)/.exec(wrote)?.[1]?.replace(/,/g, ''))).toBe(manifest.length);
		tmux('send-keys', '-t', 'drill', 'q');
	}, 60_000);
});
