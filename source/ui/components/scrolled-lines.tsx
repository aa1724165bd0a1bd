import React from 'react';
import {scrollWindow} from '../layout/scroll-window.js';
import {moreLine} from '../lines/more-line.js';
import type {Line} from '../text/styled-line.js';
import {LinesView} from './lines-view.js';
import {useRenderOptions} from './render-options.js';

interface ScrolledLinesProps {
	readonly lines: readonly Line[];
	readonly width: number;
	readonly rows: number;
	readonly offset: number;
	/** Named in the `↓ N more` row: the keys that scroll (only where they do). */
	readonly keys?: string;
}

/** Text scrolled by `offset` in `rows`, with `↑ N more` / `↓ N more` rows where some is hidden. */
export function ScrolledLines({lines, width, rows, offset, keys}: ScrolledLinesProps) {
	const {glyphs} = useRenderOptions();
	const window = scrollWindow(lines.length, rows, offset);
	const shown: Line[] = [];
	if (window.above > 0) shown.push(moreLine('up', window.above, glyphs, width));
	for (const line of lines.slice(window.start, window.end)) shown.push(line);
	if (window.below > 0) shown.push(moreLine('down', window.below, glyphs, width, keys));
	return <LinesView lines={shown} width={width} height={rows} />;
}
