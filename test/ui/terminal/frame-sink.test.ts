import {EventEmitter} from 'node:events';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {replayScreen} from '../../helpers/terminal-screen.js';
import {FrameSink} from '../../../source/ui/terminal/frame-sink.js';
import {spanToAnsi} from '../../../source/ui/text/line-ansi.js';
import {SPINNER_MARK} from '../../../source/ui/text/spinner-mark.js';

const COLUMNS = 40;
const ROWS = 8;

/** A terminal-shaped stream that keeps what is written to it. */
class FakeTerminal extends EventEmitter {
	readonly isTTY = true;
	columns = COLUMNS;
	rows = ROWS;
	readonly writes: string[] = [];
	write(chunk: string): boolean {
		this.writes.push(chunk);
		return true;
	}
}

function sinkOn(terminal: FakeTerminal): FrameSink {
	return new FrameSink(terminal as unknown as NodeJS.WriteStream, true);
}

const frame = (counter: number) => `\u001b[1mbatchtop\u001b[22m  ⠋\nbatch-1  ${counter}/96\nbatch-2  7/10`;

describe('FrameSink', () => {
	it('writes nothing for a frame equal to the last one, and only the change for the next', () => {
		const terminal = new FakeTerminal();
		const sink = sinkOn(terminal);
		sink.write(frame(1));
		const written = terminal.writes.length;
		sink.write(frame(1));
		sink.write(frame(1));
		expect(terminal.writes).toHaveLength(written);
		sink.write(frame(2));
		expect(terminal.writes).toHaveLength(written + 1);
	});

	it('paints an unchanged frame whole after a resize, when the terminal may have reflowed it', async () => {
		const terminal = new FakeTerminal();
		const sink = sinkOn(terminal);
		sink.write(frame(1));
		// The terminal reflows (or clears) what it showed; then Ink renders the same frame again.
		terminal.columns = COLUMNS - 10;
		terminal.emit('resize');
		const before = terminal.writes.length;
		sink.write(frame(1));
		expect(terminal.writes).toHaveLength(before + 1);
		const screen = await replayScreen(terminal.writes.at(-1)!, COLUMNS - 10, ROWS);
		expect(screen.slice(0, 3).map((row) => row.trimEnd())).toEqual([
			'batchtop  ⠋',
			'batch-1  1/96',
			'batch-2  7/10',
		]);
		sink.dispose();
	});

	it('guards every line: an escape sequence Ink let through never reaches the terminal, in a line kept from frame to frame too', () => {
		const terminal = new FakeTerminal();
		const sink = sinkOn(terminal);
		sink.write(frame(1));
		sink.write(`${frame(1)}\u001b]52;c;QUJD\u0007`);
		// The hostile line stays while another changes: the line kept is the guarded one.
		sink.write(`${frame(2)}\u001b]52;c;QUJD\u0007`);
		sink.repaint();
		expect(terminal.writes.join('')).not.toContain(']52;');
		expect(terminal.writes.join('')).toContain('2/96');
	});
});

describe('FrameSink: the panel spinner', () => {
	const FRAMES = ['a', 'b', 'c'];
	// A wide character before the mark: the glyph must land in the column Ink gave the mark.
	const spinning = (counter: number) =>
		`\u001b[1mbatchtop\u001b[22m\n日本 \u001b[33m${SPINNER_MARK}\u001b[39m INPROGRESS ${counter}/96\nbatch-2  7/10`;
	const screenOf = (terminal: FakeTerminal) => replayScreen(terminal.writes.join(''), COLUMNS, ROWS);

	afterEach(() => {
		vi.useRealTimers();
	});

	it('draws the glyph of the second where the frame holds its mark, and turns it each second by itself with a few bytes', async () => {
		// Mid-second: the first turn comes at the next whole second.
		vi.useFakeTimers({now: 10_500});
		const terminal = new FakeTerminal();
		const sink = new FrameSink(terminal as unknown as NodeJS.WriteStream, true, FRAMES);
		// What the terminal got so far; replayed once real timers are back (xterm runs on them).
		const shown: string[] = [];
		const keep = () => shown.push(terminal.writes.join(''));
		sink.write(spinning(1));
		keep();
		const painted = terminal.writes.length;
		vi.advanceTimersByTime(1_000);
		expect(terminal.writes).toHaveLength(painted + 1);
		// A cursor move, the glyph in its colour, the move back below the frame.
		expect(terminal.writes.at(-1)!.length).toBeLessThan(30);
		keep();
		vi.advanceTimersByTime(1_000);
		keep();
		// A new frame from Ink in the same second shows the same glyph, the counter changed.
		sink.write(spinning(2));
		keep();
		expect(sink.drawnFrame).toBe(spinning(2).replace(SPINNER_MARK, 'a'));
		sink.dispose();
		vi.useRealTimers();
		const rows = await Promise.all(
			shown.map(async (bytes) => (await replayScreen(bytes, COLUMNS, ROWS))[1]?.trimEnd()),
		);
		expect(rows).toEqual([
			'日本 b INPROGRESS 1/96',
			'日本 c INPROGRESS 1/96',
			'日本 a INPROGRESS 1/96',
			'日本 a INPROGRESS 2/96',
		]);
		expect(terminal.writes.join('')).not.toContain(SPINNER_MARK);
	});

	it('runs no timer and writes nothing while no frame holds the mark, nor after dispose', () => {
		vi.useFakeTimers({now: 10_000});
		const terminal = new FakeTerminal();
		const sink = new FrameSink(terminal as unknown as NodeJS.WriteStream, true, FRAMES);
		sink.write(frame(1));
		expect(vi.getTimerCount()).toBe(0);
		sink.write(spinning(1));
		expect(vi.getTimerCount()).toBe(1);
		// Paused or stale: the still glyph is plain text, and the spinner stops.
		sink.write(frame(2));
		const written = terminal.writes.length;
		vi.advanceTimersByTime(5_000);
		expect(terminal.writes).toHaveLength(written);
		expect(vi.getTimerCount()).toBe(0);
		sink.write(spinning(3));
		sink.dispose();
		vi.advanceTimersByTime(5_000);
		expect(terminal.writes).toHaveLength(written + 1);
	});

	it('a repaint draws the glyph of the second', async () => {
		vi.useFakeTimers({now: 10_000});
		const terminal = new FakeTerminal();
		const sink = new FrameSink(terminal as unknown as NodeJS.WriteStream, true, FRAMES);
		sink.write(spinning(1));
		vi.setSystemTime(12_500);
		sink.repaint();
		sink.dispose();
		vi.useRealTimers();
		expect((await screenOf(terminal))[1]?.trimEnd()).toBe('日本 a INPROGRESS 1/96');
	});

	it('text from outside holding the mark is drawn as any private-use character ("?"), never as the spinner', () => {
		expect(spanToAnsi({text: `evil${SPINNER_MARK}name`, bold: true}, true)).toBe(
			'\u001b[1mevil?name\u001b[0m',
		);
	});
});
