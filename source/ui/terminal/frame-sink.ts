import {EventEmitter} from 'node:events';
import {guardStyledLine} from '../../output/output-guard.js';
import {drawSpinner, holdsSpinner, spinnerGlyph, SPINNER_STEP_MS} from '../text/spinner-mark.js';
import {paintFrame, type PaintedFrame} from './screen-diff.js';
import {lineCells, type Cell} from './terminal-cells.js';

const BEGIN_SYNC = '\u001b[?2026h';
const END_SYNC = '\u001b[?2026l';
/** Updates larger than this are wrapped in synchronized output so that terminals show them at once. */
const SYNC_ABOVE_BYTES = 512;
/** Lines remembered (guarded and as cells): a few screens' worth. */
const RECENT_LINES = 256;

/**
 * The stream Ink renders into. Ink runs in `debug` mode, which hands over every frame whole; the sink
 * writes to the terminal only the cells that changed since the last frame. Ink 6.8's own incremental
 * mode rewrites whole lines (a 120-column coloured row is 250+ bytes) and leaves ghost lines when the
 * frame ends in a newline (ink #910). The panel's spinner turns here too: where a frame holds its mark
 * the sink draws the glyph of the second, and each second by itself, while such a frame is shown.
 */
export class FrameSink extends EventEmitter {
	readonly isTTY = true;
	readonly writable = true;
	#painted: PaintedFrame | undefined;
	/** Ink's last frame as it arrived: Ink renders again on commits that change nothing on the screen. */
	#lastFrame: string | undefined;
	/** Its lines as Ink gave them and as the output guard made them: an unchanged line is not guarded again. */
	#lastLines: {readonly raw: readonly string[]; readonly guarded: readonly string[]} = {raw: [], guarded: []};
	/** Ink's last frame, its lines with the spinner's mark: drawn again with each turn. */
	#marked: readonly string[] = [];
	/** The frame's lines as last drawn, the spinner's glyph in place of its mark (before the output guard). */
	#drawn: readonly string[] | undefined;
	/**
	 * Lines seen lately, guarded and as cells, for lines that come back: the spinner's row with each of
	 * its glyphs, a row that flips between two states. A turn then costs a lookup, not a parse.
	 */
	#recent = new Map<string, {readonly guarded: string; cells?: Cell[]; columns?: number}>();
	#turn: NodeJS.Timeout | undefined;
	#whole = false;
	readonly #onResize = () => {
		this.#whole = true;
		this.emit('resize');
	};

	constructor(
		private readonly terminal: NodeJS.WriteStream,
		private readonly alternateScreen: boolean,
		/** The spinner's glyphs, one a second (a frame without the spinner's mark never turns). */
		private readonly spinnerFrames: readonly string[] = [],
	) {
		super();
		terminal.on('resize', this.#onResize);
	}

	get columns(): number {
		return this.terminal.columns;
	}

	get rows(): number {
		return this.terminal.rows;
	}

	/** Ink's frames arrive here; an empty write is Ink waiting for earlier writes to drain. */
	write(chunk: string, callback?: () => void): boolean {
		// Every frame passes the output guard: nothing but text and SGR styling reaches the terminal. A
		// frame equal to the last one changes no cell, unless the screen is to be painted whole anyway.
		if (chunk !== '' && (chunk !== this.#lastFrame || this.#whole)) {
			this.#lastFrame = chunk;
			this.#marked = chunk.split('\n');
			this.#draw();
		}
		if (callback) setImmediate(callback);
		return true;
	}

	/** Paints the last frame again, whole: the screen was cleared or garbled behind Ink's back. */
	repaint(): void {
		this.#whole = true;
		if (this.#painted !== undefined) this.#draw();
	}

	/** The frame as last drawn (the spinner's glyph where Ink put its mark), before the output guard. */
	get drawnFrame(): string | undefined {
		return this.#drawn?.join('\n');
	}

	/** Stops following the terminal's size, and the spinner. */
	dispose(): void {
		this.terminal.off('resize', this.#onResize);
		clearTimeout(this.#turn);
		this.#turn = undefined;
		this.#marked = [];
	}

	/** Draws the last frame with the spinner's glyph of this second, and keeps the spinner turning while it is shown. */
	#draw(): void {
		const glyph = spinnerGlyph(this.spinnerFrames, Date.now());
		let turns = false;
		const lines = this.#marked.map((line) => {
			if (!holdsSpinner(line)) return line;
			turns = true;
			return drawSpinner(line, glyph);
		});
		this.#drawn = lines;
		this.#paint(this.#guarded(lines));
		if (!turns) {
			clearTimeout(this.#turn);
			this.#turn = undefined;
		} else if (this.#turn === undefined) {
			// At the next second, when the glyph changes; unref'd: a turning spinner keeps no process alive.
			this.#turn = setTimeout(
				() => {
					this.#turn = undefined;
					// A resize is waiting for Ink's next frame, which draws the glyph of its second anyway.
					if (this.#whole) return;
					this.#draw();
				},
				SPINNER_STEP_MS - (Date.now() % SPINNER_STEP_MS) + 1,
			);
			this.#turn.unref?.();
		}
	}

	/** The frame's lines through the output guard (guardStyledLine works line by line, so a line kept is kept guarded). */
	#guarded(raw: readonly string[]): readonly string[] {
		const last = this.#lastLines;
		const guarded = raw.map((line, index) =>
			last.raw[index] === line ? last.guarded[index]! : this.#seen(line).guarded,
		);
		this.#lastLines = {raw, guarded};
		return guarded;
	}

	/** A line's memo, made on first sight; the memo starts again when it holds too many. */
	#seen(line: string): {readonly guarded: string; cells?: Cell[]; columns?: number} {
		let seen = this.#recent.get(line);
		if (seen === undefined) {
			if (this.#recent.size >= RECENT_LINES) this.#recent.clear();
			seen = {guarded: guardStyledLine(line)};
			this.#recent.set(line, seen);
			// The guarded line is what paintFrame is given: its cells are found under it too.
			if (seen.guarded !== line) this.#recent.set(seen.guarded, seen);
		}
		return seen;
	}

	/** A guarded line's cells at this width, remembered with the line. */
	readonly #cellsOf = (line: string, columns: number): Cell[] => {
		const seen = this.#seen(line);
		if (seen.cells === undefined || seen.columns !== columns) {
			seen.cells = lineCells(line, columns);
			seen.columns = columns;
		}
		return seen.cells;
	};

	#paint(frame: readonly string[]): void {
		const {bytes, painted} = paintFrame(this.#painted, frame, {
			alternateScreen: this.alternateScreen,
			whole: this.#whole,
			columns: this.columns || 80,
			rows: this.rows || 24,
			cellsOf: this.#cellsOf,
		});
		this.#whole = false;
		this.#painted = painted;
		if (bytes === '') return;
		this.terminal.write(bytes.length > SYNC_ABOVE_BYTES ? BEGIN_SYNC + bytes + END_SYNC : bytes);
	}
}
