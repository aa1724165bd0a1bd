// A process on a real pseudo-terminal (util-linux `script`), its output replayed through a headless
// xterm so that the bench sees the screen a user would see.
import {spawn, type ChildProcess} from 'node:child_process';
import xterm from '@xterm/headless';
import {visibleRows, type HeadlessTerminal} from '../../../test/helpers/terminal-screen.js';
import {scriptChildPid} from '../../../test/helpers/pty-capture.js';

export interface PtyOptions {
	readonly command: readonly string[];
	readonly columns: number;
	readonly rows: number;
	/** The whole environment of the run (TERM added); without it, this process's. */
	readonly env?: NodeJS.ProcessEnv;
}

/** Single-quotes an argument for sh. */
function shellQuote(argument: string): string {
	return `'${argument.replaceAll("'", `'\\''`)}'`;
}

export class PtyProcess {
	readonly startedAt: number;
	readonly terminal: HeadlessTerminal;
	readonly #child: ChildProcess;
	#bytes = 0;
	#exited: Promise<number | null>;
	#pending = Promise.resolve();
	readonly #chunks: Array<{at: number; bytes: number}> = [];
	readonly #waiters = new Set<() => void>();

	constructor(options: PtyOptions) {
		this.terminal = new xterm.Terminal({cols: options.columns, rows: options.rows, allowProposedApi: true});
		const inner = `stty rows ${options.rows} cols ${options.columns} && exec ${options.command.map(shellQuote).join(' ')}`;
		this.startedAt = performance.now();
		this.#child = spawn('script', ['-q', '-e', '-c', inner, '/dev/null'], {
			// A given environment is the whole of it: merged over this process's, it let the outer one
			// (NODE_EXTRA_CA_CERTS: +40 ms to Node's own start) into measured runs.
			env: options.env ? {TERM: 'xterm-256color', ...options.env} : {...process.env, TERM: 'xterm-256color'},
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		this.#child.stdout?.on('data', (chunk: Buffer) => {
			this.#bytes += chunk.length;
			this.#chunks.push({at: performance.now(), bytes: chunk.length});
			this.#pending = this.#pending.then(
				() =>
					new Promise<void>((resolve) => {
						this.terminal.write(chunk, resolve);
					}),
			);
			void this.#pending.then(() => {
				for (const waiter of this.#waiters) waiter();
			});
		});
		this.#exited = new Promise((resolve) => this.#child.on('exit', (code) => resolve(code)));
	}

	/** Bytes the program has written to the terminal so far. */
	get bytes(): number {
		return this.#bytes;
	}

	/** The screen as text, one string per row, trailing spaces trimmed. */
	screen(): string[] {
		return visibleRows(this.terminal);
	}

	/** Resolves with the time (ms since spawn) at which `ready(screen)` first held; rejects after `timeoutMs`. */
	waitForScreen(ready: (screen: string[]) => boolean, timeoutMs = 20_000): Promise<number> {
		return new Promise((resolve, reject) => {
			const check = () => {
				if (!ready(this.screen())) return;
				this.#waiters.delete(check);
				clearTimeout(timer);
				const last = this.#chunks.at(-1);
				resolve((last?.at ?? performance.now()) - this.startedAt);
			};
			const timer = setTimeout(() => {
				this.#waiters.delete(check);
				reject(new Error(`screen not ready after ${timeoutMs} ms:\n${this.screen().join('\n')}`));
			}, timeoutMs);
			this.#waiters.add(check);
			check();
		});
	}

	/** The program's pid (the child of `script`, which exec'd it). */
	programPid(): number {
		return scriptChildPid(this.#child.pid);
	}

	/** Types into the terminal. */
	send(keys: string): void {
		this.#child.stdin?.write(keys);
	}

	/** Waits until the program exits, with `script`'s exit code (the program's). */
	exited(): Promise<number | null> {
		return this.#exited;
	}

	/** Ends the program with a signal if it is still running. */
	async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		try {
			process.kill(this.programPid(), signal);
		} catch {
			this.#child.kill(signal);
		}
		await Promise.race([this.#exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
		this.#child.kill('SIGKILL');
		this.terminal.dispose();
	}
}
