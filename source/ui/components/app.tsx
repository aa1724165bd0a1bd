import React, {useCallback, useMemo} from 'react';
import {Box, Text} from 'ink';
import {usePollerSnapshot, type PollerHandle} from '../hooks/use-poller-snapshot.js';
import {useCancelBatch} from '../hooks/use-cancel-batch.js';
import {useClock} from '../hooks/use-clock.js';
import {useFailureBlocks} from '../hooks/use-failure-blocks.js';
import {useKeyInput} from '../hooks/use-key-input.js';
import {useLazyFailures} from '../hooks/use-lazy-failures.js';
import {useMouseInput, type MouseSource} from '../input/mouse-input.js';
import {useOrderHold} from '../hooks/use-order-hold.js';
import {useTerminalSize, type TerminalSize} from '../hooks/use-terminal-size.js';
import {useUiEffects, type QuitReason} from '../hooks/use-ui-effects.js';
import {useScreenFacts, useUiState} from '../hooks/use-ui-state.js';
import {MIN_COLUMNS, MIN_ROWS, paneRows, screenLayout} from '../layout/screen-layout.js';
import {listColumns} from '../layout/list-columns.js';
import {selectionWindow} from '../layout/scroll-window.js';
import {widestName as widestNameOf} from '../lines/batch-names.js';
import {headerLine} from '../lines/header-line.js';
import {detailDocument} from '../lines/detail-lines.js';
import {useDrillView} from '../hooks/use-drill-view.js';
import {batchCopyTargets, type AwsCliContext} from '../state/copy-targets.js';
import {selectedGroup, type DrillFacts} from '../state/drill-reducer.js';
import type {RetryManifestOutcome} from '../hooks/use-ui-effects.js';
import {footerLine} from '../lines/footer-line.js';
import {helpLines} from '../lines/help-lines.js';
import {clockInterval} from '../state/clock-interval.js';
import {failuresToLoad} from '../state/failure-progress.js';
import {NO_PANEL, panelContent} from '../state/panel-content.js';
import type {UiAction} from '../state/ui-action.js';
import {INITIAL_UI_STATE, keyContext, type SortMode} from '../state/ui-state.js';
import {visibleBatches} from '../state/visible-batches.js';
import type {Glyphs} from '../theme/glyphs.js';
import type {BatchCanceller} from '../../poller/batch-canceller.js';
import {LineView} from './lines-view.js';
import {MainPane} from './main-pane.js';
import {RenderOptionsProvider, useRenderOptions, type RenderOptions} from './render-options.js';
import {ScreenBody} from './screen-body.js';

export type {QuitReason} from '../hooks/use-ui-effects.js';

export interface AppProps {
	readonly poller: PollerHandle;
	/** Where the data comes from, for the header (region or endpoint). */
	readonly target: string;
	readonly glyphs: Glyphs;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly stallMs: number;
	/** Fixed size for tests; otherwise the terminal's, tracked on resize. */
	readonly size?: TerminalSize;
	readonly onQuit: (reason: QuitReason) => void;
	readonly onSuspend?: () => void;
	/** Ctrl-L: paint the whole screen again. */
	readonly onRedraw?: () => void;
	/** The list's order at start (--sort, the config file's `sort`); `s` cycles from there. */
	readonly initialSort?: SortMode;
	/** --mouse: the terminal's mouse reports (wheel, clicks), mapped to the keys' actions. */
	readonly mouse?: MouseSource;
	/** Where the aws CLI lines `y` copies point (the monitor's own region, endpoint and profile). */
	readonly awsCli?: AwsCliContext;
	/** `y`: put batchtop's own sanitised text on the terminal's clipboard (OSC 52). */
	readonly onCopy?: (text: string) => boolean | void;
	/** `e`: write the selected batch's retry manifest. */
	readonly onRetryManifest?: (batchId: string) => Promise<RetryManifestOutcome>;
	/** --allow-cancel: `c` cancels the selected batch, after its name is typed. */
	readonly canceller?: BatchCanceller;
}

const NO_CLI: AwsCliContext = {};

/** The root: provides the render options (glyphs, colour, ASCII) to everything below, then draws the monitor. */
export function App({glyphs, color, ascii, ...rest}: AppProps) {
	const options: RenderOptions = useMemo(() => ({glyphs, color, ascii}), [glyphs, color, ascii]);
	return (
		<RenderOptionsProvider value={options}>
			<Monitor {...rest} />
		</RenderOptionsProvider>
	);
}

type MonitorProps = Omit<AppProps, 'glyphs' | 'color' | 'ascii'>;

/**
 * The monitor: reads the poller and the UI state, derives what is on screen, wires keys to the state
 * and its effects, and lays out header, body and footer.
 */
function Monitor({
	poller,
	target,
	stallMs,
	size: fixedSize,
	onQuit,
	onSuspend,
	onRedraw,
	initialSort = INITIAL_UI_STATE.sort,
	mouse,
	awsCli = NO_CLI,
	onCopy,
	onRetryManifest,
	canceller,
}: MonitorProps) {
	const {glyphs, ascii} = useRenderOptions();
	const snapshot = usePollerSnapshot(poller);
	const size = useTerminalSize(fixedSize);
	const {state, store} = useUiState(initialSort);

	const visible = visibleBatches(
		snapshot.batches,
		state.filter,
		state.failuresOnly,
		state.sort,
		state.heldOrder,
	);
	useOrderHold(store, state.heldOrder);
	const found = visible.findIndex((batch) => batch.id === state.selectedId);
	const selectedIndex = found === -1 ? 0 : found;
	const selected = visible[selectedIndex];
	const widestName = widestNameOf(snapshot.batches);
	const layout = screenLayout(size.columns, size.rows, visible.length, {
		widestName,
		detailOpen: state.detailOpen && !state.help,
	});
	const columns = listColumns(
		layout.listColumns,
		widestName,
		layout.kind === 'wide' && state.detailOpen && !state.help,
	);
	const panes = paneRows(layout, state.detailOpen || state.help);
	const window = selectionWindow(visible.length, selectedIndex, panes.listRows);
	const listed = visible.slice(window.start, window.end);

	const clock = useClock(
		clockInterval({listed, selected, detailOpen: state.detailOpen, help: state.help}),
	).now;
	// Data newer than the last tick is "just fetched", never negative ages.
	const now = Math.max(clock, selected?.lastUpdated ?? 0);

	const failures = state.detailOpen ? selected?.failures : undefined;
	const groupRefs = useMemo(
		() => [
			...(failures?.submissions.groups ?? []).map((group) => ({kind: 'submission' as const, key: group.key})),
			...(failures?.runs.groups ?? []).map((group) => ({kind: 'run' as const, key: group.key})),
		],
		[failures],
	);
	const chosenGroup = groupRefs[selectedGroup(state, groupRefs)];
	const detailFocused = keyContext(state) === 'detail';
	const tables = useFailureBlocks(failures, layout.panelColumns, ascii, {
		...(chosenGroup ?? {}),
		focused: detailFocused,
	});
	const document = useMemo(
		() =>
			state.detailOpen && selected
				? detailDocument(selected, now, {width: layout.panelColumns, glyphs, tables, paused: snapshot.paused})
				: {lines: [], groups: []},
		[state.detailOpen, selected, now, layout.panelColumns, glyphs, tables, snapshot.paused],
	);
	const detail = document.lines;
	const drillView = useDrillView({
		drill: poller.drill,
		state,
		batch: selected,
		width: layout.panelColumns,
		rows: panes.panelRows,
		glyphs,
		focused: state.focus === 'detail' && !state.editingFilter,
		cli: awsCli,
		paused: snapshot.paused,
	});
	const drillFacts: DrillFacts = {
		groups: document.groups,
		drillable: poller.drill !== undefined,
		...(drillView?.facts ?? {}),
		...(drillView
			? {}
			: selected
				? {
						copy: {
							at: `batch:${selected.id}`,
							targets: batchCopyTargets({id: selected.id, arn: selected.view?.arn}, awsCli),
						},
					}
				: {}),
	};
	const help = useMemo(() => helpLines(layout.panelColumns, glyphs), [layout.panelColumns, glyphs]);
	const panelWidth = layout.panelColumns;
	const narrow = layout.kind === 'narrow';
	const panel = useMemo(
		() =>
			selected && !state.detailOpen && !state.help
				? panelContent({
						snapshot,
						selected,
						width: panelWidth,
						rows: panes.panelRows,
						now,
						stallMs,
						glyphs,
						ascii,
						...(narrow
							? {
									prefix: [
										{
											text: `batch ${selectedIndex + 1} of ${visible.length}  (${glyphs.up}/${glyphs.down} to switch)`,
											dim: true,
										},
									],
								}
							: {}),
					})
				: NO_PANEL,
		[
			snapshot,
			selected,
			state.detailOpen,
			state.help,
			panelWidth,
			panes.panelRows,
			now,
			stallMs,
			glyphs,
			ascii,
			narrow,
			selectedIndex,
			visible.length,
		],
	);
	useLazyFailures(
		poller,
		failuresToLoad(state.detailOpen, selected),
		state.detailOpen ? selected?.id : undefined,
	);

	useScreenFacts(store, {
		batches: snapshot.batches,
		paused: snapshot.paused,
		listRows: panes.listRows,
		detailRows: panes.panelRows,
		detailLines: detail.length,
		helpRows: panes.panelRows,
		helpLines: help.length,
		tooSmall: layout.kind === 'too-small',
		timelineRows: Math.max(0, panel.split.timelineRows - 1),
		timelineLines: panel.timeline.length,
		drill: drillFacts,
	});
	const onCancel = useCancelBatch(store, poller, canceller);
	const run = useUiEffects(
		poller,
		{onQuit, onSuspend, onRedraw, onCopy, onRetryManifest, onCancel},
		(action) => store.dispatch(action),
	);
	const context = useCallback(() => keyContext(store.get()), [store]);
	const onAction = useCallback((action: UiAction) => run(store.dispatch(action)), [run, store]);
	useKeyInput(context, onAction);
	// The list's rows start below the screen header, the list's pane title (when shown) and its column header row.
	useMouseInput(
		mouse,
		{
			firstRow: 1 + (panes.listTitle ? 1 : 0) + (panes.listHeader ? 1 : 0),
			firstColumn: 0,
			columns: layout.listColumns,
			rows: panes.listRows,
			...window,
		},
		context,
		onAction,
	);

	if (layout.kind === 'too-small') {
		return (
			<Text wrap="truncate-end">{`needs ${MIN_COLUMNS}${glyphs.times}${MIN_ROWS}, have ${size.columns}${glyphs.times}${size.rows}`}</Text>
		);
	}
	const where = keyContext(state);
	return (
		<Box flexDirection="column" width={size.columns} height={layout.frameRows}>
			<LineView line={headerLine(snapshot, target, size.columns, glyphs)} />
			<ScreenBody
				layout={layout}
				panes={panes}
				visible={visible}
				selectedIndex={selectedIndex}
				window={window}
				columns={columns}
				sort={state.sort}
				now={now}
				listFocused={where === 'list' || where === 'filter'}
				listHint={state.help ? 'Esc' : 'Tab'}
				main={
					<MainPane
						snapshot={snapshot}
						state={state}
						layout={layout}
						panes={panes}
						selected={selected}
						selectedIndex={selectedIndex}
						shownCount={visible.length}
						now={now}
						stallMs={stallMs}
						detail={detail}
						drill={drillView}
						help={help}
						panel={panel}
					/>
				}
			/>
			<LineView
				line={footerLine(state, {
					width: size.columns,
					glyphs,
					shown: visible.length,
					total: snapshot.batches.length,
					paused: snapshot.paused,
				})}
			/>
		</Box>
	);
}
