import React from 'react';
import {render, type Instance} from 'ink';
import {App, type QuitReason} from './components/app.js';
import {TerminalSession} from './terminal/terminal-session.js';
import {FrameSink} from './terminal/frame-sink.js';
import {exitSummary} from './exit-summary.js';
import {ExitCode} from '../domain/exit-policy.js';
import {guardedLineWriter} from '../output/output-guard.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from './theme/glyphs.js';
import type {PollerHandle} from './hooks/use-poller-snapshot.js';
import type {SortMode} from './state/ui-state.js';

export interface TuiOptions {
	readonly poller: PollerHandle & {start(): void; stop(): void};
	readonly target: string;
	readonly ascii: boolean;
	readonly color: boolean;
	readonly alternateScreen: boolean;
	readonly stallMs: number;
	readonly initialSort?: SortMode;
	readonly stdout?: NodeJS.WriteStream;
	readonly stdin?: NodeJS.ReadStream;
}

/** Runs the full-screen monitor until the user quits or a signal arrives; resolves with the exit code. */
export async function runTui(options: TuiOptions): Promise<number> {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	const session = new TerminalSession(stdout, stdin, options.alternateScreen);
	const sink = new FrameSink(stdout, options.alternateScreen);
	let exitCode: number = ExitCode.ok;
	let instance: Instance | undefined;
	const onQuit = (reason: QuitReason) => {
		exitCode = reason === 'interrupt' ? ExitCode.sigint : ExitCode.ok;
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
			onSuspend={() => session.suspend(() => sink.repaint())}
			onRedraw={() => sink.repaint()}
			{...(options.initialSort ? {initialSort: options.initialSort} : {})}
		/>
	);
	session.installExitHandlers((code) => {
		exitCode = code;
		instance?.unmount();
	});
	session.enter();
	try {
		// debug: Ink hands each frame whole to the sink, which writes only the changed cells. Ink's fps
		// throttle is off in that mode; the poller's updates are coalesced in usePollerSnapshot instead.
		instance = render(element(), {
			stdout: sink as unknown as NodeJS.WriteStream,
			stdin,
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		});
		options.poller.start();
		await instance.waitUntilExit();
	} finally {
		options.poller.stop();
		sink.dispose();
		session.leave();
		session.dispose();
	}
	guardedLineWriter(stdout)(exitSummary(options.poller.snapshot(), options.target));
	return exitCode;
}
