import type {Key} from 'ink';
import type {UiAction} from '../state/ui-action.js';
import {CANCEL_BINDINGS} from './cancel-bindings.js';
import type {KeyContext, UiState} from '../state/ui-state.js';

export type {KeyContext} from '../state/ui-state.js';

/** What a footer hint may depend on. */
export interface FooterView {
	readonly context: KeyContext;
	readonly state: UiState;
	readonly paused: boolean;
}

/** How a binding shows in the footer. */
export interface FooterHint {
	/** The word after the key; it may say the current value (sort:name, resume). */
	readonly label: string | ((view: FooterView) => string);
	/** Contexts whose footer shows it. */
	readonly contexts: readonly KeyContext[];
	/**
	 * Which hints stay when the footer is short of room: the highest rank goes first. Rank 1 is never
	 * dropped and sits at the end of the row.
	 */
	readonly rank: number;
	/** Shown only when this holds (Tab only while the detail pane is open). */
	readonly when?: (view: FooterView) => boolean;
}

export interface Binding {
	/** How the key is shown in the footer and help. */
	readonly keys: string;
	/** What it does, for the help. */
	readonly description: string;
	/** Where the key acts; elsewhere it does nothing (or, while typing a filter, is typed). */
	readonly contexts: readonly KeyContext[];
	readonly footer?: readonly FooterHint[];
	readonly matches: (input: string, key: Key) => boolean;
	readonly action: (input: string, key: Key) => UiAction;
}

const is = (character: string) => (input: string, key: Key) => input === character && !key.ctrl && !key.meta;
const PANES: readonly KeyContext[] = ['list', 'detail', 'timeline'];
/** The drill-down's levels below the detail pane: a failure group's entries, one run. */
const DRILL: readonly KeyContext[] = ['group', 'run'];
const ACTING: readonly KeyContext[] = [...PANES, ...DRILL];
const VIEWING: readonly KeyContext[] = [...ACTING, 'help'];
const EVERYWHERE: readonly KeyContext[] = [...VIEWING, 'filter'];
const detailOpen = (view: FooterView) => view.state.detailOpen;
const runLogOf = (view: FooterView) => {
	const level = view.state.drill.at(-1);
	return level?.type === 'run' ? level.log : 'task';
};

/** Text typed into the filter: letters, digits, punctuation, symbols and spaces; control characters never. */
const filterText = (input: string) => input.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '');

/**
 * The one table of key bindings, for every context (list, detail pane, help, filter prompt): the
 * input hook, the footer and the help all read it, in this order. The first binding that matches in
 * the current context wins.
 */
export const BINDINGS: readonly Binding[] = [
	{
		keys: '↑/↓ j/k',
		description:
			'move the selection (a batch, a failed entry); scroll the detail pane, the timeline, a run or the help',
		contexts: VIEWING,
		footer: [
			{label: 'move', contexts: ['list', 'group'], rank: 3},
			{label: 'scroll', contexts: ['detail', 'timeline', 'run'], rank: 3},
		],
		matches: (input, key) => key.upArrow || key.downArrow || is('j')(input, key) || is('k')(input, key),
		action: (input, key) => ({type: 'move', delta: key.upArrow || input === 'k' ? -1 : 1}),
	},
	{
		keys: 'g/G',
		description: 'first / last batch (entry); the top / the newest log lines of a run',
		contexts: ACTING,
		matches: (input, key) => is('g')(input, key) || is('G')(input, key) || key.home || key.end,
		action: (input, key) => (input === 'g' || key.home ? {type: 'first'} : {type: 'last'}),
	},
	{
		keys: '1-9',
		description: 'jump to the Nth batch',
		contexts: PANES,
		matches: (input, key) => /^[1-9]$/.test(input) && !key.ctrl && !key.meta,
		action: (input) => ({type: 'jump', index: Number(input) - 1}),
	},
	{
		keys: 'Esc',
		description:
			'clear the filter / close help or detail / leave the timeline / one level back up the drill-down (never destructive)',
		contexts: EVERYWHERE,
		footer: [
			{label: 'back', contexts: DRILL, rank: 2},
			{label: 'clear/close', contexts: ['help'], rank: 2},
			{label: 'clear', contexts: ['filter'], rank: 2},
			// What Esc does next (see the reducer): clear a kept filter first, else close the detail pane.
			// Listed before Enter/d and Tab: among hints of one rank the last goes first, and Esc stays longest.
			{label: 'clear filter', contexts: PANES, rank: 2, when: (view) => view.state.filter !== ''},
			{
				label: 'close',
				contexts: PANES,
				rank: 2,
				when: (view) => view.state.filter === '' && view.state.detailOpen,
			},
		],
		// Escape also sets `meta` in Ink 6.8: it is told by its own flag.
		matches: (_input, key) => key.escape,
		action: () => ({type: 'escape'}),
	},
	{
		keys: 'Enter',
		description:
			'in the detail pane, open the selected failure group (n/N choose it); in a group, open the selected run',
		contexts: ['detail', ...DRILL],
		footer: [
			{label: 'open group', contexts: ['detail'], rank: 2},
			{label: 'open run', contexts: ['group'], rank: 2},
		],
		matches: (_input, key) => key.return,
		action: () => ({type: 'open'}),
	},
	{
		keys: 'Enter/d',
		description: 'open or close the detail pane (it takes the focus; there, d closes it)',
		contexts: PANES,
		footer: [{label: 'detail', contexts: ['list', 'timeline'], rank: 2}],
		matches: (input, key) => key.return || is('d')(input, key),
		action: () => ({type: 'toggle-detail'}),
	},
	{
		keys: 'Tab',
		description: 'move the focus between the list and the detail pane',
		contexts: PANES,
		footer: [{label: 'focus', contexts: PANES, rank: 2, when: detailOpen}],
		matches: (_input, key) => key.tab,
		action: () => ({type: 'toggle-focus'}),
	},
	{
		keys: 't',
		description:
			'focus the event timeline below the panel (j/k scroll it); t, Tab or Esc go back to the list',
		contexts: PANES,
		footer: [
			{label: 'timeline', contexts: ['list'], rank: 10},
			{label: 'back', contexts: ['timeline'], rank: 2},
		],
		matches: is('t'),
		action: () => ({type: 'toggle-timeline'}),
	},
	{
		keys: 'PgUp/PgDn',
		description: 'a page up or down: the list, the detail pane or the timeline when it has focus, the help',
		contexts: VIEWING,
		footer: [{label: 'page', contexts: ['detail', 'timeline'], rank: 6}],
		matches: (_input, key) => key.pageUp || key.pageDown,
		action: (_input, key) => ({type: 'page', delta: key.pageUp ? -1 : 1}),
	},
	{
		keys: 'n/N',
		description: 'in the detail pane, select the next / previous failure group',
		contexts: ['detail'],
		footer: [{label: 'group', contexts: ['detail'], rank: 3}],
		matches: (input, key) => is('n')(input, key) || is('N')(input, key),
		action: (input) => ({type: 'next-group', delta: input === 'N' ? -1 : 1}),
	},
	{
		keys: 'Backspace',
		description: 'one level back up the drill-down (as Esc)',
		contexts: DRILL,
		// Ink 6.8 reports Backspace as `delete`.
		matches: (_input, key) => key.backspace || key.delete,
		action: () => ({type: 'back'}),
	},
	{
		keys: 'o',
		description: "in a run, show the other log: the failed task's or the workflow engine's",
		contexts: ['run'],
		footer: [
			{
				label: (view) => (runLogOf(view) === 'engine' ? 'task log' : 'engine log'),
				contexts: ['run'],
				rank: 4,
			},
		],
		matches: is('o'),
		action: () => ({type: 'other-log'}),
	},
	{
		keys: 'l',
		description: 'in a run, read older lines of its log (scrolling to the top does too)',
		contexts: ['run'],
		footer: [{label: 'older lines', contexts: ['run'], rank: 5}],
		matches: is('l'),
		action: () => ({type: 'older-lines'}),
	},
	{
		keys: 'y',
		description:
			'copy the selected thing to the clipboard (OSC 52): an id; again, its other forms (ARN, runSettingId, a ready aws command)',
		contexts: ACTING,
		footer: [{label: 'copy', contexts: ['detail', ...DRILL], rank: 4}],
		matches: is('y'),
		action: () => ({type: 'copy'}),
	},
	{
		keys: 'e',
		description:
			"write the selected batch's retry manifest (the failed runs' settings, as JSON) into the current directory",
		contexts: ACTING,
		footer: [{label: 'retry file', contexts: ['detail', ...DRILL], rank: 8}],
		matches: is('e'),
		action: () => ({type: 'retry-manifest'}),
	},
	{
		keys: 'l',
		description: 'load the next page of failure reasons (says so when all are loaded)',
		contexts: [...PANES, 'group'],
		footer: [{label: 'more failures', contexts: PANES, rank: 4, when: detailOpen}],
		matches: is('l'),
		action: () => ({type: 'load-more-failures'}),
	},
	{
		keys: '/',
		description: 'filter batches by name, id or status',
		contexts: PANES,
		footer: [{label: 'filter', contexts: PANES, rank: 5}],
		matches: is('/'),
		action: () => ({type: 'start-filter'}),
	},
	{
		keys: 'f',
		description: 'only batches with failures',
		contexts: PANES,
		footer: [{label: 'failures', contexts: PANES, rank: 8}],
		matches: is('f'),
		action: () => ({type: 'toggle-failures-only'}),
	},
	{
		keys: 's',
		description: 'cycle the sort: status, name, progress, age',
		contexts: PANES,
		footer: [{label: (view) => `sort:${view.state.sort}`, contexts: PANES, rank: 7}],
		matches: is('s'),
		action: () => ({type: 'cycle-sort'}),
	},
	{
		keys: 'r',
		description: 'refresh now (while paused it does not, and says so)',
		contexts: ACTING,
		footer: [{label: 'refresh', contexts: PANES, rank: 9}],
		matches: is('r'),
		action: () => ({type: 'refresh'}),
	},
	{
		keys: 'p',
		description: 'pause or resume polling',
		contexts: ACTING,
		footer: [{label: (view) => (view.paused ? 'resume' : 'pause'), contexts: ACTING, rank: 6}],
		matches: is('p'),
		action: () => ({type: 'toggle-pause'}),
	},
	// `c` (--allow-cancel) and its typed-name prompt's keys (the 'confirm' context).
	...CANCEL_BINDINGS,
	{
		keys: '?',
		description: 'this help',
		contexts: VIEWING,
		footer: [{label: 'help', contexts: VIEWING, rank: 1}],
		matches: is('?'),
		action: () => ({type: 'toggle-help'}),
	},
	{
		keys: 'q',
		description: 'quit',
		contexts: VIEWING,
		footer: [{label: 'quit', contexts: VIEWING, rank: 1}],
		matches: is('q'),
		action: () => ({type: 'quit'}),
	},
	{
		keys: 'Ctrl-C',
		description: 'quit (interrupted)',
		contexts: EVERYWHERE,
		matches: (input, key) => key.ctrl && input === 'c',
		action: () => ({type: 'interrupt'}),
	},
	{
		keys: 'Ctrl-Z',
		description: 'suspend to the shell (fg to return)',
		contexts: EVERYWHERE,
		matches: (input, key) => key.ctrl && input === 'z',
		action: () => ({type: 'suspend'}),
	},
	{
		keys: 'Ctrl-L',
		description: 'redraw the screen (after another program wrote over it)',
		contexts: EVERYWHERE,
		matches: (input, key) => key.ctrl && input === 'l',
		action: () => ({type: 'redraw'}),
	},
	{
		keys: 'Enter',
		description: 'keep the filter and go back to the list',
		contexts: ['filter'],
		footer: [{label: 'keep', contexts: ['filter'], rank: 2}],
		matches: (_input, key) => key.return,
		action: () => ({type: 'commit-filter'}),
	},
	{
		keys: 'Backspace',
		description: 'delete the last character',
		contexts: ['filter'],
		// Ink 6.8 reports Backspace as `delete`.
		matches: (_input, key) => key.backspace || key.delete,
		action: () => ({type: 'filter-backspace'}),
	},
	{
		keys: 'any other',
		description: 'typed into the filter (letters, digits, punctuation, spaces)',
		contexts: ['filter'],
		matches: (input, key) => !key.ctrl && !key.meta && filterText(input) !== '',
		action: (input) => ({type: 'filter-text', text: filterText(input)}),
	},
];

/** The action for a key press in a context, or undefined when no binding acts there. */
export function actionForKey(input: string, key: Key, context: KeyContext): UiAction | undefined {
	for (const binding of BINDINGS) {
		if (binding.contexts.includes(context) && binding.matches(input, key)) return binding.action(input, key);
	}
	return undefined;
}

// The mouse's bindings (mouse-events.ts parses the reports; mouse-target.ts finds the list row).
import type {MouseEvent} from './mouse-events.js';

/** A mouse gesture (only with --mouse) and the key action it stands for. */
export interface MouseBinding {
	/** How the gesture is named in the help. */
	readonly keys: string;
	readonly description: string;
	readonly contexts: readonly KeyContext[];
	/** The action, or undefined when the event is not this gesture; `batchIndex` is the list row under the pointer. */
	readonly action: (
		event: MouseEvent,
		batchIndex: number | undefined,
		context: KeyContext,
	) => UiAction | undefined;
}

/** Lines one wheel notch scrolls text by; in the list it moves the selection one batch, as j/k do. */
const WHEEL_LINES = 3;

/**
 * The mouse's bindings, beside the keys': the wheel is ↑/↓ for the focused pane, a click on a list
 * row selects that batch. While a filter is typed the mouse does nothing, so it can never type.
 */
export const MOUSE_BINDINGS: readonly MouseBinding[] = [
	{
		keys: 'wheel',
		description: 'scroll the focused pane, as ↑/↓',
		contexts: VIEWING,
		action: (event, _batchIndex, context) =>
			event.kind === 'wheel'
				? {type: 'move', delta: (event.direction === 'up' ? -1 : 1) * (context === 'list' ? 1 : WHEEL_LINES)}
				: undefined,
	},
	{
		keys: 'click',
		description: 'select the batch clicked in the list',
		contexts: PANES,
		action: (event, batchIndex) =>
			event.kind === 'press' && event.button === 'left' && batchIndex !== undefined
				? {type: 'jump', index: batchIndex}
				: undefined,
	},
];

/** The action for a mouse event in a context, or undefined when no mouse binding acts there. */
export function actionForMouse(
	event: MouseEvent,
	batchIndex: number | undefined,
	context: KeyContext,
): UiAction | undefined {
	for (const binding of MOUSE_BINDINGS) {
		if (!binding.contexts.includes(context)) continue;
		const action = binding.action(event, batchIndex, context);
		if (action) return action;
	}
	return undefined;
}

/** A footer hint as shown: the key, its word, and its rank. */
export interface ShownHint {
	readonly keys: string;
	readonly label: string;
	readonly rank: number;
}

/** The footer hints for a view, in table order. */
export function footerHints(view: FooterView): ShownHint[] {
	const hints: ShownHint[] = [];
	for (const binding of BINDINGS)
		for (const hint of binding.footer ?? [])
			if (hint.contexts.includes(view.context) && (hint.when?.(view) ?? true))
				hints.push({
					keys: binding.keys,
					label: typeof hint.label === 'string' ? hint.label : hint.label(view),
					rank: hint.rank,
				});
	return hints;
}
