import React from 'react';
import {Box} from 'ink';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import type {ScrollWindow} from '../layout/scroll-window.js';
import {batchRowLine, rowAge} from '../lines/batch-row-line.js';
import {moreLine} from '../lines/more-line.js';
import {LineView} from './lines-view.js';
import {useRenderOptions} from './render-options.js';

interface BatchListProps {
	readonly batches: readonly BatchSnapshot[];
	readonly selectedIndex: number;
	/** Which batches fit (selectionWindow): the rest is counted in `↑ N more` / `↓ N more` rows. */
	readonly window: ScrollWindow;
	readonly width: number;
	readonly rows: number;
	readonly now: number;
	readonly focused: boolean;
}

/** The scrolling batch list: only the visible window is built, and a row re-renders only when its batch, selection or shown age changes. */
export function BatchList({batches, selectedIndex, window, width, rows, now, focused}: BatchListProps) {
	const {glyphs} = useRenderOptions();
	const shown = batches.slice(window.start, window.end);
	return (
		<Box flexDirection="column" width={width} height={rows}>
			{window.above > 0 ? <LineView line={moreLine('up', window.above, glyphs, width)} /> : null}
			{shown.map((batch, index) => (
				<BatchRow
					key={batch.id}
					batch={batch}
					selected={window.start + index === selectedIndex}
					focused={focused}
					width={width}
					age={rowAge(batch, now)}
				/>
			))}
			{window.below > 0 ? <LineView line={moreLine('down', window.below, glyphs, width)} /> : null}
		</Box>
	);
}

interface BatchRowProps {
	readonly batch: BatchSnapshot;
	readonly selected: boolean;
	readonly focused: boolean;
	readonly width: number;
	readonly age: string;
}

const BatchRow = React.memo(function BatchRow({batch, selected, focused, width, age}: BatchRowProps) {
	const {glyphs} = useRenderOptions();
	return <LineView line={batchRowLine(batch, {width, age, glyphs, selected, focused})} />;
});
