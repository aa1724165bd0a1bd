import {spawnSync} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {wantsAscii, wantsColor} from '../../source/ui/theme/glyphs.js';
import {CLI, cliEnv} from '../helpers/run-cli.js';
import {PtyCapture} from '../helpers/pty-capture.js';

// TERM=dumb: a terminal that understands no escape sequences, so no colour as well as ASCII glyphs.

/** The colour parameters (foreground, background, 256/true colour) of every SGR sequence in `text`. */
function colourCodes(text: string): string[] {
	const codes: string[] = [];
	for (const match of text.matchAll(/\x1b\[([0-9;:]*)m/g))
		for (const code of (match[1] ?? '').split(/[;:]/))
			if (/^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(code)) codes.push(code);
	return codes;
}

describe('wantsColor and wantsAscii', () => {
	it.each([
		[undefined, {TERM: 'dumb'}, true, false],
		[undefined, {TERM: 'dumb', FORCE_COLOR: '1'}, true, true],
		[undefined, {TERM: 'dumb', FORCE_COLOR: '0'}, true, false],
		[undefined, {TERM: 'dumb'}, false, false],
		[true, {TERM: 'dumb', NO_COLOR: '1'}, true, true],
		[undefined, {TERM: 'xterm-256color'}, true, true],
		[undefined, {TERM: 'xterm-256color'}, false, false],
		[undefined, {TERM: 'linux'}, true, true],
		[undefined, {NO_COLOR: '1', FORCE_COLOR: 'false'}, true, false],
		[undefined, {FORCE_COLOR: ''}, true, true],
	])('--color=%s with %j (fallback %s) gives colour %s', (flag, env, fallback, expected) => {
		expect(wantsColor(flag, env, fallback)).toBe(expected);
	});

	it('keeps its default fallback: colour on when nothing says otherwise', () => {
		expect(wantsColor(undefined, {})).toBe(true);
		expect(wantsColor(undefined, {TERM: 'dumb'})).toBe(false);
		expect(wantsAscii(false, {TERM: 'dumb'})).toBe(true);
	});
});

describe('TERM=dumb through the built CLI', () => {
	it('--once --demo writes no escape sequence at all, not even from a service that sends them', () => {
		// The hostile scenario puts escapes, C1 controls, BEL and CR/LF in names, reasons and messages.
		const result = spawnSync(process.execPath, [CLI, '--demo', '--scenario', 'hostile', '--once'], {
			encoding: 'utf8',
			timeout: 15_000,
			env: cliEnv({TERM: 'dumb', BATCHTOP_CONFIG: '/nonexistent/batchtop.json'}),
		});
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^ID +NAME/);
		// The hostile text did reach the output, defused: its printable parts are there.
		expect(result.stdout).toContain('trio-red-names');
		expect(result.stdout).toContain('Task call_variants failed: stderr tail: Segmentation fault');
		expect(result.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
		expect(result.stdout).not.toContain('pwned');
	});

	describe('the monitor on a pseudo-terminal', () => {
		let pty: PtyCapture | undefined;
		afterEach(async () => {
			await pty?.dispose();
			pty = undefined;
		});

		/** Runs the demo monitor until its list is on screen, quits with q, and returns every byte written. */
		async function monitorBytes(term: string): Promise<string> {
			pty = new PtyCapture({
				command: [process.execPath, CLI, '--demo', '--speed', '20'],
				columns: 120,
				rows: 30,
				env: cliEnv({TERM: term, BATCHTOP_CONFIG: '/nonexistent/batchtop.json'}),
			});
			await pty.waitForScreen((screen) => /INPROGRESS/.test(screen) && /sort/.test(screen), 'the demo list');
			pty.send('q');
			expect((await pty.exited()).code).toBe(0);
			return pty.text();
		}

		it('draws in colour on xterm-256color (what the next test must not see)', async () => {
			expect(colourCodes(await monitorBytes('xterm-256color')).length).toBeGreaterThan(10);
		});

		it('draws without any colour, in ASCII only, with TERM=dumb', async () => {
			const bytes = await monitorBytes('dumb');
			expect(colourCodes(bytes)).toEqual([]);
			expect(bytes.match(/[^\x00-\x7f]/gu) ?? []).toEqual([]);
		});
	});
});
