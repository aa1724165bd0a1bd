import React from 'react';
import Spinner from 'ink-spinner';
import {paneTitleLine} from '../lines/pane-title-line.js';
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
	const {glyphs, ascii} = useRenderOptions();
	const line = paneTitleLine(name, focused, width, glyphs, status, hint);
	return <LineView line={line} spinner={<Spinner type={ascii ? 'line' : 'dots'} />} />;
}
