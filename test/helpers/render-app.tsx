import React from 'react';
import {render} from 'ink-testing-library';
import {App, type AppProps, type QuitReason} from '../../source/ui/components/app.js';
import type {SortMode} from '../../source/ui/state/ui-state.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../source/ui/theme/glyphs.js';
import type {StaticPoller} from './static-poller.js';

export const KEYS = {
	up: '\u001b[A',
	down: '\u001b[B',
	enter: '\r',
	tab: '\t',
	escape: '\u001b',
	pageUp: '\u001b[5~',
	pageDown: '\u001b[6~',
	ctrlC: '\u0003',
	ctrlZ: '\u001a',
	ctrlL: '\u000c',
	backspace: '\u007f',
};

/** Renders the App at a fixed terminal size and returns helpers to type and to wait for a frame. */
export function renderApp(
	poller: StaticPoller,
	options: {
		columns?: number;
		rows?: number;
		color?: boolean;
		ascii?: boolean;
		initialSort?: SortMode;
		/** Further props (the drill-down's callbacks). */
		props?: Partial<AppProps>;
	} = {},
) {
	const quits: QuitReason[] = [];
	let suspends = 0;
	let redraws = 0;
	const ascii = options.ascii ?? false;
	const app = render(
		<App
			poller={poller}
			target="us-east-1"
			glyphs={ascii ? ASCII_GLYPHS : UNICODE_GLYPHS}
			color={options.color ?? true}
			ascii={ascii}
			stallMs={5 * 60_000}
			size={{columns: options.columns ?? 120, rows: options.rows ?? 40}}
			onQuit={(reason) => quits.push(reason)}
			onSuspend={() => (suspends += 1)}
			onRedraw={() => (redraws += 1)}
			{...(options.initialSort ? {initialSort: options.initialSort} : {})}
			{...options.props}
		/>,
	);
	const frame = () => app.lastFrame() ?? '';
	/** Waits (polling, as React 19 needs more than one tick) until the frame's plain text satisfies `check`; returns the styled frame. */
	const waitForFrame = async (check: (text: string) => boolean, what: string): Promise<string> => {
		for (let attempt = 0; attempt < 200; attempt++) {
			const text = frame();
			if (check(plain(text))) return text;
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		throw new Error(`frame never showed ${what}; last frame:\n${frame()}`);
	};
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			app.stdin.write(key);
			await new Promise((resolve) => setTimeout(resolve, 15));
		}
	};
	return {app, frame, waitForFrame, press, quits, suspends: () => suspends, redraws: () => redraws};
}

/** Frame text without ANSI styling. */
export const plain = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');
