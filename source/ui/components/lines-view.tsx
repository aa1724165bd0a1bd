import React from 'react';
import {Box, Text} from 'ink';
import type {Line} from '../text/styled-line.js';

interface LinesViewProps {
	readonly lines: readonly Line[];
	readonly width: number;
	readonly height: number;
	readonly color: boolean;
}

/** Renders styled lines into a box of exactly `height` rows: the lines are sliced before rendering. */
export function LinesView({lines, width, height, color}: LinesViewProps) {
	const shown = lines.slice(0, Math.max(0, height));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown.map((line, index) => (
				<LineView key={index} line={line} color={color} />
			))}
		</Box>
	);
}

/** One row of styled spans; colours are dropped when colour is off (NO_COLOR), emphasis is kept. */
export const LineView = React.memo(function LineView({
	line,
	color,
}: {
	readonly line: Line;
	readonly color: boolean;
}) {
	if (line.length === 0) return <Text> </Text>;
	return (
		<Text wrap="truncate-end">
			{line.map((span, index) => (
				<Text
					key={index}
					color={color ? span.color : undefined}
					bold={span.bold}
					dimColor={span.dim}
					inverse={span.inverse}
				>
					{span.text}
				</Text>
			))}
		</Text>
	);
});
