import {EventEmitter} from 'node:events';
import {realpathSync} from 'node:fs';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {guardFrame} from '../../source/output/output-guard.js';
import {FrameSink} from '../../source/ui/terminal/frame-sink.js';
import {paintFrame} from '../../source/ui/terminal/screen-diff.js';
import {CLI, cliEnv} from '../helpers/run-cli.js';
import {PtyCapture} from '../helpers/pty-capture.js';
import {replayScreen} from '../helpers/terminal-screen.js';
import {
	escapeForReport,
	HOSTILE_HEADER_TYPE,
	HOSTILE_MARKERS,
	HOSTILE_PARTS,
	HOSTILE_STRING,
	hostileBatch,
	startHostileService,
	unsafeOutput,
	type HostileService,
	type WireBatch,
} from '../helpers/hostile-service.js';

// Every byte the full-screen monitor writes to a real pseudo-terminal, while a hostile HealthOmics puts escape
// sequences, C1 controls, bidi overrides and lone surrogates into every string it answers with. The bytes must
// hold nothing but text, SGR styling, cursor moves/erases and the monitor's own screen modes.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const COLUMNS = 120;
const ROWS = 40;
const ID1 = '4812375';
const ID2 = '4812376';
const ID3 = '4812377';
const H = HOSTILE_STRING;
/** A failure block heading of 2 whose reason is HOSTILE_STRING defused: its words and x separators are left. */
// A group heading: two spaces, or the selected group's marker.
const FAILURE_ROW = /(?: {2}|› )2 × batchx+ xx x+\uFFFDend$/gm;

/** Each place a marker occurs, with 60 characters of context either side, escaped for the log. */
function markerSnippets(text: string, markers: readonly string[] = HOSTILE_MARKERS): string[] {
	const found: string[] = [];
	for (const marker of markers) {
		for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
			found.push(
				`${marker} @${at}: ${escapeForReport(text.slice(Math.max(0, at - 60), at + marker.length + 60))}`,
			);
			if (found.length >= 10) return found;
		}
	}
	return found;
}

/** GetBatch for ID1: hostile in every string, with failed submissions and runs so the detail loads reasons. */
function hostileBatchWithFailures(id: string): WireBatch {
	const batch = hostileBatch(id);
	return {
		...batch,
		submissionSummary: {...(batch['submissionSummary'] as object), failedStartSubmissionCount: 2},
		runSummary: {...(batch['runSummary'] as object), failedRunCount: 2},
	};
}

async function startHostile(): Promise<HostileService> {
	return startHostileService({
		GetBatch: (request) => {
			const id = request.params['batchId'] ?? '';
			if (id === ID2) return {kind: 'error', status: 402, type: HOSTILE_HEADER_TYPE, message: H};
			if (id === ID3) return {kind: 'error', status: 409, type: H, message: H, omitTypeHeader: true};
			return {kind: 'json', body: hostileBatchWithFailures(id)};
		},
		ListRunsInBatch: () => ({
			kind: 'json',
			body: {
				runs: [
					{
						runSettingId: H,
						submissionStatus: 'FAILED',
						submissionFailureReason: H,
						submissionFailureMessage: H,
					},
					{
						runSettingId: 'rs-2',
						runArn: H,
						runInternalUuid: H,
						submissionStatus: 'FAILED',
						submissionFailureReason: H,
						submissionFailureMessage: H,
					},
				],
			},
		}),
		ListRuns: () => ({
			kind: 'json',
			body: {
				items: [
					{id: '9000001', name: H, status: 'FAILED', workflowId: H, batchId: ID1},
					{id: '9000002', name: H, status: 'FAILED', workflowId: H, batchId: ID1},
				],
			},
		}),
		GetRun: (request) => ({
			kind: 'json',
			body: {
				id: request.params['id'],
				name: H,
				status: 'FAILED',
				failureReason: H,
				statusMessage: H,
				batchId: ID1,
			},
		}),
	});
}

describe('the TUI on a real pty against a hostile HealthOmics', () => {
	let service: HostileService;
	let pty: PtyCapture;
	let text = '';
	let utf8Error: unknown;
	let exitCode: number | null = null;
	/** What the terminal showed just before `q`, replayed from the bytes written up to then. */
	let monitorScreen = '';
	let detailScreen = '';
	let helpScreen = '';

	beforeAll(async () => {
		service = await startHostile();
		pty = new PtyCapture({
			command: [
				process.execPath,
				CLI,
				'--endpoint-url',
				service.url,
				'--region',
				'us-east-1',
				ID1,
				ID2,
				ID3,
				'--interval',
				'0.2:1',
				'--max-rps',
				'20',
			],
			columns: COLUMNS,
			rows: ROWS,
			env: cliEnv({TERM: 'xterm-256color'}),
		});
		const startedAt = Date.now();
		const wait = (check: (screen: string) => boolean, what: string) => pty.waitForScreen(check, what);
		await wait((s) => s.includes(ID2) && s.includes(ID3) && s.includes('q quit'), 'the first frame');
		// Let it poll (and re-poll the failing batches) for about 3 s.
		await sleep(Math.max(0, 3000 - (Date.now() - startedAt)));
		// Unknown statuses sort first, then by name: the two erroring ids, then ID1 under its (hostile) name.
		pty.send('j');
		await wait((s) => s.includes(`› ${ID3}`), 'the selection on the second batch');
		pty.send('j');
		await wait((s) => s.includes(`id ${ID1}`), 'the panel of the hostile batch');
		pty.send('k');
		await wait((s) => s.includes(`› ${ID3}`), 'the selection back on the second batch');
		pty.send('j');
		await wait((s) => s.includes(`id ${ID1}`), 'the panel of the hostile batch again');
		pty.send('\r');
		// Wait for both failure blocks, not only the section headings.
		detailScreen = await wait(
			// A frame can be caught half drawn (the pty hands bytes over in pieces): wait for its last part too.
			(s) => (s.match(FAILURE_ROW) ?? []).length === 2 && /Fetched +\S+ \(/.test(s),
			'the detail pane with both failure tables drawn',
		);
		await sleep(200);
		pty.send('\t');
		await wait((s) => s.includes('/ filter'), 'the focus on the list');
		pty.send('j');
		await sleep(150);
		pty.send('\t');
		await wait((s) => s.includes('l more failures'), 'the focus on the detail pane');
		pty.send('?');
		helpScreen = await wait(
			(s) => s.includes('jump to the Nth batch') && s.includes('Esc clear/close'),
			'the help overlay',
		);
		await sleep(150);
		pty.send('\u001b');
		await wait(
			(s) => !s.includes('Press ? or Esc to close.') && s.includes('Submissions: 2 failed'),
			'the detail again',
		);
		await sleep(150);
		pty.send('d');
		await wait((s) => s.includes(`id ${ID1}`) && !s.includes('Submissions: 2 failed'), 'the detail closed');
		await sleep(150);
		pty.send('\u001b');
		await sleep(300);
		const beforeQuit = pty.bytes();
		monitorScreen = (await replayScreen(beforeQuit.toString('utf8'), COLUMNS, ROWS)).join('\n');
		pty.send('q');
		exitCode = (await pty.exited()).code;
		try {
			text = pty.text();
		} catch (error) {
			utf8Error = error;
			text = pty.bytes().toString('utf8');
		}
	}, 25_000);

	afterAll(async () => {
		await pty?.dispose();
		await service?.close();
	});

	it('writes only valid UTF-8', () => {
		expect(utf8Error).toBeUndefined();
	});

	it('writes nothing but text, SGR, cursor moves and erases, and its own screen modes', () => {
		expect(text.length).toBeGreaterThan(10_000);
		// Markers are the next test's business, so each failure says which of the two it is.
		const unsafe = unsafeOutput(text, {allowSgr: true, tui: true, markers: []});
		expect(unsafe.slice(0, 20)).toEqual([]);
	});

	it('shows none of the words that live only inside the hostile sequences', () => {
		// In the snippets a real ESC reads \u{1b}; a backslash-u written as text reads \u001b.
		expect.soft(markerSnippets(text)).toEqual([]);
		expect.soft(unsafeOutput(text, {allowSgr: true, tui: true}).slice(0, 20)).toEqual([]);
	});

	it('quits with exit code 0 on q, back on the normal screen with the summary', () => {
		expect(exitCode).toBe(0);
		const left = text.lastIndexOf('\u001b[?1049l');
		expect(left).toBeGreaterThan(text.lastIndexOf('\u001b[?1049h'));
		expect(text.lastIndexOf('\u001b[?25h')).toBeGreaterThan(text.lastIndexOf('\u001b[?25l'));
		expect(escapeForReport(text.slice(left))).toMatch(
			/^\\u\{1b\}\[\?1049lbatchtop: watched 3 batches on us-east-1 \(http:\/\/127\.0\.0\.1:\d+\): 2 unreachable, 1 batchx[^\\]*\\u\{fffd\}end\\u\{d\}\\u\{a\}$/,
		);
	});

	it('really drew the monitor: every batch id, the hostile failure reasons, the help', () => {
		// Not vacuous: the monitor asked for everything hostile, and drew it (defused).
		for (const operation of ['GetBatch', 'ListRunsInBatch', 'ListRuns', 'GetRun'] as const)
			expect(service.count(operation), operation).toBeGreaterThan(0);
		expect(service.count('GetBatch')).toBeGreaterThan(10);
		expect(monitorScreen).toContain(ID2);
		expect(monitorScreen).toContain(ID3);
		expect(monitorScreen).toContain(`id ${ID1}`);
		expect(monitorScreen).toMatch(/batchtop .*3 batches/);
		// HOSTILE_STRING with everything unsafe removed: the words and the x separators are left.
		expect(detailScreen).toMatch(/Submissions: 2 failed +\(all 2 loaded\)/);
		expect(detailScreen).toMatch(/Runs: 2 failed +\(all 2 loaded\)/);
		expect(detailScreen.match(FAILURE_ROW)).toHaveLength(2);
		expect(detailScreen).toContain('9000001');
		expect(helpScreen).toContain('Keys');
	});

	it('never shows a negative "fetched … ago" in the detail pane', () => {
		expect(detailScreen).toMatch(/Fetched +\S+ \(/);
		expect(detailScreen).not.toMatch(/\(-\d+s ago\)/);
	});

	it('draws the help footer from column 0 (the frame diff keeps track of the cursor)', () => {
		// Detail (focus on the pane) -> help: the panel's last rows go blank from column 49, then the footer
		// changes from column 0. See the FrameSink test below for the minimal reproduction.
		const footer = helpScreen.split('\n')[ROWS - 2] ?? '';
		expect(footer).toMatch(/^Esc clear\/close {2}\? help {2}q quit/);
	});
});

describe('FrameSink: every frame passes the output guard', () => {
	/** A terminal stream that records what the sink writes to it. */
	class FakeTerminal extends EventEmitter {
		readonly isTTY = true;
		columns = 60;
		rows = 8;
		readonly chunks: string[] = [];
		write(chunk: string): boolean {
			this.chunks.push(chunk);
			return true;
		}
		get text(): string {
			return this.chunks.join('');
		}
	}

	// What the sink's own bytes may hold: SGR, cursor moves and erases, synchronized output. Nothing else.
	const OWN_SEQUENCES = /\u001b\[[0-9;:]*m|\u001b\[[0-9;]*[ABCDGHJK]|\u001b\[\?2026[hl]/g;

	const hostileFrame = (word: string) =>
		[
			`\u001b[1mtitle\u001b[22m ${HOSTILE_PARTS.osc52Clipboard}\u009b2J${word}`,
			`\u009d0;pwned-c1-title\u009c\u001b[31mred\u001b[39m ${HOSTILE_PARTS.osc0Title}\u0090+q\u009c tail`,
			`${HOSTILE_PARTS.dcs}${HOSTILE_PARTS.apc}\u0085\u009bc plain`,
		].join('\n');

	it('writes only SGR and cursor sequences for a frame carrying OSC 52 and C1 controls', async () => {
		const terminal = new FakeTerminal();
		const sink = new FrameSink(terminal as unknown as NodeJS.WriteStream, true);
		sink.write(hostileFrame('first'));
		// The second frame goes through the diff path (same line count, changed cells).
		sink.write(hostileFrame('again'));
		sink.dispose();

		const written = terminal.text;
		expect(terminal.chunks.length).toBe(2);
		const rest = written.replace(OWN_SEQUENCES, '');
		expect(escapeForReport(rest)).not.toMatch(/\\u\{(1b|7|9[0-9a-f]|8[0-9a-f])\}/);
		expect(unsafeOutput(written, {allowSgr: true, tui: true})).toEqual([]);
		expect(markerSnippets(written)).toEqual([]);
		// The text itself is drawn, styling kept.
		expect(written).toContain('\u001b[1mtitle\u001b[22m');
		expect(written).toContain('\u001b[31mred\u001b[39m');
		const screen = await replayScreen(written, terminal.columns, terminal.rows);
		expect(screen.slice(0, 3).map((row) => row.trimEnd())).toEqual(['title again', 'red  tail', '  plain']);
	});

	it('the guard is what removes them: the frame diff alone draws their bytes as text', () => {
		// The control for the test above: without guardFrame, the sink's painter passes no control character
		// (each is drawn as "?" in its column), but the sequences' payload reaches the screen as text.
		const {bytes} = paintFrame(undefined, hostileFrame('first'), {
			alternateScreen: true,
			columns: 120,
			rows: 40,
		});
		expect(bytes).not.toContain(HOSTILE_PARTS.osc52Clipboard);

		const controls = bytes.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\n\r]/g, '');

		expect(controls).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		expect(bytes).toContain(']52;c;cHduZWQtY2xpcGJvYXJk');
		expect(guardFrame(hostileFrame('first'))).not.toContain(']52;c;');
	});

	it('paints a frame over another exactly: a row gone blank past column 0 does not shift the next row', async () => {
		const terminal = new FakeTerminal();
		terminal.columns = 30;
		terminal.rows = 4;
		const sink = new FrameSink(terminal as unknown as NodeJS.WriteStream, true);
		sink.write(['title', `${' '.repeat(10)}right`, 'footer one two three'].join('\n'));
		sink.write(['title', '', 'new footer'].join('\n'));
		sink.dispose();
		const screen = await replayScreen(terminal.text, terminal.columns, terminal.rows);
		expect(
			screen.slice(0, 3).map((row) => row.trimEnd()),
			`bytes of the second frame: ${escapeForReport(terminal.chunks[1] ?? '')}`,
		).toEqual(['title', '', 'new footer']);
	});
});

describe('signals restore the terminal on a real pty', () => {
	let pty: PtyCapture | undefined;

	afterEach(async () => {
		await pty?.dispose();
		pty = undefined;
	});

	it.each([
		['SIGQUIT', 131],
		['SIGTERM', 143],
	] as const)('%s: exit %i, alternate screen left, cursor shown, then the summary', async (signal, code) => {
		pty = new PtyCapture({
			command: [process.execPath, CLI, '--demo'],
			columns: 100,
			rows: 30,
			env: cliEnv({TERM: 'xterm-256color'}),
		});
		await pty.waitForScreen(
			(screen) => screen.includes('Submissions') && screen.includes('q quit'),
			'the first frame',
		);
		const pid = pty.programPid();
		// `script` forks sh, which exec'd node: signal node, not the shell (batchtop sets its process title).
		expect(realpathSync(`/proc/${pid}/exe`)).toBe(realpathSync(process.execPath));
		process.kill(pid, signal);
		const exit = await pty.exited();
		expect(exit.code).toBe(code);

		const text = pty.text();
		expect(text).toContain('\u001b[?1049h');
		const left = text.lastIndexOf('\u001b[?1049l');
		expect(left).toBeGreaterThan(text.lastIndexOf('\u001b[?1049h'));
		expect(text.lastIndexOf('\u001b[?25h')).toBeGreaterThan(text.lastIndexOf('\u001b[?25l'));
		// The stream ends: cursor shown, alternate screen left, then the one summary line, then nothing.
		expect(escapeForReport(text.slice(text.lastIndexOf('\u001b[?25h')))).toMatch(
			/^\\u\{1b\}\[\?25h\\u\{1b\}\[\?1049lbatchtop: watched 12 batches on the demo emulator http:\/\/127\.0\.0\.1:\d+: [^\\]+\\u\{d\}\\u\{a\}$/,
		);
		const screen = await replayScreen(text, 100, 30);
		expect(screen.join('\n')).toMatch(/batchtop: watched 12 batches on the demo emulator/);
	});
});
