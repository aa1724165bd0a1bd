import {EventEmitter} from 'node:events';
import {splitMouseReports, type MouseEvent} from '../input/mouse-events.js';

/**
 * The stdin Ink reads when --mouse is on: the terminal's input with its mouse reports taken out
 * (emitted as 'mouse' events instead), so that no byte of a report ever reaches Ink's key parser,
 * where `ESC [ < 0 ; 12 ; 5 M` would arrive as the text `[<0;12;5M` and be typed into the filter or
 * taken for the keys 1, 2 and 5. Ink 6.8 uses only these members of its stdin: isTTY, setRawMode,
 * setEncoding, ref, unref, read and the 'readable' event.
 */
export class MouseStdin extends EventEmitter {
	readonly #queue: string[] = [];
	#rest = '';
	#flush: NodeJS.Immediate | undefined;
	#listening = false;
	readonly #onReadable = () => this.#pull();

	constructor(private readonly terminal: NodeJS.ReadStream) {
		super();
		this.on('newListener', (event: string) => {
			if (event === 'readable' && !this.#listening) {
				this.#listening = true;
				terminal.on('readable', this.#onReadable);
			}
		});
		this.on('removeListener', (event: string) => {
			if (event === 'readable' && this.listenerCount('readable') === 0 && this.#listening) {
				this.#listening = false;
				terminal.off('readable', this.#onReadable);
			}
		});
	}

	get isTTY(): boolean {
		return this.terminal.isTTY === true;
	}

	setRawMode(mode: boolean): this {
		this.terminal.setRawMode(mode);
		return this;
	}

	setEncoding(encoding: BufferEncoding): this {
		this.terminal.setEncoding(encoding);
		return this;
	}

	ref(): this {
		this.terminal.ref();
		return this;
	}

	unref(): this {
		this.terminal.unref();
		return this;
	}

	/** The next chunk of key input, or null (as a paused stream's read). */
	read(): string | null {
		return this.#queue.shift() ?? null;
	}

	/** Stops reading the terminal. */
	dispose(): void {
		clearImmediate(this.#flush);
		this.terminal.off('readable', this.#onReadable);
		this.#listening = false;
	}

	#pull(): void {
		let chunk: unknown;
		let input = '';
		while ((chunk = this.terminal.read()) !== null) input += String(chunk);
		if (input !== '') this.#take(input);
	}

	#take(input: string): void {
		clearImmediate(this.#flush);
		const {text, events, rest} = splitMouseReports(this.#rest + input);
		this.#rest = rest;
		for (const event of events) this.emit('mouse', event);
		if (text !== '') this.#queue.push(text);
		// A lone Esc (or the start of a report cut by the read) waits one turn for the rest, as Ink's own
		// parser does; then it goes on as keys.
		if (rest !== '')
			this.#flush = setImmediate(() => {
				const pending = this.#rest;
				this.#rest = '';
				if (pending !== '') this.#deliver(pending);
			});
		if (text !== '') this.emit('readable');
	}

	#deliver(text: string): void {
		this.#queue.push(text);
		this.emit('readable');
	}
}

export type {MouseEvent};
