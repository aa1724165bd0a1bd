import {EventEmitter} from 'node:events';
import xterm from '@xterm/headless';
import type {HeadlessTerminal} from './terminal-screen.js';

/**
 * A terminal for the program: what it writes goes, byte for byte, into a headless xterm of the same
 * size, as into a real tty (onlcr turns "\n" into "\r\n"). It passes for a TTY stdout: columns, rows,
 * 'resize', write with a callback.
 */
export class WalkTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly writable = true;
	readonly screen: HeadlessTerminal;
	/** Every write so far; settling waits until this stops moving. */
	writes = 0;
	/** When set, every write is kept here (for debugging a failed walk). */
	log: string[] | undefined;
	#pending: Promise<void> = Promise.resolve();

	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
		this.screen = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, convertEol: true});
	}

	write(chunk: string | Uint8Array, encodingOrCallback?: unknown, callback?: () => void): boolean {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		this.writes += 1;
		this.log?.push(text);
		const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
		const written = new Promise<void>((resolve) => this.screen.write(text, resolve));
		this.#pending = this.#pending.then(() => written);
		if (typeof done === 'function') void written.then(() => (done as () => void)());
		return true;
	}

	/** Resolves when the emulated screen has parsed everything written so far. */
	async flushed(): Promise<void> {
		let seen: Promise<void>;
		do {
			seen = this.#pending;
			await seen;
		} while (seen !== this.#pending);
	}

	/** The window changes size, as SIGWINCH would tell the program. */
	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.screen.resize(columns, rows);
		this.emit('resize');
	}

	dispose(): void {
		this.screen.dispose();
	}
}

/** A TTY stdin the test types into: Ink reads it through 'readable' and read(). */
export class WalkKeyboard extends EventEmitter {
	readonly isTTY = true;
	readonly #queue: string[] = [];

	/** Sends bytes as one read, as a terminal delivers a key (or a burst of keys). */
	type(bytes: string): void {
		this.#queue.push(bytes);
		this.emit('readable');
	}

	read(): string | null {
		return this.#queue.shift() ?? null;
	}

	setEncoding(): void {}
	setRawMode(): void {}
	ref(): void {}
	unref(): void {}
	resume(): void {}
	pause(): void {}
}

/** One screen cell's look: what a person sees, so an erased cell and a written space are the same. */
function cellLook(terminal: HeadlessTerminal, row: number, column: number): string {
	const buffer = terminal.buffer.active;
	const cell = buffer.getLine(buffer.viewportY + row)?.getCell(column);
	if (!cell) return ' ';
	const chars = cell.getChars() || ' ';
	return [
		chars,
		cell.getWidth(),
		cell.getFgColorMode(),
		cell.getFgColor(),
		cell.getBgColorMode(),
		cell.getBgColor(),
		cell.isBold(),
		cell.isDim(),
		cell.isItalic(),
		cell.isUnderline(),
		cell.isInverse(),
		cell.isStrikethrough(),
		cell.isInvisible(),
	].join('|');
}

/** The text of a row, for messages. */
export function rowText(terminal: HeadlessTerminal, row: number): string {
	const buffer = terminal.buffer.active;
	return buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '';
}

/**
 * Every cell (text and attributes) where `actual`, from row `top` on, differs from the first `rows`
 * rows of `expected` (a screen of the same width), as "row:column" of `expected`.
 */
export function differingCells(
	actual: HeadlessTerminal,
	expected: HeadlessTerminal,
	{top = 0, rows = expected.rows}: {top?: number; rows?: number} = {},
): string[] {
	const differences: string[] = [];
	for (let row = 0; row < rows; row++)
		for (let column = 0; column < expected.cols; column++)
			if (cellLook(actual, top + row, column) !== cellLook(expected, row, column))
				differences.push(`${row}:${column}`);
	return differences;
}
