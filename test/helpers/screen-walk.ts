import {styledCharsToString, type StyledChar} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import {guardFrame} from '../../source/output/output-guard.js';
import type {BatchSnapshot} from '../../source/poller/poller-state.js';
import {runTui} from '../../source/ui/run-tui.js';
import {FrameSink} from '../../source/ui/terminal/frame-sink.js';
import {drawSpinner, SPINNER_MARK} from '../../source/ui/text/spinner-mark.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../source/ui/theme/glyphs.js';
import {lineCells, WIDE_TAIL} from '../../source/ui/terminal/terminal-cells.js';
import {KEYS} from './render-app.js';
import {GeneratedDrill} from './generated-drill.js';
import {StaticPoller} from './static-poller.js';
import {mutateBatches, pick, seededRandom, type Random} from './walk-batches.js';
import {differingCells, rowText, WalkKeyboard, WalkTerminal} from './walk-terminal.js';

// The screen-truth walk: the real full-screen monitor (runTui: Ink, the App, the frame sink) writes into a
// headless xterm while a seeded random walk presses keys, changes what the poller reports and resizes the
// window. After every step the emulated screen must equal a fresh paint of the frame the program last
// produced, cell for cell, text and attributes; and that frame must fit the terminal.

/** Every key of the bindings table but the ones that leave (q, Ctrl-C) or stop the process (Ctrl-Z). */
const WALK_KEYS = [
	'?',
	'/',
	'g',
	'e',
	'r',
	'm',
	'n',
	'a',
	'x',
	' ',
	KEYS.enter,
	KEYS.escape,
	KEYS.backspace,
	'f',
	's',
	'd',
	KEYS.tab,
	KEYS.pageUp,
	KEYS.pageDown,
	'j',
	'k',
	KEYS.up,
	KEYS.down,
	'g',
	'G',
	'1',
	'2',
	'5',
	'9',
	'l',
	'p',
	'r',
	// The drill-down's keys: the next/previous failure group, the other log, copy; Enter again, so that
	// a walk gets down to a run's view (Enter in the detail pane, then on a failed run's entry).
	KEYS.enter,
	KEYS.enter,
	'n',
	'n',
	'n',
	'N',
	'o',
	'y',
	KEYS.ctrlL,
	'jjj',
	'kkjj',
	'\u001b[H',
	'\u001b[F',
];

/** Sizes people use, the smallest layouts, the too-small screen and odd ones. */
const SIZES: ReadonlyArray<readonly [number, number]> = [
	[120, 40],
	[80, 24],
	[200, 55],
	[100, 30],
	[60, 16],
	[59, 15],
	[40, 12],
	[40, 10],
	[39, 12],
	[30, 8],
	[143, 37],
	[99, 20],
	// Only the width changes: the frame keeps its height, so the sink diffs instead of repainting.
	[100, 40],
	[160, 40],
	[80, 40],
];

export interface WalkOptions {
	readonly seed: number;
	readonly steps: number;
	readonly ascii?: boolean;
	readonly color?: boolean;
	/** Draw on the normal screen (--no-alt-screen): the frame is then wherever the cursor says. */
	readonly normalScreen?: boolean;
}

export interface WalkFailure {
	readonly step: number;
	readonly what: string;
	readonly history: readonly string[];
	readonly detail: string;
}

export interface WalkResult {
	readonly steps: number;
	readonly checkedCells: number;
	readonly differingCells: number;
	readonly failure?: WalkFailure;
}

const ENTER_ALT = '\u001b[?1049h\u001b[2J\u001b[H\u001b[?25l';

/** A fresh paint of `frame` on a terminal of this size: each line at its row, cut at the right edge; no diff, no relative moves. */
function freshPaint(frame: string, columns: number, rows: number): string {
	let bytes = ENTER_ALT;
	for (const [row, line] of frame.split('\n').entries()) {
		if (row >= rows) break;
		bytes += `\u001b[${row + 1};1H${clipToColumns(line, columns)}\u001b[0m`;
	}
	return bytes;
}

/** A line as the frame sink draws it (graphemes terminals measure differently shown as "?"), cut at the edge. */
function clipToColumns(line: string, columns: number): string {
	return styledCharsToString(
		lineCells(line, columns).filter((cell): cell is StyledChar => cell !== WIDE_TAIL),
	);
}

/** Why a frame does not fit the terminal, or undefined. */
function misfit(frame: string, columns: number, rows: number): string | undefined {
	const lines = frame.split('\n');
	if (lines.length > rows - 1) return `the frame has ${lines.length} lines for ${rows} rows`;
	for (const [row, line] of lines.entries()) {
		const width = stringWidth(line);
		if (width > columns) return `line ${row} is ${width} columns wide on a ${columns}-column terminal`;
	}
	return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the walk; stops at the first step whose screen differs from a fresh paint. */
export async function runScreenWalk(options: WalkOptions): Promise<WalkResult> {
	const random = seededRandom(options.seed);
	const alternateScreen = !options.normalScreen;
	let [columns, rows] = pick(random, SIZES);
	const terminal = new WalkTerminal(columns, rows);
	const keyboard = new WalkKeyboard();
	const poller = new StaticPoller();
	poller.drill = new GeneratedDrill();
	// Ink's last frame, and the sink that drew it: the reference is the frame as the sink last drew it
	// (the spinner turns there between Ink's frames), checked against Ink's frame mark by mark.
	let inkFrame: string | undefined;
	let sink: FrameSink | undefined;
	const originalWrite = FrameSink.prototype.write;
	FrameSink.prototype.write = function (this: FrameSink, chunk: string, callback?: () => void) {
		if (chunk !== '') inkFrame = chunk;
		const written = originalWrite.call(this, chunk, callback);
		// The walk has one sink: the one Ink writes into.
		if (chunk !== '') sink ??= this as FrameSink;
		return written;
	};
	const spinnerFrames = (options.ascii ? ASCII_GLYPHS : UNICODE_GLYPHS).spinner;
	let batches: BatchSnapshot[] = [];
	let ids = 3_150_600;
	const nextId = () => String((ids += 1));
	for (let index = 0; index < 8; index++) batches = mutateBatches(random, batches, nextId);
	poller.set(batches);

	const history: string[] = [];
	let checkedCells = 0;
	const settle = async () => {
		let quiet = 0;
		while (quiet < 3) {
			const before = terminal.writes;
			await sleep(1);
			await terminal.flushed();
			quiet = terminal.writes === before ? quiet + 1 : 0;
		}
	};
	// The spinner turns by itself: a check that saw the terminal written meanwhile is made again.
	const check = async (step: number): Promise<WalkFailure | undefined> => {
		await settle();
		for (let attempt = 1; ; attempt++) {
			const writes = terminal.writes;
			const failure = await checkOnce(step);
			if (terminal.writes === writes || attempt === 5) return failure;
			await settle();
		}
	};
	const checkOnce = async (step: number): Promise<WalkFailure | undefined> => {
		const drawn = sink?.drawnFrame;
		if (inkFrame === undefined || drawn === undefined) return undefined;
		const glyph = drawn[inkFrame.indexOf(SPINNER_MARK)];
		if (inkFrame.includes(SPINNER_MARK) && (glyph === undefined || !spinnerFrames.includes(glyph)))
			return {
				step,
				history: history.slice(-12),
				what: `the spinner's mark drawn as ${JSON.stringify(glyph)}`,
				detail: drawn,
			};
		if (drawn !== (glyph === undefined ? inkFrame : drawSpinner(inkFrame, glyph)))
			return {
				step,
				history: history.slice(-12),
				what: "the sink drew something else than Ink's frame",
				detail: drawn,
			};
		const lastFrame = guardFrame(drawn);
		const fits = misfit(lastFrame, columns, rows);
		const reference = new WalkTerminal(columns, rows);
		reference.write(freshPaint(lastFrame, columns, rows));
		await reference.flushed();
		// The cursor rests at column 0 of the row below the frame; on the alternate screen the frame starts at the top.
		const height = Math.min(lastFrame.split('\n').length, rows - 1);
		const cursor = terminal.screen.buffer.active;
		const top = alternateScreen ? 0 : cursor.cursorY - height;
		const placed =
			cursor.cursorX !== 0 || cursor.cursorY !== top + height
				? `the cursor rests at ${cursor.cursorY}:${cursor.cursorX}, not at ${top + height}:0 below the frame`
				: undefined;
		const differing = differingCells(terminal.screen, reference.screen, {
			top,
			rows: alternateScreen ? rows : height,
		});
		checkedCells += columns * (alternateScreen ? rows : height);
		const failure =
			differing.length > 0
				? {
						what: `${differing.length} cells differ from a fresh paint (first: ${differing.slice(0, 8).join(' ')})`,
						detail: Array.from({length: rows}, (_, row) => {
							const shown = rowText(terminal.screen, top + row);
							const fresh = rowText(reference.screen, row);
							return shown === fresh ? `  ${row}: ${shown}` : `! ${row}: ${shown}\n= ${row}: ${fresh}`;
						}).join('\n'),
					}
				: (fits ?? placed)
					? {what: (fits ?? placed)!, detail: lastFrame}
					: undefined;
		reference.dispose();
		if (failure && terminal.log)
			failure.detail += `\nwritten since the last resize:\n${terminal.log.map((bytes) => JSON.stringify(bytes)).join('\n')}`;
		return failure ? {step, history: history.slice(-12), ...failure} : undefined;
	};

	const running = runTui({
		poller: Object.assign(poller, {start() {}, stop() {}}),
		target: 'us-east-1',
		ascii: options.ascii ?? false,
		color: options.color ?? true,
		alternateScreen,
		stallMs: 5 * 60_000,
		stdout: terminal as unknown as NodeJS.WriteStream,
		stdin: keyboard as unknown as NodeJS.ReadStream,
	});
	let failure: WalkFailure | undefined;
	let step = 0;
	try {
		await sleep(150);
		failure = await check(0);
		for (step = 1; step <= options.steps && !failure; step++) {
			await takeStep(random);
			failure = await check(step);
		}
	} finally {
		// Ctrl-C quits from every mode (q would be typed into an open filter).
		keyboard.type(KEYS.ctrlC);
		await running;
		FrameSink.prototype.write = originalWrite;
		terminal.dispose();
	}
	return {
		steps: Math.min(step, options.steps),
		checkedCells,
		differingCells: failure ? 1 : 0,
		...(failure ? {failure} : {}),
	};

	async function takeStep(random: Random): Promise<void> {
		const roll = random();
		if (roll < 0.62) {
			const key = pick(random, WALK_KEYS);
			history.push(`key ${JSON.stringify(key)}`);
			keyboard.type(key);
			// A lone Esc is decided on the next tick; settle() waits for it.
			return;
		}
		if (roll < 0.92) {
			batches = mutateBatches(random, batches, nextId);
			history.push(
				`batches: ${batches.length} (${batches.map((batch) => batch.view?.status ?? '-').join(',')})`,
			);
			poller.set(batches, {requestsPerSecond: random() * 6, budgetPerSecond: 5});
			return;
		}
		[columns, rows] = random() < 0.5 ? [pick(random, [80, 100, 120, 160]), rows] : pick(random, SIZES);
		history.push(`resize ${columns}x${rows}`);
		if (process.env['WALK_DEBUG']) terminal.log = [];
		terminal.resize(columns, rows);
		// The monitor re-reads the size after 100 ms of quiet.
		await sleep(130);
	}
}
