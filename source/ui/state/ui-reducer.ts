import type {BatchSnapshot} from '../../poller/poller-state.js';
import {maxScrollOffset} from '../layout/scroll-window.js';
import {formatCount} from '../text/format.js';
import {drillStep, NO_DRILL_FACTS, type DrillFacts} from './drill-reducer.js';
import {cancelStep, isCancelAction} from './cancel-step.js';
import {failureProgress} from './failure-progress.js';
import type {UiAction, UiEffect} from './ui-action.js';
import {keyContext, SORT_MODES, type UiState} from './ui-state.js';
import {visibleBatches} from './visible-batches.js';

/** What the screen looks like when a key arrives: the reducer needs it to move, page and clamp. */
export interface ScreenFacts {
	/** Every batch of the snapshot; the reducer filters and sorts them as the state says. */
	readonly batches: readonly BatchSnapshot[];
	readonly paused: boolean;
	/** Rows of the batch list (0 when the layout shows one batch at a time). */
	readonly listRows: number;
	/** Rows of the detail pane's text, and how many lines it has. */
	readonly detailRows: number;
	readonly detailLines: number;
	/** Rows of the help, and how many lines it has. */
	readonly helpRows: number;
	readonly helpLines: number;
	/** The terminal is below the smallest layout: nothing but the size is on screen, so keys that change it wait. */
	readonly tooSmall?: boolean;
	/** Rows of the event timeline's entries (0 when it is not on screen), and how many entries it has. */
	readonly timelineRows: number;
	readonly timelineLines: number;
	/** The detail pane's failure groups and what the drill-down below it shows (none: nothing to drill into). */
	readonly drill?: DrillFacts;
}

/** A state and what it asks of the world. */
export interface UiStep {
	readonly state: UiState;
	readonly effects: readonly UiEffect[];
}

const NONE: readonly UiEffect[] = [];
/** On a screen too small to show anything, only leaving (and redrawing) works: nothing changes unseen. */
const ACTS_WHEN_TOO_SMALL: ReadonlySet<UiAction['type']> = new Set([
	'quit',
	'interrupt',
	'suspend',
	'redraw',
]);
const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/**
 * The keyboard's state machine, pure: the state after `action` on `state` with the screen as `facts`,
 * and the effects to run. Every step clears the last notice, so a notice answers exactly one key.
 */
export function uiStep(previous: UiState, action: UiAction, facts: ScreenFacts): UiStep {
	// A redraw repaints what is there, the last notice included.
	if (action.type === 'redraw') return {state: previous, effects: [{type: 'redraw'}]};
	// The `c` key, its typed-name prompt and CancelRunBatch's answer (--allow-cancel).
	if (isCancelAction(action)) return cancelStep(previous, action, facts);
	if (facts.tooSmall && !ACTS_WHEN_TOO_SMALL.has(action.type)) return {state: previous, effects: NONE};
	const state: UiState = previous.notice === undefined ? previous : {...previous, notice: undefined};
	const context = keyContext(state);
	if (context === 'detail' || context === 'group' || context === 'run' || action.type === 'copy') {
		const drilled = drillStep(state, action, context, facts.drill ?? NO_DRILL_FACTS, {
			rows: facts.detailRows,
			lines: facts.detailLines,
		});
		if (drilled) return drilled;
	}
	const set = (next: Partial<UiState>, effects = NONE): UiStep => ({state: {...state, ...next}, effects});
	const effect = (...effects: UiEffect[]): UiStep => ({state, effects});
	const list = visibleBatches(facts.batches, state.filter, state.failuresOnly, state.sort, state.heldOrder);
	const found = list.findIndex((batch) => batch.id === state.selectedId);
	const index = found === -1 ? 0 : found;
	// Moving the selection holds the order the user is looking at (a fresh array restarts the hold's clock).
	const select = (next: number): UiStep => {
		const id = list[clamp(next, list.length - 1)]?.id;
		const heldOrder = list.map((batch) => batch.id);
		// The drill-down belongs to the batch it was opened on.
		return id === state.selectedId
			? set({heldOrder})
			: set({selectedId: id, detailScroll: 0, heldOrder, drill: [], group: undefined});
	};
	// Filtering keeps the row that is shown as selected: clearing the filter must not jump back to
	// the batch that was selected before it.
	const refilter = (next: Partial<UiState>): UiStep => {
		const after = {...state, ...next};
		const shown = visibleBatches(
			facts.batches,
			after.filter,
			after.failuresOnly,
			after.sort,
			after.heldOrder,
		);
		const kept = shown.some((batch) => batch.id === state.selectedId);
		const pinned = kept ? state.selectedId : shown[0]?.id;
		if (pinned === undefined || pinned === state.selectedId) return set(next);
		return set({...next, selectedId: pinned, detailScroll: 0, drill: [], group: undefined});
	};
	const scrollDetail = (delta: number) =>
		set({
			detailScroll: clamp(state.detailScroll + delta, maxScrollOffset(facts.detailLines, facts.detailRows)),
		});
	const scrollTimeline = (delta: number) =>
		set({
			timelineScroll: clamp(
				state.timelineScroll + delta,
				maxScrollOffset(facts.timelineLines, facts.timelineRows),
			),
		});
	const scrollHelp = (delta: number) =>
		set({helpScroll: clamp(state.helpScroll + delta, maxScrollOffset(facts.helpLines, facts.helpRows))});
	switch (action.type) {
		case 'move':
			if (context === 'help') return scrollHelp(action.delta);
			if (context === 'detail') return scrollDetail(action.delta);
			if (context === 'timeline') return scrollTimeline(action.delta);
			return select(index + action.delta);
		case 'page':
			if (context === 'help') return scrollHelp(action.delta * Math.max(1, facts.helpRows - 2));
			if (context === 'detail') return scrollDetail(action.delta * Math.max(1, facts.detailRows - 2));
			if (context === 'timeline') return scrollTimeline(action.delta * Math.max(1, facts.timelineRows - 2));
			return select(index + action.delta * Math.max(1, facts.listRows - 1));
		case 'first':
			return select(0);
		case 'last':
			return select(list.length - 1);
		case 'jump':
			return action.index < list.length ? select(action.index) : {state, effects: NONE};
		case 'toggle-detail':
			return state.detailOpen
				? set({detailOpen: false, focus: 'list', drill: []})
				: set({detailOpen: true, focus: 'detail', detailScroll: 0});
		case 'toggle-focus':
			if (context === 'timeline') return set({focus: 'list'});
			if (!state.detailOpen)
				return set({notice: 'Tab moves between the list and the detail pane: Enter opens it'});
			return set({focus: state.focus === 'list' ? 'detail' : 'list'});
		case 'toggle-timeline':
			if (context === 'timeline') return set({focus: 'list'});
			if (state.detailOpen)
				return set({notice: 't: the timeline is below the panel: close the detail pane first'});
			if (facts.timelineRows === 0) return set({notice: 't: no room for the timeline at this size'});
			return set({focus: 'timeline'});
		case 'start-filter':
			return set({editingFilter: true});
		case 'filter-text':
			return refilter({filter: (state.filter + action.text).slice(0, 64)});
		case 'filter-backspace':
			return refilter({filter: Array.from(state.filter).slice(0, -1).join('')});
		case 'commit-filter':
			return set({editingFilter: false});
		case 'escape':
			if (state.help) return set({help: false});
			if (state.editingFilter || state.filter) return refilter({filter: '', editingFilter: false});
			if (context === 'timeline') return set({focus: 'list'});
			if (state.detailOpen) return set({detailOpen: false, focus: 'list', drill: []});
			return {state, effects: NONE};
		case 'toggle-failures-only':
			return refilter({failuresOnly: !state.failuresOnly});
		case 'release-order':
			return state.heldOrder ? set({heldOrder: undefined}) : {state, effects: NONE};
		case 'cycle-sort':
			return set({
				heldOrder: undefined,
				sort: SORT_MODES[(SORT_MODES.indexOf(state.sort) + 1) % SORT_MODES.length] ?? 'status',
			});
		case 'refresh':
			// A paused poller schedules nothing, a refresh included: say so rather than do nothing.
			if (facts.paused) return set({notice: 'paused: r does not refresh; p resumes polling'});
			return effect({type: 'refresh'});
		case 'toggle-pause':
			return effect({type: facts.paused ? 'resume' : 'pause'});
		case 'load-more-failures':
			return loadMoreFailures(state, list[index]);
		case 'toggle-help':
			return set({help: !state.help, helpScroll: 0});
		case 'quit':
			return effect({type: 'quit', reason: 'quit'});
		case 'interrupt':
			return effect({type: 'quit', reason: 'interrupt'});
		case 'suspend':
			return effect({type: 'suspend'});
		case 'notice':
			return set({notice: action.text});
		case 'retry-manifest': {
			const batch = list[index];
			if (!batch) return set({notice: 'e: no batch selected'});
			return set({notice: `e: writing the retry manifest of ${batch.view?.label ?? batch.id}`}, [
				{type: 'retry-manifest', id: batch.id},
			]);
		}
		// Keys of the drill-down, pressed where they do nothing (drillStep acts on them where they do).
		case 'next-group':
			return set({notice: 'n: open the detail pane (Enter) to choose a failure group'});
		case 'open':
		case 'back':
		case 'copy':
		case 'other-log':
		case 'older-lines':
			return {state, effects: NONE};
	}
}

/** `l`: the next page of failure reasons, or why there is none to load. */
function loadMoreFailures(state: UiState, batch: BatchSnapshot | undefined): UiStep {
	const progress = batch && failureProgress(batch);
	const notice = (text: string): UiStep => ({state: {...state, notice: text}, effects: NONE});
	if (!batch || !progress) return notice('l: no batch data to load failures for yet');
	if (progress.total === 0) return notice('l: no failed runs or submissions to load');
	if (progress.loading) return notice(`l: a page is loading (${formatCount(progress.loaded)} loaded so far)`);
	if (progress.complete && batch.failures)
		return notice(
			`l: all failures loaded (${formatCount(progress.loaded)} of ${formatCount(progress.total)})`,
		);
	return {state, effects: [{type: 'load-failures', id: batch.id}]};
}
