import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {replayScreen} from '../../helpers/terminal-screen.js';
import {FrameSink} from '../../../source/ui/terminal/frame-sink.js';

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
