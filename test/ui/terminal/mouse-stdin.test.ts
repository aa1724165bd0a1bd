import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import type {MouseEvent} from '../../../source/ui/input/mouse-events.js';
import {MouseStdin} from '../../../source/ui/terminal/mouse-stdin.js';

/** A terminal's stdin in paused mode: `type` queues a chunk and says it is readable. */
class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	readonly chunks: string[] = [];
	rawMode: boolean | undefined;
	setRawMode(mode: boolean) {
		this.rawMode = mode;
		return this;
	}
	setEncoding() {
		return this;
	}
	ref() {
		return this;
	}
	unref() {
		return this;
	}
	read(): string | null {
		return this.chunks.shift() ?? null;
	}
	type(chunk: string) {
		this.chunks.push(chunk);
		this.emit('readable');
	}
}

/** Reads the proxy as Ink 6.8 does: on 'readable', read() until null. */
function inkReader(stdin: MouseStdin): string[] {
	const keys: string[] = [];
	stdin.addListener('readable', () => {
		let chunk: string | null;
		while ((chunk = stdin.read()) !== null) keys.push(chunk);
	});
	return keys;
}

describe('MouseStdin', () => {
	it('passes keys on to Ink and mouse reports only as mouse events', () => {
		const terminal = new FakeStdin();
		const stdin = new MouseStdin(terminal as unknown as NodeJS.ReadStream);
		const keys = inkReader(stdin);
		const events: MouseEvent[] = [];
		stdin.on('mouse', (event: MouseEvent) => events.push(event));
		terminal.type('/\u001b[<0;12;5M\u001b[<0;12;5mab\u001b[<65;3;3M');
		expect(keys.join('')).toBe('/ab');
		expect(events.map((event) => event.kind)).toEqual(['press', 'other', 'wheel']);
		stdin.setRawMode(true);
		expect(terminal.rawMode).toBe(true);
		stdin.dispose();
	});

	it('joins a report cut across two reads, and gives a lone Esc to Ink on the next turn', async () => {
		const terminal = new FakeStdin();
		const stdin = new MouseStdin(terminal as unknown as NodeJS.ReadStream);
		const keys = inkReader(stdin);
		const events: MouseEvent[] = [];
		stdin.on('mouse', (event: MouseEvent) => events.push(event));
		terminal.type('\u001b[<0;1');
		terminal.type('2;5M');
		expect(events).toEqual([{kind: 'press', button: 'left', column: 11, row: 4}]);
		expect(keys).toEqual([]);
		terminal.type('\u001b');
		expect(keys).toEqual([]);
		await new Promise((resolve) => setImmediate(resolve));
		expect(keys).toEqual(['\u001b']);
		stdin.dispose();
	});

	it('stops reading the terminal when Ink stops listening', () => {
		const terminal = new FakeStdin();
		const stdin = new MouseStdin(terminal as unknown as NodeJS.ReadStream);
		const listener = () => {};
		stdin.addListener('readable', listener);
		expect(terminal.listenerCount('readable')).toBe(1);
		stdin.removeListener('readable', listener);
		expect(terminal.listenerCount('readable')).toBe(0);
	});
});
