import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {waitForScreen} from '../helpers/wait-for-screen.js';

// The real terminal: batchtop --demo inside tmux, driven with send-keys and read with capture-pane.
// .ci/run installs tmux where it is missing.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
// A socket per test: reusing one races a new server against the old one shutting down.
let socket = '';
let tests = 0;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const pane = (format: string): string => tmux('display-message', '-p', '-t', 'e2e', format).trim();
const screen = (): string => tmux('capture-pane', '-p', '-t', 'e2e');

const waitFor = (check: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> =>
	waitForScreen(screen, check, what, timeoutMs);

/** Starts a shell in a tmux pane of the given size that runs batchtop --demo, logging every byte it writes. */
async function startDemo(columns: number, rows: number, flags = ''): Promise<string> {
	const log = join(mkdtempSync(join(tmpdir(), 'batchtop-e2e-')), 'pane.log');
	tmux(
		'new-session',
		'-d',
		'-s',
		'e2e',
		'-x',
		String(columns),
		'-y',
		String(rows),
		'bash --norc --noprofile',
	);
	tmux('set-option', '-t', 'e2e', 'remain-on-exit', 'on');
	tmux('pipe-pane', '-t', 'e2e', '-o', `cat >> ${log}`);
	tmux('send-keys', '-t', 'e2e', `PS1='$ '; node ${CLI} --demo ${flags}; echo "exit=$?"`, 'Enter');
	await waitFor((text) => text.includes('Submissions') && text.includes('batchtop'), 'the first frame');
	return log;
}

/** The batchtop process: the child of the pane's shell. */
function batchtopPid(): number {
	const shell = pane('#{pane_pid}');
	const child = spawnSync('pgrep', ['-P', shell], {encoding: 'utf8'}).stdout.trim().split('\n')[0];
	return Number(child);
}

async function expectRestored(exitCode?: number): Promise<void> {
	if (exitCode === undefined)
		await waitFor((text) => /batchtop: watched \d+ batches/.test(text), 'the summary on the normal screen');
	else await waitFor((text) => text.includes(`exit=${exitCode}`), `exit=${exitCode} on the normal screen`);
	expect(pane('#{alternate_on}')).toBe('0');
	expect(pane('#{cursor_flag}')).toBe('1');
	expect(screen()).toMatch(/batchtop: watched \d+ batches on the demo emulator/);
}

describe('batchtop --demo in a real terminal (tmux)', () => {
	beforeEach(() => {
		tests += 1;
		socket = `batchtop-e2e-${process.pid}-${tests}`;
	});
	afterEach(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	it.each([
		[120, 40],
		[80, 24],
	])(
		'at %ix%i: panels and bars, keys move and open the detail, q restores the terminal',
		async (columns, rows) => {
			const log = await startDemo(columns, rows);
			expect(pane('#{alternate_on}')).toBe('1');
			expect(pane('#{cursor_flag}')).toBe('0');
			const first = screen();
			expect(first).toMatch(/batchtop .*12 batches: /);
			expect(first).toMatch(/Submissions [█░]+ [\d,]+\/[\d,]+/);
			expect(first).toMatch(/Runs +[█▓▒░·]+ /);
			expect(first).toMatch(/completed [\d,]+ \(/);
			expect(first).toContain('q quit');
			// The frame never takes the last row (Ink 6.8 would clear the whole screen on each render).
			expect(first.split('\n')[rows - 1]?.trim() ?? '').toBe('');

			tmux('send-keys', '-t', 'e2e', 'j');
			tmux('send-keys', '-t', 'e2e', 'j');
			await waitFor((text) => /› somatic-tn-pairs/.test(text), 'the selection on the third batch');
			tmux('send-keys', '-t', 'e2e', 'Enter');
			await waitFor(
				(text) => text.includes('details') && text.includes('Submissions: 6 failed'),
				'the detail pane',
			);
			await waitFor(
				(text) => /ValidationException|InternalServerException|ServiceQuota/.test(text),
				'grouped failure reasons',
			);
			tmux('send-keys', '-t', 'e2e', 'q');
			await expectRestored(0);
			const bytes = readFileSync(log, 'latin1');
			expect(bytes).not.toContain('\u001b[3J');
			expect(bytes).toContain('\u001b[?1049h');
			expect(bytes.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(bytes.lastIndexOf('\u001b[?1049h'));
		},
	);

	it('--no-alt-screen draws on the normal screen and --ascii uses only ASCII', async () => {
		await startDemo(100, 30, '--no-alt-screen --ascii');
		expect(pane('#{alternate_on}')).toBe('0');
		const text = await waitFor(
			(screen) => screen.includes('q quit') && screen.includes('> '),
			'the ASCII frame',
		);
		const frame = text.slice(text.indexOf('batchtop '));
		expect(frame).toMatch(/^[\x20-\x7e\n]*$/);
		tmux('send-keys', '-t', 'e2e', 'q');
		await expectRestored(0);
	});

	it('redraws cleanly in the new layout after a resize', async () => {
		await startDemo(120, 40);
		await waitFor((text) => text.includes('Submissions') && text.includes('› '), 'the wide layout');
		tmux('resize-window', '-t', 'e2e', '-x', '80', '-y', '24');
		const medium = await waitFor(
			(text) => text.includes('─'.repeat(60)),
			'the medium layout with its separator',
		);
		const lines = medium.split('\n');
		expect(lines.filter((line) => line.includes('batchtop ')).length).toBe(1);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
		tmux('resize-window', '-t', 'e2e', '-x', '50', '-y', '20');
		await waitFor((text) => /batch \d+ of 12/.test(text), 'the narrow layout');
		tmux('resize-window', '-t', 'e2e', '-x', '30', '-y', '8');
		await waitFor((text) => text.includes('needs 40×10, have 30×8'), 'the size message');
		tmux('resize-window', '-t', 'e2e', '-x', '120', '-y', '30');
		await waitFor((text) => text.includes('Submissions'), 'the wide layout again');
		tmux('send-keys', '-t', 'e2e', 'q');
		await expectRestored(0);
	});

	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
		['SIGINT', 130],
	] as const)('%s leaves the alternate screen and shows the cursor (exit %i)', async (signal, code) => {
		await startDemo(100, 30);
		process.kill(batchtopPid(), signal);
		await expectRestored(code);
	});

	it('Ctrl-Z suspends to the shell and fg brings the screen back', async () => {
		await startDemo(100, 30);
		tmux('send-keys', '-t', 'e2e', 'C-z');
		// The shell runs `echo` as soon as the job stops (exit=148); what matters is the terminal it gets back.
		await waitFor((text) => /Stopped/.test(text) && text.includes('exit=148'), 'the job stopped');
		expect(pane('#{alternate_on}')).toBe('0');
		expect(pane('#{cursor_flag}')).toBe('1');
		tmux('send-keys', '-t', 'e2e', 'fg', 'Enter');
		await waitFor(
			(text) => text.includes('Submissions') && text.includes('q quit') && text.includes('batchtop '),
			'the monitor redrawn',
		);
		expect(pane('#{alternate_on}')).toBe('1');
		tmux('send-keys', '-t', 'e2e', 'q');
		await expectRestored();
	});
});
