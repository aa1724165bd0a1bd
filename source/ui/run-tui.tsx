import React from 'react';
import {render, type Instance} from 'ink';
import type {AwsCliContext} from './state/copy-targets.js';
import type {RetryManifestOutcome} from './hooks/use-ui-effects.js';
import {App, type QuitReason} from './components/app.js';
import {TerminalSession} from './terminal/terminal-session.js';
import {FrameSink} from './terminal/frame-sink.js';
import {MouseStdin} from './terminal/mouse-stdin.js';
import {titleText} from './terminal/terminal-title.js';
import {TitleUpdates} from './terminal/title-updates.js';
import {headerCounts} from './lines/header-line.js';
import {exitReasonLine, exitSummary} from './exit-summary.js';
import {ExitCode, SIGNAL_EXIT_CODES, type ExitSignal} from '../domain/exit-policy.js';
import {
	endsByItself,
	quitEnd,
	signalEnd,
	watchEnd,
	type WatchEnd,
	type WatchEndRules,
} from '../output/watch-end.js';
import {guardedLineWriter} from '../output/output-guard.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from './theme/glyphs.js';
import type {PollerHandle} from './hooks/use-poller-snapshot.js';
import type {SortMode} from './state/ui-state.js';
import type {BatchCanceller} from '../poller/batch-canceller.js';

export interface TuiOptions {
	readonly poller: PollerHandle & {start(): void; stop(): void};
	readonly target: string;
	readonly ascii: boolean;
	readonly color: boolean;
	readonly alternateScreen: boolean;
	/** --title: the terminal's title says how many batches are active and failed (restored on exit). */
	readonly title?: boolean;
	/** --mouse: the wheel scrolls the focused pane, a click selects a batch. */
	readonly mouse?: boolean;
	/** --allow-cancel: `c` cancels the selected batch (CancelRunBatch), after its name is typed. */
	readonly canceller?: BatchCanceller;
	readonly stallMs: number;
	readonly initialSort?: SortMode;
	/**
	 * The script flags' end conditions (output/watch-end.ts), as --plain applies them: with an end of
	 * its own asked for, the monitor closes itself there. Absent: it never does, and q exits 0.
	 */
	readonly endRules?: WatchEndRules;
	/** Where the aws CLI lines `y` copies point. */
	readonly awsCli?: AwsCliContext;
	/** `e`: writes the selected batch's retry manifest. */
	readonly onRetryManifest?: (batchId: string) => Promise<RetryManifestOutcome>;
	readonly stdout?: NodeJS.WriteStream;
	readonly stdin?: NodeJS.ReadStream;
}

/** No flag given: the monitor never closes itself, and no stale clock runs (only the first-contact one). */
const NO_END: WatchEndRules = {
	namedBatches: false,
	exitStatus: false,
	failFast: false,
	staleTimeoutMs: Number.POSITIVE_INFINITY,
};

/**
 * Runs the full-screen monitor until the user quits, a signal arrives, or (with --wait, --fail-fast or
 * --timeout) the watch reaches its end; then restores the terminal and prints the summary and the
 * `exit N: why` line. Resolves with the exit code and its reason.
 */
export async function runTui(options: TuiOptions): Promise<WatchEnd> {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	const session = new TerminalSession(stdout, stdin, {
		alternateScreen: options.alternateScreen,
		title: options.title === true,
		mouse: options.mouse === true,
	});
	// With --mouse, Ink reads the terminal through MouseStdin, which takes the mouse reports out first.
	const mouse = options.mouse === true && stdin.isTTY ? new MouseStdin(stdin) : undefined;
	const titles = options.title === true ? new TitleUpdates((text) => session.setTitle(text)) : undefined;
	const showTitle = () => titles?.update(titleText(headerCounts(options.poller.snapshot())));
	const glyphs = options.ascii ? ASCII_GLYPHS : UNICODE_GLYPHS;
	const sink = new FrameSink(stdout, options.alternateScreen, glyphs.spinner);
	const rules = options.endRules ?? NO_END;
	const started = Date.now();
	const clock = () => ({started, now: Date.now()});
	let end: WatchEnd | undefined;
	// Whether `exit N: why` follows the summary: when the watch ended by itself, or quitting ended with
	// a code the user did not choose. After a q that exits 0, or a signal, the user knows why.
	let explain = false;
	let instance: Instance | undefined;
	// The first way out wins: a key, a signal and the end of the watch can arrive in the same tick.
	const close = (how: WatchEnd, explainIt: boolean) => {
		if (!end) {
			end = how;
			explain = explainIt;
		}
		instance?.unmount();
	};
	const quit = (how: string) => {
		const quitted = quitEnd(options.poller.snapshot(), rules, clock(), options.target, how);
		close(quitted, quitted.code !== ExitCode.ok);
	};
	const interrupt = (signal: ExitSignal) => close(signalEnd(signal), false);
	const onQuit = (reason: QuitReason) => (reason === 'interrupt' ? interrupt('SIGINT') : quit('q'));
	const check = () => {
		if (end) return;
		const reached = watchEnd(options.poller.snapshot(), rules, clock(), options.target);
		if (reached) close(reached, true);
	};
	const element = () => (
		<App
			poller={options.poller}
			target={options.target}
			glyphs={glyphs}
			color={options.color}
			ascii={options.ascii}
			stallMs={options.stallMs}
			onQuit={onQuit}
			onSuspend={() => session.suspend(() => sink.repaint())}
			onRedraw={() => sink.repaint()}
			onCopy={(text) => session.copyToClipboard(text)}
			{...(options.awsCli ? {awsCli: options.awsCli} : {})}
			{...(options.onRetryManifest ? {onRetryManifest: options.onRetryManifest} : {})}
			{...(mouse ? {mouse} : {})}
			{...(options.canceller ? {canceller: options.canceller} : {})}
			{...(options.initialSort ? {initialSort: options.initialSort} : {})}
		/>
	);
	// A signal (`why` names it) is an interruption; the end of input is a quit like q.
	session.installExitHandlers((_code, why) => {
		const signal = (Object.keys(SIGNAL_EXIT_CODES) as ExitSignal[]).find((name) => name === why);
		if (signal) interrupt(signal);
		else quit(why);
	});
	// Timeouts and stale clocks run out between polls too; without an end of its own, nothing to check.
	const ends = endsByItself(rules);
	const unsubscribe = ends ? options.poller.subscribe(check) : () => {};
	const timer = ends ? setInterval(check, 250) : undefined;
	const unsubscribeTitle = titles ? options.poller.subscribe(showTitle) : () => {};
	showTitle();
	session.enter();
	try {
		// debug: Ink hands each frame whole to the sink, which writes only the changed cells. Ink's fps
		// throttle is off in that mode; the poller's updates are coalesced in usePollerSnapshot instead.
		instance = render(element(), {
			stdout: sink as unknown as NodeJS.WriteStream,
			stdin: mouse ? (mouse as unknown as NodeJS.ReadStream) : stdin,
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		});
		options.poller.start();
		// An end reached before Ink was listening (an answer within the first render) closes it now.
		if (end) instance.unmount();
		await instance.waitUntilExit();
	} finally {
		clearInterval(timer);
		unsubscribe();
		unsubscribeTitle();
		titles?.dispose();
		mouse?.dispose();
		options.poller.stop();
		sink.dispose();
		session.leave();
		session.dispose();
	}
	// Ink closed by some other way than these (it should not): that is a quit like any other.
	if (!end) quit('the monitor closed');
	const result = end ?? signalEnd('SIGINT');
	const write = guardedLineWriter(stdout);
	write(exitSummary(options.poller.snapshot(), options.target));
	if (explain) write(exitReasonLine(result));
	return result;
}
