const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const CLEAR = '\u001b[2J\u001b[H';

import {ExitCode, SIGNAL_EXIT_CODES, type ExitSignal} from '../../domain/exit-policy.js';
import {writeErrorLine} from '../../output/output-guard.js';

/**
 * Everything that changes terminal modes lives here: the alternate screen, the cursor, raw mode
 * around Ctrl-Z, and restoring all of it on every way out (quit, signals, stdin EOF, crashes).
 * Leaving is idempotent, so every exit path can call it.
 */
export class TerminalSession {
	#inAlternate = false;
	#cursorHidden = false;
	readonly #cleanups: Array<() => void> = [];

	constructor(
		private readonly stdout: NodeJS.WriteStream,
		private readonly stdin: NodeJS.ReadStream,
		private readonly useAlternateScreen: boolean,
	) {}

	/** Enters the alternate screen (once) and hides the cursor; call before the first frame. */
	enter(): void {
		if (this.useAlternateScreen && !this.#inAlternate) {
			this.stdout.write(ENTER_ALT + CLEAR);
			this.#inAlternate = true;
		}
		if (!this.#cursorHidden) {
			this.stdout.write(HIDE_CURSOR);
			this.#cursorHidden = true;
		}
	}

	/** Shows the cursor and leaves the alternate screen; safe to call any number of times. */
	leave(): void {
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
