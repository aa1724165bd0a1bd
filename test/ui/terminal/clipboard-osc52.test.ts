import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {MAX_CLIPBOARD_BYTES, osc52Sequence} from '../../../source/ui/terminal/clipboard-osc52.js';
import {waitForScreen} from '../../helpers/wait-for-screen.js';

const ESC = '\u001b';
const BEL = '\u0007';

describe('osc52Sequence', () => {
	it('is ESC ] 52 ; c ; base64 of the UTF-8 text BEL outside tmux', () => {
		const text = 'aws omics get-run --id 3628869 — ü';
		const sequence = osc52Sequence(text, {TERM: 'xterm-256color'});
		expect(sequence).toBe(`${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`);
	});

	it('inside tmux: the plain sequence, then the same in the DCS passthrough with every ESC doubled', () => {
		const plain = osc52Sequence('1234567', {}) ?? '';
		const sequence = osc52Sequence('1234567', {TMUX: '/tmp/tmux-1000/default,1,0'});
		expect(sequence).toBe(`${plain}${ESC}Ptmux;${ESC}${ESC}]52;c;MTIzNDU2Nw==${BEL}${ESC}\\`);
	});

	it('refuses control characters, bidi controls, empty text and text over the bound', () => {
		for (const text of [
			'a\u001b]0;x\u0007',
			'line\nbreak',
			'tab\t',
			'del\u007f',
			'c1\u009b',
			'bidi\u202e',
			'',
		])
			expect(osc52Sequence(text, {})).toBeUndefined();
		const most = 'é'.repeat(MAX_CLIPBOARD_BYTES / 2);
		expect(osc52Sequence(most, {})).toBeDefined();
		expect(osc52Sequence(`${most}x`, {})).toBeUndefined();
	});
});

describe('osc52Sequence in a real tmux', () => {
	it('written by a process inside tmux with set-clipboard on, the text is in tmux show-buffer', async () => {
		const socket = `batchtop-osc52-${process.pid}`;
		const tmux = (...args: string[]): string =>
			execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
		const text =
			'aws logs get-log-events --log-group-name /aws/omics/WorkflowLog --log-stream-name run/1/task/2';
		const file = join(mkdtempSync(join(tmpdir(), 'batchtop-osc52-')), 'sequence');
		// As the TUI would write it inside tmux: the plain sequence and the passthrough one.
		writeFileSync(file, osc52Sequence(text, {TMUX: 'set'}) ?? '');
		tmux(
			'-f',
			'/dev/null',
			'new-session',
			'-d',
			'-s',
			'osc52',
			'-x',
			'100',
			'-y',
			'20',
			'bash --norc --noprofile',
		);
		try {
			tmux('set-option', '-s', 'set-clipboard', 'on');
			tmux('send-keys', '-t', 'osc52', `cat ${file}; echo copied`, 'Enter');
			await waitForScreen(
				() => tmux('capture-pane', '-p', '-t', 'osc52'),
				(screen) => /^copied$/m.test(screen),
				'the sequence written',
				10_000,
			);
			const buffer = await waitForScreen(
				() => {
					try {
						return tmux('show-buffer');
					} catch {
						return '';
					}
				},
				(shown) => shown === text,
				'the copied text in tmux show-buffer',
				10_000,
			);
			expect(buffer).toBe(text);
		} finally {
			tmux('kill-session', '-t', 'osc52');
		}
	});
});
