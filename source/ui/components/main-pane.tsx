import React from 'react';
import {Box} from 'ink';
import type {BatchSnapshot, PollerSnapshot} from '../../poller/poller-state.js';
import type {ScreenLayout, PaneRows} from '../layout/screen-layout.js';
import {emptyPanelLines} from '../lines/empty-panel-lines.js';
import {failureLoadingText} from '../lines/pane-title-line.js';
import {keyLabel} from '../lines/key-label.js';
import {cancelPromptLines} from '../lines/cancel-prompt-lines.js';
import {failureProgress} from '../state/failure-progress.js';
import type {PanelContent} from '../state/panel-content.js';
import type {UiState} from '../state/ui-state.js';
import type {Line} from '../text/styled-line.js';
import type {DrillView} from '../hooks/use-drill-view.js';
import {LinesView} from './lines-view.js';
import {PaneTitle} from './pane-title.js';
import {useRenderOptions} from './render-options.js';
import {ScrolledLines} from './scrolled-lines.js';

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
	/** The drill-down's level below the detail pane, when one is open. */
	readonly drill?: DrillView | undefined;
	readonly help: readonly Line[];
	/** The selected batch's panel (panelContent): its own lines, more of it, and the event timeline. */
	readonly panel: PanelContent;
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
	if (state.cancel?.prompt) {
		heading = title('Cancel batch', true);
		body = (
			<LinesView
				lines={cancelPromptLines(state.cancel.prompt, width)}
				width={width}
				height={panes.panelRows}
			/>
		);
	} else if (state.help) {
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
	} else if (state.detailOpen && props.drill) {
		const drill = props.drill;
		const focused = state.focus === 'detail' && !state.editingFilter;
		heading = title(drill.title, focused, drill.status);
		body = (
			<>
				<LinesView lines={drill.breadcrumb} width={width} height={drill.breadcrumb.length} />
				{drill.offset === undefined ? (
					<LinesView lines={drill.body} width={width} height={drill.rows} />
				) : (
					<ScrolledLines
						lines={drill.body}
						width={width}
						rows={drill.rows}
						offset={drill.offset}
						keys={focused ? scrollKeys : 'Tab, then j/k'}
					/>
				)}
			</>
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
		const {lines, split, timeline} = props.panel;
		const focused = state.focus === 'timeline' && !state.editingFilter;
		body = (
			<>
				<LinesView lines={lines} width={width} height={panes.panelRows - split.timelineRows} />
				{split.timelineRows > 0 ? (
					<>
						<PaneTitle
							name="Timeline"
							focused={focused}
							width={width}
							hint="t"
							status={{text: `${timeline.length} events, newest first`, spinner: false}}
						/>
						<ScrolledLines
							lines={timeline.length > 0 ? timeline : [[{text: '  nothing has happened yet', dim: true}]]}
							width={width}
							rows={split.timelineRows - 1}
							offset={state.timelineScroll}
							keys={focused ? scrollKeys : 't, then j/k'}
						/>
					</>
				) : null}
			</>
		);
	}
	return (
		<Box flexDirection="column" width={width}>
			{heading}
			{body}
		</Box>
	);
}
