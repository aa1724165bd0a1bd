import {maxScrollOffset} from '../layout/scroll-window.js';
import {formatCount} from '../text/format.js';
import {widthOf} from '../text/styled-line.js';
import type {DrillLevel, GroupRef, RunLevel} from './drill-level.js';
import type {UiAction, UiEffect} from './ui-action.js';
import type {KeyContext, UiState} from './ui-state.js';

/** A failure group as the detail pane shows it: which it is, its reason, and the line its heading is on. */
export interface GroupFact extends GroupRef {
	readonly reason: string;
	readonly line: number;
}

/** One form of the selected thing that `y` can copy: what it is called and the text itself. */
export interface CopyTarget {
	readonly label: string;
	readonly text: string;
}

/** What the drill-down's screen looks like when a key arrives. */
export interface DrillFacts {
	/** The detail pane's failure groups, in the order shown. */
	readonly groups: readonly GroupFact[];
	/** False when the monitor has no drill-down data to show (it was made without one): Enter opens nothing. */
	readonly drillable?: boolean;
	/** At a group's entries: how many are loaded, how many fit a page, and the selected entry. */
	readonly entries?: {
		readonly loaded: number;
		readonly pageEntries: number;
		readonly selected?: {readonly kind: GroupRef['kind']; readonly runId?: string};
	};
	/** At a run: its lines, the rows they are shown in, and whether older log lines can be read. */
	readonly run?: {
		readonly lines: number;
		readonly rows: number;
		readonly olderLoadable: boolean;
		/** The log shown: older lines are read from it. */
		readonly stream?: string;
	};
	/** What `y` copies here (`at` names the selected thing), in the order repeated presses go through. */
	readonly copy?: {readonly at: string; readonly targets: readonly CopyTarget[]};
}

export const NO_DRILL_FACTS: DrillFacts = {groups: []};

/** A state and what it asks of the world. */
interface Step {
	readonly state: UiState;
	readonly effects: readonly UiEffect[];
}

const NONE: readonly UiEffect[] = [];
const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/** The selected group of the detail pane: the one the state names while it is shown, else the first. */
export function selectedGroup(state: UiState, groups: readonly GroupRef[]): number {
	const at = state.group
		? groups.findIndex((group) => group.kind === state.group?.kind && group.key === state.group.key)
		: -1;
	return at === -1 ? 0 : at;
}

/**
 * The drill-down's keys, pure: the step for `action` in `context` (the detail pane, a group's entries or
 * a run), or undefined when the action means there what it means everywhere (quit, help, pause).
 */
export function drillStep(
	state: UiState,
	action: UiAction,
	context: KeyContext,
	facts: DrillFacts,
	detail: {readonly rows: number; readonly lines: number},
): Step | undefined {
	const set = (next: Partial<UiState>, effects = NONE): Step => ({state: {...state, ...next}, effects});
	const notice = (text: string): Step => set({notice: text});
	const top = state.drill.at(-1);
	const replaceTop = (level: DrillLevel, effects = NONE): Step =>
		set({drill: [...state.drill.slice(0, -1), level]}, effects);
	const back = (): Step => set({drill: state.drill.slice(0, -1)});

	if (action.type === 'copy') return copyStep(state, facts);
	if (context === 'detail') {
		const {groups} = facts;
		if (action.type === 'next-group') {
			if (groups.length === 0) return notice('n: no failure groups loaded yet');
			const index = clamp(selectedGroup(state, groups) + action.delta, groups.length - 1);
			const group = groups[index];
			if (!group) return undefined;
			// The group's heading goes to the top of the pane, one line of context above it.
			const detailScroll = clamp(group.line - 1, maxScrollOffset(detail.lines, detail.rows));
			return set({group: {kind: group.kind, key: group.key}, detailScroll});
		}
		if (action.type === 'open') {
			if (facts.drillable === false) return notice('Enter: failure groups cannot be opened in this monitor');
			const group = groups[selectedGroup(state, groups)];
			if (!group) return notice('Enter: no failure group to open yet (d closes the detail pane)');
			return set({
				group: {kind: group.kind, key: group.key},
				drill: [
					...state.drill,
					{type: 'group', kind: group.kind, key: group.key, reason: group.reason, cursor: 0, top: 0},
				],
			});
		}
		return undefined;
	}
	if (top?.type === 'group') {
		const entries = facts.entries ?? {loaded: 0, pageEntries: 1};
		const moveTo = (cursor: number): Step => {
			const next = clamp(cursor, Math.max(0, entries.loaded - 1));
			const page = Math.max(1, entries.pageEntries);
			const first = next < top.top ? next : next >= top.top + page ? next - page + 1 : top.top;
			return replaceTop({...top, cursor: next, top: Math.max(0, first)});
		};
		switch (action.type) {
			case 'move':
				return moveTo(top.cursor + action.delta);
			case 'page':
				return moveTo(top.cursor + action.delta * Math.max(1, entries.pageEntries - 1));
			case 'first':
				return moveTo(0);
			case 'last':
				return moveTo(entries.loaded - 1);
			case 'open': {
				const selected = entries.selected;
				if (!selected) return notice('Enter: no entry loaded yet');
				if (selected.kind === 'submission')
					return notice('Enter: a failed submission started no run; y copies its runSettingId');
				if (!selected.runId) return notice('Enter: this run has no id to open');
				const run: RunLevel = {type: 'run', runId: selected.runId, fromEnd: 0, log: 'task'};
				return set({drill: [...state.drill, run]});
			}
			case 'back':
			case 'escape':
				return back();
			default:
				return undefined;
		}
	}
	if (top?.type === 'run') {
		const run = facts.run ?? {lines: 0, rows: 1, olderLoadable: false};
		const highest = maxScrollOffset(run.lines, run.rows);
		// Scrolling to the top of what is loaded reads the lines before it, as a pager would.
		const scrollTo = (fromEnd: number): Step => {
			const next = clamp(fromEnd, highest);
			const older: readonly UiEffect[] =
				next === highest && run.olderLoadable && run.stream
					? [{type: 'older-lines', runId: top.runId, stream: run.stream}]
					: NONE;
			return replaceTop({...top, fromEnd: next}, older);
		};
		switch (action.type) {
			case 'move':
				return scrollTo(top.fromEnd - action.delta);
			case 'page':
				return scrollTo(top.fromEnd - action.delta * Math.max(1, run.rows - 2));
			case 'first':
				return scrollTo(highest);
			case 'last':
				return scrollTo(0);
			case 'other-log':
				return replaceTop({...top, log: top.log === 'task' ? 'engine' : 'task', fromEnd: 0});
			case 'older-lines':
				return run.olderLoadable && run.stream
					? {state, effects: [{type: 'older-lines', runId: top.runId, stream: run.stream}]}
					: notice('l: every line of this log is loaded');
			case 'open':
				return notice('Enter: this is the run itself; Esc goes back to the entries');
			case 'back':
			case 'escape':
				return back();
			default:
				return undefined;
		}
	}
	return undefined;
}

/** Copied text this long is named by its length: the footer's one row is for saying what was copied. */
const SHOWN_COPY_COLUMNS = 40;
const shownCopy = (text: string): string =>
	widthOf(text) <= SHOWN_COPY_COLUMNS ? `: ${text}` : ` (${formatCount(text.length)} characters)`;

/** `y`: copies the selected thing's next form and says what was copied. */
function copyStep(state: UiState, facts: DrillFacts): Step {
	const copy = facts.copy;
	if (!copy || copy.targets.length === 0)
		return {state: {...state, notice: 'y: nothing to copy here'}, effects: NONE};
	const index = state.copied?.at === copy.at ? state.copied.index % copy.targets.length : 0;
	const target = copy.targets[index];
	if (!target) return {state, effects: NONE};
	const next = copy.targets[(index + 1) % copy.targets.length];
	const again = copy.targets.length > 1 && next ? ` (y again: ${next.label})` : '';
	return {
		state: {
			...state,
			copied: {at: copy.at, index: index + 1},
			notice: `copied ${target.label}${shownCopy(target.text)}${again}`,
		},
		effects: [{type: 'copy', text: target.text}],
	};
}
