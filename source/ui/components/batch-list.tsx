import React, {useState} from 'react';
import {Box} from 'ink';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import type {ListColumns} from '../layout/list-columns.js';
import type {ScrollWindow} from '../layout/scroll-window.js';
import {batchRowLine, rowAge} from '../lines/batch-row-line.js';
import {listHeaderLine} from '../lines/list-header-line.js';
import {ListNames} from '../lines/list-names.js';
import {moreLine} from '../lines/more-line.js';
import type {SortMode} from '../state/ui-state.js';
import {LineView} from './lines-view.js';
import {useRenderOptions} from './render-options.js';

interface BatchListProps {
	readonly batches: readonly BatchSnapshot[];
	readonly selectedIndex: number;
	/** Which batches fit (selectionWindow): the rest is counted in `↑ N more` / `↓ N more` rows. */
	readonly window: ScrollWindow;
	readonly columns: ListColumns;
	/** Rows for batch rows and markers, the header row not included. */
	readonly rows: number;
	/** Whether the header row (column names, the sort key) is drawn above them. */
	readonly header: boolean;
	readonly sort: SortMode;
	readonly now: number;
	readonly focused: boolean;
}

/** The scrolling batch list: only the visible window is built, and a row re-renders only when its batch, selection or shown age changes. */
export function BatchList({
	batches,
	selectedIndex,
	window,
	columns,
	rows,
	header,
	sort,
	now,
	focused,
}: BatchListProps) {
	const {glyphs} = useRenderOptions();
	// Names are shortened against the whole list, so a collision off screen still shows the id; kept
	// from one list to the next (ListNames), each shown row's name looked up.
	const [table] = useState(() => new ListNames());
	const names = table.update(batches, columns.nameWidth, glyphs.ellipsis);
	const shown = batches.slice(window.start, window.end);
	const width = columns.width;
	return (
		<Box flexDirection="column" width={width} height={rows + (header ? 1 : 0)}>
			{header ? <LineView line={listHeaderLine(columns, sort, glyphs)} /> : null}
			{window.above > 0 ? <LineView line={moreLine('up', window.above, glyphs, width)} /> : null}
			{shown.map((batch, index) => (
				<BatchRow
					key={batch.id}
					batch={batch}
					name={names.nameOf(batch)}
					selected={window.start + index === selectedIndex}
					focused={focused}
					columns={columns}
					age={rowAge(batch, now)}
				/>
			))}
			{window.below > 0 ? <LineView line={moreLine('down', window.below, glyphs, width)} /> : null}
		</Box>
	);
}

interface BatchRowProps {
	readonly batch: BatchSnapshot;
	readonly name: string;
	readonly selected: boolean;
	readonly focused: boolean;
	readonly columns: ListColumns;
	readonly age: string;
}

const BatchRow = React.memo(function BatchRow({batch, name, selected, focused, columns, age}: BatchRowProps) {
	const {glyphs} = useRenderOptions();
	return <LineView line={batchRowLine(batch, {columns, name, age, glyphs, selected, focused})} />;
});
