import React from 'react';
import {Box} from 'ink';
import type {BatchSnapshot, PollerSnapshot} from '../../poller/poller-state.js';
import type {ScreenLayout, PaneRows} from '../layout/screen-layout.js';
import {batchPanelLines} from '../lines/batch-panel-lines.js';
import {emptyPanelLines} from '../lines/empty-panel-lines.js';
import {failureLoadingText} from '../lines/pane-title-line.js';
import {keyLabel} from '../lines/key-label.js';
import {spinnerTurns} from '../state/clock-interval.js';
import {failureProgress} from '../state/failure-progress.js';
import type {UiState} from '../state/ui-state.js';
import type {Line} from '../text/styled-line.js';
import {LinesView} from './lines-view.js';
import {PaneTitle} from './pane-title.js';
import {useRenderOptions} from './render-options.js';
import {ScrolledLines} from './scrolled-lines.js';

const THROUGHPUT_WINDOW_MS = 10 * 60_000;

export interface MainPaneProps {
	readonly snapshot: PollerSnapshot;
	readonly state: UiState;
	readonly layout: ScreenLayout;
	readonly panes: PaneRows;
	readonly selected: BatchSnapshot | undefined;
	readonly selectedIndex: number;
	readonly shownCount: number;
	readonly now: number;
	readonly stallMs: number;
	readonly detail: readonly Line[];
	readonly help: readonly Line[];
}

/** The right (or lower) pane: the help, the detail pane, the selected batch's panel, or why there is none. */
export function MainPane(props: MainPaneProps) {
	const {state, layout, panes, selected} = props;
	const {glyphs} = useRenderOptions();
	const width = layout.panelColumns;
	const scrollKeys = `j/k ${keyLabel('PgUp/PgDn', glyphs)}`;
	const title = (name: string, focused: boolean, status?: {text: string; spinner: boolean}) =>
		panes.panelTitle ? <PaneTitle name={name} focused={focused} width={width} status={status} /> : null;
	let body: React.ReactNode;
	let heading: React.ReactNode = null;
	if (state.help) {
		heading = title('Help', true);
		body = (
			<ScrolledLines
				lines={props.help}
				width={width}
				rows={panes.panelRows}
				offset={state.helpScroll}
				keys={scrollKeys}
			/>
		);
	} else if (!selected) {
		body = (
			<LinesView
				lines={emptyPanelLines(props.snapshot, glyphs, width)}
				width={width}
				height={panes.panelRows}
			/>
		);
	} else if (state.detailOpen) {
		const focused = state.focus === 'detail' && !state.editingFilter;
		const progress = failureProgress(selected);
		heading = title(
			'Detail',
			focused,
			progress?.loading
				? props.snapshot.paused
					? {text: `${failureLoadingText(progress, glyphs)}; paused (p resumes)`, spinner: false}
					: {text: failureLoadingText(progress, glyphs), spinner: true}
				: undefined,
		);
		body = (
			<ScrolledLines
				lines={props.detail}
				width={width}
				rows={panes.panelRows}
				offset={state.detailScroll}
				keys={focused ? scrollKeys : 'Tab, then j/k'}
			/>
		);
	} else {
		const lines = batchPanelLines(selected, {
			width,
			now: props.now,
			spinning: spinnerTurns(selected, props.snapshot.paused),
			glyphs,
			stallMs: props.stallMs,
			throughputWindowMs: THROUGHPUT_WINDOW_MS,
		});
		const shown: Line[] =
			layout.kind === 'narrow'
				? [
						[
							{
								text: `batch ${props.selectedIndex + 1} of ${props.shownCount}  (${glyphs.up}/${glyphs.down} to switch)`,
								dim: true,
							},
						],
						...lines,
					]
				: lines;
		body = <LinesView lines={shown} width={width} height={panes.panelRows} />;
	}
	return (
		<Box flexDirection="column" width={width}>
			{heading}
			{body}
		</Box>
	);
}
