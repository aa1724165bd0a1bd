import React from 'react';
import {Box, Text} from 'ink';
import {useClock} from '../hooks/use-clock.js';
import type {Line} from '../text/styled-line.js';
import {lineToAnsi} from '../text/line-ansi.js';
import {useRenderOptions} from './render-options.js';

/** The panel spinner's step: 1 s, so each second React re-renders one Text, not the screen. */
const PANEL_SPINNER_MS = 1_000;

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

/** One row of styled spans as one Ink text node; colours are dropped when colour is off (NO_COLOR), emphasis is kept. */
export const LineView = React.memo(function LineView({
	line,
	spinner,
}: {
	readonly line: Line;
	/** What turns in a span marked `spinner`: the panel's 1 Hz frame unless given (an ink-spinner while loading). */
	readonly spinner?: React.ReactNode;
}) {
	const {color, glyphs} = useRenderOptions();
	if (line.length === 0) return <Text> </Text>;
	// A span marked `spinner` turns on its own clock, so each second one Text re-renders, not the row.
	const slot = line.findIndex((span) => span.spinner === true);
	if (slot === -1) return <Text wrap="truncate-end">{lineToAnsi(line, color)}</Text>;
	const span = line[slot];
	return (
		<Text wrap="truncate-end">
			{lineToAnsi(line.slice(0, slot), color)}
			<Text color={color ? span?.color : undefined} bold={span?.bold} dimColor={span?.dim}>
				{spinner ?? <SpinnerFrame frames={glyphs.spinner} />}
			</Text>
			{lineToAnsi(line.slice(slot + 1), color)}
		</Text>
	);
});

/** The panel spinner's current frame, on its own clock. */
function SpinnerFrame({frames}: {readonly frames: readonly string[]}) {
	const {frame} = useClock(PANEL_SPINNER_MS);
	return <>{frames[frame % frames.length] ?? ''}</>;
}
