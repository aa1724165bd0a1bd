import React from 'react';
import {Box} from 'ink';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import type {PaneRows, ScreenLayout} from '../layout/screen-layout.js';
import type {ListColumns} from '../layout/list-columns.js';
import type {ScrollWindow} from '../layout/scroll-window.js';
import type {SortMode} from '../state/ui-state.js';
import {BatchList} from './batch-list.js';
import {LineView} from './lines-view.js';
import {PaneTitle} from './pane-title.js';
import {useRenderOptions} from './render-options.js';

interface ScreenBodyProps {
	readonly layout: ScreenLayout;
	readonly panes: PaneRows;
	readonly visible: readonly BatchSnapshot[];
	readonly selectedIndex: number;
	readonly window: ScrollWindow;
	readonly columns: ListColumns;
	readonly sort: SortMode;
	readonly now: number;
	readonly listFocused: boolean;
	/** What the list's title says to bring the focus back ('Tab', or 'Esc' over the help). */
	readonly listHint: string;
	/** The panel, help or detail pane (MainPane), its title included. */
	readonly main: React.ReactNode;
}

/** Arranges list and main pane for the layout: side by side (wide), stacked (medium), or the main pane alone (narrow). */
export function ScreenBody({
	layout,
	panes,
	visible,
	selectedIndex,
	window,
	columns,
	sort,
	now,
	listFocused,
	listHint,
	main,
}: ScreenBodyProps) {
	const {glyphs} = useRenderOptions();
	const list = (
		<>
			{panes.listTitle ? (
				<PaneTitle name="Batches" focused={listFocused} width={layout.listColumns} hint={listHint} />
			) : null}
			<BatchList
				batches={visible}
				selectedIndex={selectedIndex}
				window={window}
				columns={columns}
				rows={panes.listRows}
				header={panes.listHeader}
				sort={sort}
				now={now}
				focused={listFocused}
			/>
		</>
	);
	if (layout.kind === 'wide') {
		return (
			<Box flexDirection="row" height={layout.bodyRows}>
				<Box flexDirection="column" width={layout.listColumns}>
					{list}
				</Box>
				<Box width={1} height={layout.bodyRows} />
				{main}
			</Box>
		);
	}
	if (layout.kind === 'medium') {
		return (
			<Box flexDirection="column" height={layout.bodyRows}>
				{list}
				{/* The main pane's title, when it has one, takes the rule's row. */}
				{panes.panelTitle ? null : (
					<LineView line={[{text: glyphs.rule.repeat(layout.columns), dim: true}]} />
				)}
				{main}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" height={layout.bodyRows}>
			{main}
		</Box>
	);
}
