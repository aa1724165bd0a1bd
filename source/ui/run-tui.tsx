import React from 'react';
import {render, type Instance} from 'ink';
import {App, type QuitReason} from './components/app.js';
import {TerminalSession} from './terminal/terminal-session.js';
import {exitSummary} from './exit-summary.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from './theme/glyphs.js';
import type {PollerHandle} from './hooks/use-poller-snapshot.js';

export interface TuiOptions {
	readonly poller: PollerHandle & {start(): void; stop(): void};
	readonly target: string;
	readonly ascii: boolean;
	readonly color: boolean;
	readonly alternateScreen: boolean;
	readonly stallMs: number;
	readonly stdout?: NodeJS.WriteStream;
	readonly stdin?: NodeJS.ReadStream;
}

/** Runs the full-screen monitor until the user quits or a signal arrives; resolves with the exit code. */
export async function runTui(options: TuiOptions): Promise<number> {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	const session = new TerminalSession(stdout, stdin, options.alternateScreen);
	let exitCode = 0;
	let instance: Instance | undefined;
	const onQuit = (reason: QuitReason) => {
		exitCode = reason === 'interrupt' ? 130 : 0;
	};
	const element = () => (
		<App
			poller={options.poller}
			target={options.target}
			glyphs={options.ascii ? ASCII_GLYPHS : UNICODE_GLYPHS}
			color={options.color}
			ascii={options.ascii}
			stallMs={options.stallMs}
			onQuit={onQuit}
			onSuspend={() =>
				session.suspend(() => {
					instance?.clear();
					instance?.rerender(element());
				})
			}
		/>
	);
	session.installExitHandlers((code) => {
		exitCode = code;
		instance?.unmount();
	});
	session.enter();
	try {
		// maxFps 10: updates arrive at most a few times a second; layout work is what costs CPU.
		instance = render(element(), {stdout, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 10});
		options.poller.start();
		await instance.waitUntilExit();
	} finally {
		options.poller.stop();
		session.leave();
		session.dispose();
	}
	stdout.write(`${exitSummary(options.poller.snapshot(), options.target)}\n`);
	return exitCode;
}
