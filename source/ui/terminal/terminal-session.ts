const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const CLEAR = '\u001b[2J\u001b[H';
// Mouse reporting (xterm ctlseqs, "Mouse Tracking"): 1000 reports presses, releases and the wheel;
// 1006 has them sent as SGR (ESC [ < b ; x ; y M), which has no column limit and cannot be mistaken
// for UTF-8. Off again in the reverse order.
const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

import {ExitCode, SIGNAL_EXIT_CODES, type ExitSignal} from '../../domain/exit-policy.js';
import {writeErrorLine} from '../../output/output-guard.js';
import {osc52Sequence} from './clipboard-osc52.js';
import {POP_TITLE, PUSH_TITLE, setTitleBytes} from './terminal-title.js';

/** The terminal modes a session takes: each is given back on every way out. */
export interface TerminalModes {
	readonly alternateScreen: boolean;
	/** --title: the title shows batchtop's counts; the one before is pushed on the title stack and popped on exit. */
	readonly title?: boolean;
	/** --mouse: mouse reporting on (wheel and clicks), which also stops the terminal's own text selection. */
	readonly mouse?: boolean;
}

/**
 * Everything that changes terminal modes lives here: the alternate screen, the cursor, the title,
 * mouse reporting, raw mode around Ctrl-Z, and restoring all of it on every way out (quit, signals,
 * stdin EOF, crashes). Leaving is idempotent, so every exit path can call it.
 *
 * The title is written here, not through Ink's frames: the frame sink lets nothing but text and SGR
 * through (output-guard), and an OSC sequence in a frame would be cut out there by design. The title's
 * text is batchtop's own words and counts (terminal-title.ts), passed through the guard's line rule.
 */
export class TerminalSession {
	#inAlternate = false;
	#cursorHidden = false;
	#mouseOn = false;
	#titlePushed = false;
	#title: string | undefined;
	readonly #cleanups: Array<() => void> = [];
	readonly #modes: TerminalModes;

	constructor(
		private readonly stdout: NodeJS.WriteStream,
		private readonly stdin: NodeJS.ReadStream,
		modes: TerminalModes | boolean,
	) {
		this.#modes = typeof modes === 'boolean' ? {alternateScreen: modes} : modes;
	}

	/** Enters the alternate screen (once), hides the cursor, turns on the title and the mouse if asked; call before the first frame. */
	enter(): void {
		if (this.#modes.alternateScreen && !this.#inAlternate) {
			this.stdout.write(ENTER_ALT + CLEAR);
			this.#inAlternate = true;
		}
		if (!this.#cursorHidden) {
			this.stdout.write(HIDE_CURSOR);
			this.#cursorHidden = true;
		}
		if (this.#modes.title && !this.#titlePushed) {
			this.stdout.write(PUSH_TITLE + (this.#title === undefined ? '' : setTitleBytes(this.#title)));
			this.#titlePushed = true;
		}
		if (this.#modes.mouse && !this.#mouseOn) {
			this.stdout.write(MOUSE_ON);
			this.#mouseOn = true;
		}
	}

	/** With --title, the title to show (now, and again after a Ctrl-Z). */
	setTitle(text: string): void {
		if (!this.#modes.title || text === this.#title) return;
		this.#title = text;
		if (this.#titlePushed) this.stdout.write(setTitleBytes(text));
	}

	/**
	 * `y`: puts `text` on the terminal's clipboard (OSC 52; inside tmux also through its passthrough).
	 * False when the text is refused (control characters, too long) and nothing was written.
	 */
	copyToClipboard(text: string, env: NodeJS.ProcessEnv = process.env): boolean {
		const sequence = osc52Sequence(text, {TMUX: env.TMUX, TERM: env.TERM});
		if (sequence === undefined) return false;
		this.stdout.write(sequence);
		return true;
	}

	/** Turns the mouse off, gives the title back, shows the cursor and leaves the alternate screen; safe to call any number of times. */
	leave(): void {
		if (this.#mouseOn) {
			this.stdout.write(MOUSE_OFF);
			this.#mouseOn = false;
		}
		if (this.#titlePushed) {
			this.stdout.write(POP_TITLE);
			this.#titlePushed = false;
		}
		if (this.#cursorHidden) {
			this.stdout.write(SHOW_CURSOR);
			this.#cursorHidden = false;
		}
		if (this.#inAlternate) {
			this.stdout.write(LEAVE_ALT);
			this.#inAlternate = false;
		}
	}

	/**
	 * Restores the terminal on SIGINT/SIGTERM/SIGHUP/SIGQUIT, stdin EOF, process exit and uncaught errors.
	 * `onSignal` gets the exit code (128 + signal number) and should unmount and exit.
	 */
	installExitHandlers(onSignal: (code: number, why: string) => void): void {
		for (const signal of Object.keys(SIGNAL_EXIT_CODES) as ExitSignal[]) {
			const handler = () => onSignal(SIGNAL_EXIT_CODES[signal], signal);
			process.on(signal, handler);
			this.#cleanups.push(() => process.off(signal, handler));
		}
		const onEnd = () => onSignal(ExitCode.ok, 'stdin closed');
		this.stdin.on('end', onEnd);
		this.#cleanups.push(() => this.stdin.off('end', onEnd));
		const onExit = () => this.leave();
		process.on('exit', onExit);
		this.#cleanups.push(() => process.off('exit', onExit));
		const onCrash = (error: unknown) => {
			this.leave();
			writeErrorLine(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
			process.exit(ExitCode.someFailed);
		};
		process.on('uncaughtException', onCrash);
		process.on('unhandledRejection', onCrash);
		this.#cleanups.push(
			() => process.off('uncaughtException', onCrash),
			() => process.off('unhandledRejection', onCrash),
		);
	}

	/** Ctrl-Z in raw mode: hand the terminal back, stop; on `fg`, take it again and repaint. */
	suspend(onResume: () => void): void {
		this.leave();
		if (this.stdin.isTTY) this.stdin.setRawMode(false);
		process.once('SIGCONT', () => {
			if (this.stdin.isTTY) this.stdin.setRawMode(true);
			this.enter();
			this.stdout.write(CLEAR);
			onResume();
		});
		process.kill(process.pid, 'SIGTSTP');
	}

	/** Removes every handler this session installed. */
	dispose(): void {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
	}
}
