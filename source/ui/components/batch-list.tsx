import React from 'react';
import {Box} from 'ink';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {batchRowLine, rowAge} from '../lines/batch-row-line.js';
import {listWindowStart} from '../layout/screen-layout.js';
import type {Glyphs} from '../theme/glyphs.js';
import {LineView} from './lines-view.js';

interface BatchListProps {
	readonly batches: readonly BatchSnapshot[];
	readonly selectedIndex: number;
	readonly width: number;
	readonly rows: number;
	readonly now: number;
	readonly glyphs: Glyphs;
	readonly color: boolean;
	readonly focused: boolean;
}

/** The scrolling batch list: only the visible window is built, and a row re-renders only when its batch, selection or shown age changes. */
export function BatchList({
	batches,
	selectedIndex,
	width,
	rows,
	now,
	glyphs,
	color,
	focused,
}: BatchListProps) {
	const start = listWindowStart(batches.length, selectedIndex, rows);
	const shown = batches.slice(start, start + rows);
	return (
		<Box flexDirection="column" width={width} height={rows}>
			{shown.map((batch, index) => (
				<BatchRow
					key={batch.id}
					batch={batch}
					selected={start + index === selectedIndex}
					focused={focused}
					width={width}
					age={rowAge(batch, now)}
					glyphs={glyphs}
					color={color}
				/>
			))}
		</Box>
	);
}

interface BatchRowProps {
	readonly batch: BatchSnapshot;
	readonly selected: boolean;
	readonly focused: boolean;
	readonly width: number;
	readonly age: string;
	readonly glyphs: Glyphs;
	readonly color: boolean;
}

const BatchRow = React.memo(function BatchRow({
	batch,
	selected,
	focused,
	width,
	age,
	glyphs,
	color,
}: BatchRowProps) {
	return <LineView line={batchRowLine(batch, {width, age, glyphs, selected, focused})} color={color} />;
});
