import React from 'react';
import {Box} from 'ink';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {batchRowLine} from '../lines/batch-row-line.js';
import {listWindowStart} from '../layout/screen-layout.js';
import type {Glyphs} from '../theme/glyphs.js';
import {LineView} from './lines-view.js';

interface BatchListProps {
	readonly batches: readonly BatchSnapshot[];
	readonly selectedIndex: number;
	readonly width: number;
	readonly rows: number;
	readonly now: number;
	readonly spinner: string;
	readonly glyphs: Glyphs;
	readonly color: boolean;
	readonly focused: boolean;
}

/** The scrolling batch list: only the visible window is built, and each row re-renders only when its inputs change. */
export function BatchList({
	batches,
	selectedIndex,
	width,
	rows,
	now,
	spinner,
	glyphs,
	color,
	focused,
}: BatchListProps) {
	const start = listWindowStart(batches.length, selectedIndex, rows);
	const shown = batches.slice(start, start + rows);
	// Ages shown in whole seconds: rows need not re-render more often than that.
	const second = Math.floor(now / 1000) * 1000;
	return (
		<Box flexDirection="column" width={width} height={rows} overflow="hidden">
			{shown.map((batch, index) => (
				<BatchRow
					key={batch.id}
					batch={batch}
					selected={start + index === selectedIndex}
					focused={focused}
					width={width}
					now={second}
					spinner={batch.view?.statusClass === 'active' ? spinner : ''}
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
	readonly now: number;
	readonly spinner: string;
	readonly glyphs: Glyphs;
	readonly color: boolean;
}

const BatchRow = React.memo(function BatchRow({
	batch,
	selected,
	focused,
	width,
	now,
	spinner,
	glyphs,
	color,
}: BatchRowProps) {
	return (
		<LineView line={batchRowLine(batch, {width, now, spinner, glyphs, selected, focused})} color={color} />
	);
});
