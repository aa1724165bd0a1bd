import React from 'react';
import {Box, Text} from 'ink';
import {useClock} from '../hooks/use-clock.js';
import type {Line} from '../text/styled-line.js';
import {lineToAnsi} from '../text/line-ansi.js';

/**
 * A span whose whole text is this (one column wide, from Unicode's private use area, which API text
 * does not use) is drawn as the spinner. The spinner keeps its own 1 Hz clock, so each second React
 * re-renders one Text instead of the whole screen.
 */
export const SPINNER_SLOT = '\uE000';

interface LinesViewProps {
	readonly lines: readonly Line[];
	readonly width: number;
	readonly height: number;
	readonly color: boolean;
	/** Frames for SPINNER_SLOT spans. */
	readonly spinner?: readonly string[];
}

/** Renders styled lines into a box of exactly `height` rows: the lines are sliced before rendering. */
export function LinesView({lines, width, height, color, spinner}: LinesViewProps) {
	const shown = lines.slice(0, Math.max(0, height));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown.map((line, index) => (
				<LineView key={index} line={line} color={color} spinner={spinner} />
			))}
		</Box>
	);
}

/** One row of styled spans as one Ink text node; colours are dropped when colour is off (NO_COLOR), emphasis is kept. */
export const LineView = React.memo(function LineView({
	line,
	color,
	spinner,
}: {
	readonly line: Line;
	readonly color: boolean;
	readonly spinner?: readonly string[] | undefined;
}) {
	if (line.length === 0) return <Text> </Text>;
	const slot = spinner ? line.findIndex((span) => span.text === SPINNER_SLOT) : -1;
	if (slot === -1 || !spinner) return <Text wrap="truncate-end">{lineToAnsi(line, color)}</Text>;
	const span = line[slot];
	return (
		<Text wrap="truncate-end">
			{lineToAnsi(line.slice(0, slot), color)}
			<Text color={color ? span?.color : undefined} bold={span?.bold} dimColor={span?.dim}>
				<SpinnerFrame frames={spinner} />
			</Text>
			{lineToAnsi(line.slice(slot + 1), color)}
		</Text>
	);
});

/** The spinner's current frame, on its own clock. */
function SpinnerFrame({frames}: {readonly frames: readonly string[]}) {
	const {frame} = useClock(true);
	return <>{frames[frame % frames.length] ?? ''}</>;
}
