import React, {useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef} from 'react';
import {Box, Text, useApp, useInput, useStdin, type Key} from 'ink';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {usePollerSnapshot, type PollerHandle} from '../hooks/use-poller-snapshot.js';
import {useClock} from '../hooks/use-clock.js';
import {useFailureTables} from '../hooks/use-failure-tables.js';
import {useTerminalSize, type TerminalSize} from '../hooks/use-terminal-size.js';
import {actionForKey, type KeyAction} from '../input/key-bindings.js';
import {MIN_COLUMNS, MIN_ROWS, screenLayout, type ScreenLayout} from '../layout/screen-layout.js';
import {batchPanelLines} from '../lines/batch-panel-lines.js';
import {footerLine, helpLines, keyContext} from '../lines/chrome-lines.js';
import {headerLine} from '../lines/header-line.js';
import {detailLines} from '../lines/detail-lines.js';
import {emptyPanelLines} from '../lines/empty-panel-lines.js';
import {INITIAL_UI_STATE, uiReducer, type SortMode, type UiAction, type UiState} from '../state/ui-state.js';
import {visibleBatches} from '../state/visible-batches.js';
import {needsClock} from '../state/snapshot-urgency.js';
import type {Glyphs} from '../theme/glyphs.js';
import type {Line} from '../text/styled-line.js';
import {BatchList} from './batch-list.js';
import {LineView, LinesView, SPINNER_SLOT} from './lines-view.js';

export type QuitReason = 'quit' | 'interrupt';

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
}

const THROUGHPUT_WINDOW_MS = 10 * 60_000;

/** The root: reads the poller, owns the one input handler, lays out header, list, panel or detail, footer. */
export function App({
	poller,
	target,
	glyphs,
	color,
	ascii,
	stallMs,
	size: fixedSize,
	onQuit,
	onSuspend,
	onRedraw,
	initialSort = INITIAL_UI_STATE.sort,
}: AppProps) {
	const snapshot = usePollerSnapshot(poller);
	const size = useTerminalSize(fixedSize);
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const [state, dispatch] = useReducer(uiReducer, {...INITIAL_UI_STATE, sort: initialSort});
	const visible = useMemo(
		() => visibleBatches(snapshot.batches, state.filter, state.failuresOnly, state.sort),
		[snapshot.batches, state.filter, state.failuresOnly, state.sort],
	);
	const found = visible.findIndex((batch) => batch.id === state.selectedId);
	const selectedIndex = found === -1 ? 0 : found;
	const selected: BatchSnapshot | undefined = visible[selectedIndex];
	// Ages move in 10 s steps and elapsed times may lag 10 s; only the spinner (its own clock) moves each second.
	const {now} = useClock(needsClock(snapshot), 10_000);
	const layout = screenLayout(size.columns, size.rows, visible.length);

	const tables = useFailureTables(
		state.detailOpen ? selected?.failures : undefined,
		layout.panelColumns,
		ascii,
	);
	const detail = useMemo(
		() =>
			state.detailOpen && selected
				? detailLines(selected, now, {width: layout.panelColumns, glyphs, tables})
				: [],
		// `now` only feeds the "fetched Ns ago" line; recompute per snapshot rather than per tick.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[state.detailOpen, selected, layout.panelColumns, glyphs, tables],
	);
	const maxScroll = Math.max(0, detail.length - layout.panelRows);

	// Failure reasons load lazily: the first page when the detail pane opens on a batch with failures.
	const failureKey = selected?.view
		? `${selected.id}:${selected.view.runs.failed}:${selected.view.submissions.failed}`
		: '';
	useEffect(() => {
		if (!state.detailOpen || !selected?.view) return;
		if (selected.view.runs.failed + selected.view.submissions.failed === 0) return;
		if (!selected.failures) poller.loadFailures(selected.id);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [state.detailOpen, failureKey, poller]);

	const latest = useRef({state, visible, maxScroll, layout});
	useLayoutEffect(() => {
		latest.current = {state, visible, maxScroll, layout};
	});
	// Several keys can arrive in one read: each must see the effect of the one before, so actions are
	// applied to the ref at once and dispatched for React to render.
	const apply = useCallback((action: UiAction) => {
		latest.current = {...latest.current, state: uiReducer(latest.current.state, action)};
		dispatch(action);
	}, []);

	const perform = useCallback(
		(action: KeyAction) => {
			const {state: current, visible: list, maxScroll: max, layout: shape} = latest.current;
			const found = list.findIndex((batch) => batch.id === current.selectedId);
			const index = found === -1 ? 0 : found;
			const batch = list[index];
			const select = (next: number) =>
				apply({type: 'select', id: list[Math.max(0, Math.min(list.length - 1, next))]?.id});
			const inDetail = current.detailOpen && current.focus === 'detail';
			switch (action.type) {
				case 'move':
					if (inDetail) apply({type: 'scroll-detail', delta: action.delta, max});
					else select(index + action.delta);
					return;
				case 'first':
					return select(0);
				case 'last':
					return select(list.length - 1);
				case 'jump':
					if (action.index < list.length) select(action.index);
					return;
				case 'page':
					if (current.detailOpen)
						apply({type: 'scroll-detail', delta: action.delta * Math.max(1, shape.panelRows - 2), max});
					else select(index + action.delta * Math.max(1, shape.listRows - 1));
					return;
				case 'toggle-detail':
					return apply({type: 'toggle-detail'});
				case 'toggle-focus':
					return apply({type: 'toggle-focus'});
				case 'start-filter':
					return apply({type: 'start-filter'});
				case 'escape':
					if (current.help) return apply({type: 'close-help'});
					if (current.editingFilter || current.filter) return apply({type: 'clear-filter'});
					if (current.detailOpen) return apply({type: 'close-detail'});
					return;
				case 'toggle-failures-only':
					return apply({type: 'toggle-failures-only'});
				case 'cycle-sort':
					return apply({type: 'cycle-sort'});
				case 'refresh':
					return poller.refresh();
				case 'toggle-pause':
					if (poller.paused) poller.resume();
					else poller.pause();
					return;
				case 'load-more-failures':
					if (batch) poller.loadFailures(batch.id);
					return;
				case 'toggle-help':
					return apply({type: 'toggle-help'});
				case 'quit':
				case 'interrupt':
					onQuit(action.type === 'quit' ? 'quit' : 'interrupt');
					exit();
					return;
				case 'suspend':
					onSuspend?.();
					return;
				case 'redraw':
					onRedraw?.();
			}
		},
		[poller, onQuit, onSuspend, onRedraw, exit, apply],
	);

	const onKey = useCallback(
		(input: string, key: Key) => {
			const current = latest.current.state;
			const context = keyContext(current);
			if (context === 'filter') {
				if (key.return) return apply({type: 'commit-filter'});
				if (key.backspace || key.delete) return apply({type: 'filter-backspace'});
				const action = actionForKey(input, key, context);
				if (action) return perform(action);
				if (input && !key.ctrl && !key.meta)
					apply({type: 'filter-text', text: input.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '')});
				return;
			}
			if (context === 'help') {
				const action = actionForKey(input, key, context);
				if (
					action?.type === 'quit' ||
					action?.type === 'interrupt' ||
					action?.type === 'suspend' ||
					action?.type === 'escape' ||
					action?.type === 'redraw' ||
					action?.type === 'toggle-help'
				)
					perform(action);
				return;
			}
			const action = actionForKey(input, key, context);
			if (action) perform(action);
		},
		[perform, apply],
	);
	// Keys typed quickly (or sent over a slow link) arrive as one string: handle them one at a time.
	const onInput = useCallback(
		(input: string, key: Key) => {
			const plain =
				!key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !key.backspace && !key.delete;
			if (plain && input.length > 1) {
				for (const character of input) onKey(character, key);
			} else {
				onKey(input, key);
			}
		},
		[onKey],
	);
	useInput(onInput, {isActive: isRawModeSupported === true});

	if (layout.kind === 'too-small') {
		return (
			<Text wrap="truncate-end">{`needs ${MIN_COLUMNS}${glyphs.times}${MIN_ROWS}, have ${size.columns}${glyphs.times}${size.rows}`}</Text>
		);
	}
	const header = headerLine(snapshot, target, size.columns, glyphs);
	const footer = footerLine(
		state,
		size.columns,
		glyphs,
		visible.length,
		snapshot.batches.length,
		snapshot.paused,
	);
	const panel = (): Line[] => {
		if (state.help) return helpLines(layout.panelColumns, glyphs);
		if (!selected) return emptyPanelLines(snapshot, glyphs, layout.panelColumns);
		if (state.detailOpen) return detail.slice(Math.min(state.detailScroll, maxScroll));
		const lines = batchPanelLines(selected, {
			width: layout.panelColumns,
			now,
			spinner: SPINNER_SLOT,
			glyphs,
			stallMs,
			throughputWindowMs: THROUGHPUT_WINDOW_MS,
		});
		return layout.kind === 'narrow'
			? [
					[
						{
							text: `batch ${selectedIndex + 1} of ${visible.length}  (${glyphs.up}/${glyphs.down} to switch)`,
							dim: true,
						},
					],
					...lines,
				]
			: lines;
	};
	return (
		<Box flexDirection="column" width={size.columns} height={layout.frameRows}>
			<LineView line={header} color={color} />
			<Body
				layout={layout}
				state={state}
				visible={visible}
				selectedIndex={selectedIndex}
				now={now}
				glyphs={glyphs}
				color={color}
				panel={panel()}
			/>
			<LineView line={footer} color={color} />
		</Box>
	);
}

interface BodyProps {
	readonly layout: ScreenLayout;
	readonly state: UiState;
	readonly visible: readonly BatchSnapshot[];
	readonly selectedIndex: number;
	readonly now: number;
	readonly glyphs: Glyphs;
	readonly color: boolean;
	readonly panel: readonly Line[];
}

function Body({layout, state, visible, selectedIndex, now, glyphs, color, panel}: BodyProps) {
	const listFocused = !(state.detailOpen && state.focus === 'detail');
	const list = (
		<BatchList
			batches={visible}
			selectedIndex={selectedIndex}
			width={layout.listColumns}
			rows={layout.listRows}
			now={now}
			glyphs={glyphs}
			color={color}
			focused={listFocused}
		/>
	);
	const panelView = (
		<LinesView
			lines={panel}
			width={layout.panelColumns}
			height={layout.panelRows}
			color={color}
			spinner={glyphs.spinner}
		/>
	);
	if (layout.kind === 'wide') {
		return (
			<Box flexDirection="row" height={layout.bodyRows}>
				{list}
				<Box width={1} height={layout.bodyRows} />
				{panelView}
			</Box>
		);
	}
	if (layout.kind === 'medium') {
		return (
			<Box flexDirection="column" height={layout.bodyRows}>
				{list}
				<LineView line={[{text: glyphs.rule.repeat(layout.columns), dim: true}]} color={color} />
				{panelView}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" height={layout.bodyRows}>
			{panelView}
		</Box>
	);
}
