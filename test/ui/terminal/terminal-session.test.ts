import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {TerminalSession} from '../../../source/ui/terminal/terminal-session.js';

/** A terminal that keeps what is written to it. */
function terminal() {
	const written: string[] = [];
	const stdout = {write: (text: string) => written.push(text)} as unknown as NodeJS.WriteStream;
	const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
	return {written, stdout, stdin, all: () => written.join('')};
}

describe('TerminalSession with --title and --mouse', () => {
	it('pushes the title before setting it, turns the mouse on, and gives both back on leave', () => {
		const {stdout, stdin, all} = terminal();
		const session = new TerminalSession(stdout, stdin, {alternateScreen: true, title: true, mouse: true});
		session.setTitle('batchtop: 1 active, 0 failed');
		session.enter();
		expect(all()).toContain('\u001b[22;0t\u001b]2;batchtop: 1 active, 0 failed\u0007');
		expect(all()).toContain('\u001b[?1000h\u001b[?1006h');
		session.setTitle('batchtop: 0 active, 1 failed');
		expect(all().endsWith('\u001b]2;batchtop: 0 active, 1 failed\u0007')).toBe(true);
		const before = all().length;
		session.leave();
		const left = all().slice(before);
		expect(left).toContain('\u001b[?1006l\u001b[?1000l');
		expect(left).toContain('\u001b[23;0t');
		expect(left).toContain('\u001b[?1049l');
		// Leaving again writes nothing: each mode is given back once.
		session.leave();
		expect(all().length).toBe(before + left.length);
	});

	it('pops exactly what it pushed across a suspend and resume (leave, enter)', () => {
		const {stdout, stdin, all} = terminal();
		const session = new TerminalSession(stdout, stdin, {alternateScreen: false, title: true, mouse: true});
		session.setTitle('batchtop: 2 active, 0 failed');
		session.enter();
		session.leave();
		session.enter();
		session.leave();
		const count = (text: string) => all().split(text).length - 1;
		expect(count('\u001b[22;0t')).toBe(2);
		expect(count('\u001b[23;0t')).toBe(2);
		expect(count('\u001b[?1000h')).toBe(2);
		expect(count('\u001b[?1000l')).toBe(2);
		// After the resume, the title is set again.
		expect(count('\u001b]2;batchtop: 2 active, 0 failed\u0007')).toBe(2);
	});

	it('touches neither title nor mouse when they are not asked for', () => {
		const {stdout, stdin, all} = terminal();
		const session = new TerminalSession(stdout, stdin, {alternateScreen: true});
		session.setTitle('batchtop: 1 active, 0 failed');
		session.enter();
		session.leave();
		expect(all()).not.toMatch(/\u001b\]|\[2[23];|\?100[06]/);
	});
});
