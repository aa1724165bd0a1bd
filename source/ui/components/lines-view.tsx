import React from 'react';
import {Box, Text} from 'ink';
import type {Line} from '../text/styled-line.js';
import {lineToAnsi, spinnerMarkToAnsi} from '../text/line-ansi.js';
import {useRenderOptions} from './render-options.js';

interface LinesViewProps {
	readonly lines: readonly Line[];
	readonly width: number;
	readonly height: number;
}

/** Renders styled lines into a box of exactly `height` rows: the lines are sliced before rendering. */
export function LinesView({lines, width, height}: LinesViewProps) {
	const shown = lines.slice(0, Math.max(0, height));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown.map((line, index) => (
				<LineView key={index} line={line} />
			))}
		</Box>
	);
}

/**
 * One row of styled spans as one Ink text node; colours are dropped when colour is off (NO_COLOR),
 * emphasis is kept. A span marked `spinner` turns: given a `spinner` node (an ink-spinner while
 * something loads) it is that; otherwise it is the panel's spinner, whose mark the frame sink turns.
 */
export const LineView = React.memo(function LineView({
	line,
	spinner,
}: {
	readonly line: Line;
	readonly spinner?: React.ReactNode;
}) {
	const {color} = useRenderOptions();
	if (line.length === 0) return <Text> </Text>;
	const slot = line.findIndex((span) => span.spinner === true);
	if (slot === -1) return <Text wrap="truncate-end">{lineToAnsi(line, color)}</Text>;
	const span = line[slot]!;
	if (spinner === undefined) {
		// One string, as for any row: the glyph changes in the sink, so this row renders only when its text does.
		const text =
			lineToAnsi(line.slice(0, slot), color) +
			spinnerMarkToAnsi(span, color) +
			lineToAnsi(line.slice(slot + 1), color);
		return <Text wrap="truncate-end">{text}</Text>;
	}
	return (
		<Text wrap="truncate-end">
			{lineToAnsi(line.slice(0, slot), color)}
			<Text color={color ? span.color : undefined} bold={span.bold} dimColor={span.dim}>
				{spinner}
			</Text>
			{lineToAnsi(line.slice(slot + 1), color)}
		</Text>
	);
});
