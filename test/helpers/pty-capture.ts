import {spawn, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import xterm from '@xterm/headless';
import {visibleRows, type HeadlessTerminal} from './terminal-screen.js';

/**
 * A program on a real pseudo-terminal (util-linux `script`, as scripts/bench/lib/pty-process.ts runs it),
 * keeping EVERY byte it wrote to the terminal, so a test can check the raw stream as well as the screen.
 * The bytes are what the terminal received: after the pty's line discipline, so "\n" arrives as "\r\n".
 */
export interface PtyCaptureOptions {
	readonly command: readonly string[];
	readonly columns: number;
	readonly rows: number;
	/** The whole environment of the program (TERM is set to xterm-256color unless given). */
	readonly env: NodeJS.ProcessEnv;
}

export interface PtyExit {
	/** `script -e` reports the program's exit code (128 + n if a signal killed it). */
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
}

/** Single-quotes an argument for sh. */
function shellQuote(argument: string): string {
	return `'${argument.replaceAll("'", `'\\''`)}'`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class PtyCapture {
	/** A live headless xterm fed as bytes arrive: what a user would see right now. */
	readonly terminal: HeadlessTerminal;
	readonly #child: ChildProcess;
	readonly #chunks: Buffer[] = [];
	readonly #exited: Promise<PtyExit>;
	#pending = Promise.resolve();
	#done = false;

	constructor(options: PtyCaptureOptions) {
		this.terminal = new xterm.Terminal({cols: options.columns, rows: options.rows, allowProposedApi: true});
		const inner = `stty rows ${options.rows} cols ${options.columns} && exec ${options.command.map(shellQuote).join(' ')}`;
		this.#child = spawn('script', ['-q', '-e', '-c', inner, '/dev/null'], {
			env: {TERM: 'xterm-256color', ...options.env},
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		this.#child.stdout?.on('data', (chunk: Buffer) => {
			this.#chunks.push(chunk);
			this.#pending = this.#pending.then(
				() => new Promise<void>((resolve) => this.terminal.write(chunk, resolve)),
			);
		});
		this.#exited = new Promise((resolve) =>
			this.#child.on('close', (code, signal) => {
				this.#done = true;
				resolve({code, signal});
			}),
		);
	}

	/** Every byte written to the terminal so far. */
	bytes(): Buffer {
		return Buffer.concat(this.#chunks);
	}

	/** The bytes so far as UTF-8; throws if they are not valid UTF-8 (a raw C1 byte, a cut sequence). */
	text(): string {
		return new TextDecoder('utf-8', {fatal: true}).decode(this.bytes());
	}

	/** The live screen, one string per row, after every byte received so far has been parsed. */
	async screen(): Promise<string[]> {
		await this.#pending;
		return visibleRows(this.terminal);
	}

	/** Polls the live screen until `check` holds; the error shows the screen. */
	async waitForScreen(check: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const text = (await this.screen()).join('\n');
			if (check(text)) return text;
			if (this.#done || Date.now() > deadline)
				throw new Error(`the terminal never showed ${what}; screen:\n${text}`);
			await sleep(50);
		}
	}

	/** The program's pid: the child of `script`, which exec'd it (check it is the program before signalling). */
	programPid(): number {
		return scriptChildPid(this.#child.pid);
	}

	/** Types into the terminal. */
	send(keys: string): void {
		this.#child.stdin?.write(keys);
	}

	/** Resolves when `script` has exited and all its output has been read, with the program's exit code. */
	async exited(timeoutMs = 10_000): Promise<PtyExit> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_resolve, reject) => {
			timer = setTimeout(
				() => reject(new Error(`the program did not exit within ${timeoutMs} ms`)),
				timeoutMs,
			);
		});
		try {
			const exit = await Promise.race([this.#exited, timeout]);
			await this.#pending;
			return exit;
		} finally {
			clearTimeout(timer);
		}
	}

	/** Kills whatever is left (the program, then `script`) and frees the terminal; safe to call twice. */
	async dispose(): Promise<void> {
		if (!this.#done) {
			try {
				process.kill(this.programPid(), 'SIGKILL');
			} catch {
				// already gone
			}
			this.#child.kill('SIGKILL');
			await Promise.race([this.#exited, sleep(2000)]);
		}
		await this.#pending;
		this.terminal.dispose();
	}
}

/** The pid of the program util-linux `script` runs (its child, which exec'd the command). */
export function scriptChildPid(scriptPid: number | undefined): number {
	if (scriptPid === undefined) throw new Error('script did not start');
	const children = readFileSync(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8').trim().split(/\s+/);
	const pid = Number(children[0]);
	if (!Number.isInteger(pid) || pid <= 0) throw new Error('the program has not started yet');
	return pid;
}
