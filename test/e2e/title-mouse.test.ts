import {execFileSync, spawnSync} from 'node:child_process';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';

// --title and --mouse in a real terminal: tmux keeps the pane's title (#{pane_title}, set by OSC 2,
// pushed and popped by XTWINOPS 22/23 in its input.c) and its mouse modes (#{mouse_standard_flag}
// for 1000, #{mouse_sgr_flag} for 1006), so both can be read back before, during and after.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
let socket = '';
let tests = 0;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const pane = (format: string): string => tmux('display-message', '-p', '-t', 'modes', format).trim();
const screen = (): string => tmux('capture-pane', '-p', '-t', 'modes');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Bytes as the terminal would send them for a mouse event (SGR encoding, 1-based cells). */
const mouse = (button: number, column: number, row: number, final = 'M') =>
	tmux('send-keys', '-t', 'modes', '-l', `\u001b[<${button};${column};${row}${final}`);

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`never saw ${what}; screen:\n${screen()}`);
		await sleep(100);
	}
}

const modes = () => pane('#{pane_title}|#{mouse_standard_flag}|#{mouse_sgr_flag}|#{alternate_on}');

/** A shell in a 120x40 pane whose title is "before", running batchtop --demo --title --mouse. */
async function startDemo(): Promise<void> {
	tmux('new-session', '-d', '-s', 'modes', '-x', '120', '-y', '40', 'bash --norc --noprofile');
	tmux('set-option', '-t', 'modes', 'remain-on-exit', 'on');
	tmux(
		'send-keys',
		'-t',
		'modes',
		`PS1='$ '; printf '\\033]2;before\\033\\\\'; node ${CLI} --demo --title --mouse; echo "exit=$?"`,
		'Enter',
	);
	await waitFor(() => screen().includes('Submissions'), 'the first frame');
	await waitFor(() => /^batchtop: \d+ active, \d+ failed/.test(pane('#{pane_title}')), 'the title');
}

describe('--title and --mouse in a real terminal (tmux)', () => {
	beforeEach(() => {
		tests += 1;
		socket = `batchtop-modes-${process.pid}-${tests}`;
	});
	afterEach(() => {
		// This test's own server (its own socket), nobody else's.
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	it('sets the title and mouse modes, maps clicks and the wheel, never types them, and q gives both back', async () => {
		await startDemo();
		expect(modes()).toMatch(/^batchtop: \d+ active, \d+ failed\|1\|1\|1$/);

		// The list starts below the header: screen row 6 (1-based) is the fifth batch.
		mouse(0, 5, 6);
		mouse(0, 5, 6, 'm');
		await waitFor(() => screen().split('\n')[5]?.startsWith('›') === true, 'the clicked row selected');
		mouse(65, 5, 6);
		await waitFor(() => screen().split('\n')[6]?.startsWith('›') === true, 'the wheel moving the selection');

		// While a filter is typed, the mouse types nothing.
		tmux('send-keys', '-t', 'modes', '/');
		await waitFor(() => /^\/_ /m.test(screen()), 'the filter prompt');
		mouse(0, 5, 6);
		mouse(64, 5, 6);
		tmux('send-keys', '-t', 'modes', 'x');
		await waitFor(() => /^\/x_ /m.test(screen()), 'the typed x');
		expect(screen()).not.toMatch(/\[<|;\d+;\d+[Mm]/);
		tmux('send-keys', '-t', 'modes', 'Escape');

		tmux('send-keys', '-t', 'modes', 'q');
		await waitFor(() => screen().includes('exit=0'), 'exit=0');
		expect(modes()).toBe('before|0|0|0');
	});

	it('gives the title and the mouse back on SIGTERM', async () => {
		await startDemo();
		const shell = pane('#{pane_pid}');
		const pid = Number(spawnSync('pgrep', ['-P', shell], {encoding: 'utf8'}).stdout.trim().split('\n')[0]);
		process.kill(pid, 'SIGTERM');
		await waitFor(() => screen().includes('exit=143'), 'exit=143');
		expect(modes()).toBe('before|0|0|0');
	});
});
