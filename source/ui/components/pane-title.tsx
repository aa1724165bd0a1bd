import React from 'react';
import {Text} from 'ink';
import Spinner from 'ink-spinner';
import {paneTitleLine} from '../lines/pane-title-line.js';
import {lineToAnsi} from '../text/line-ansi.js';
import {LineView} from './lines-view.js';
import {useRenderOptions} from './render-options.js';

interface PaneTitleProps {
	readonly name: string;
	readonly focused: boolean;
	readonly width: number;
	/** Said after the name; `loading` adds an ink-spinner before it. */
	readonly status?: {readonly text: string; readonly spinner: boolean} | undefined;
	/** The key that brings the focus here, said in the title when the pane does not have it. */
	readonly hint?: string | undefined;
}

/**
 * A pane's title row, highlighted when the pane has the focus. While something loads, an ink-spinner
 * turns in it: its own 80 ms timer runs only while the loading lasts.
 */
export function PaneTitle({name, focused, width, status, hint}: PaneTitleProps) {
	const {glyphs, color, ascii} = useRenderOptions();
	const title = paneTitleLine(name, focused, width, glyphs, status, hint);
	if (title.spinnerAt === undefined) return <LineView line={title.line} />;
	return (
		<Text wrap="truncate-end">
			{lineToAnsi(title.line.slice(0, title.spinnerAt), color)}
			<Text color={color ? 'cyan' : undefined}>
				<Spinner type={ascii ? 'line' : 'dots'} />
			</Text>
			{lineToAnsi(title.line.slice(title.spinnerAt + 1), color)}
		</Text>
	);
}
