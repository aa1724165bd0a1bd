import type {Key} from 'ink';

/** What a key press asks for; the root input handler turns these into state changes and poller calls. */
export type KeyAction =
	| {readonly type: 'move'; readonly delta: number}
	| {readonly type: 'first'}
	| {readonly type: 'last'}
	| {readonly type: 'jump'; readonly index: number}
	| {readonly type: 'toggle-detail'}
	| {readonly type: 'toggle-focus'}
	| {readonly type: 'page'; readonly delta: number}
	| {readonly type: 'start-filter'}
	| {readonly type: 'escape'}
	| {readonly type: 'toggle-failures-only'}
	| {readonly type: 'cycle-sort'}
	| {readonly type: 'refresh'}
	| {readonly type: 'toggle-pause'}
	| {readonly type: 'load-more-failures'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'quit'}
	| {readonly type: 'interrupt'}
	| {readonly type: 'suspend'}
	| {readonly type: 'redraw'};

/** Where the keyboard is: it decides which bindings apply. */
export type KeyContext = 'list' | 'detail' | 'filter' | 'help';

export interface Binding {
	/** How the key is shown in the footer and help. */
	readonly keys: string;
	/** One word for the footer. */
	readonly label: string;
	readonly description: string;
	/** Shown in the footer in these contexts. */
	readonly footer: readonly KeyContext[];
	readonly matches: (input: string, key: Key) => boolean;
	readonly action: (input: string, key: Key, context: KeyContext) => KeyAction;
}

const is = (character: string) => (input: string, key: Key) => input === character && !key.ctrl && !key.meta;

/** The one table of key bindings: footer, help overlay and input handler all read it. */
export const BINDINGS: readonly Binding[] = [
	{
		keys: '↑/↓ j/k',
		label: 'move',
		description: 'move the selection (scroll in the detail pane)',
		footer: ['list', 'detail'],
		matches: (input, key) => key.upArrow || key.downArrow || is('j')(input, key) || is('k')(input, key),
		action: (input, key) => ({type: 'move', delta: key.upArrow || input === 'k' ? -1 : 1}),
	},
	{
		keys: 'g/G',
		label: 'first/last',
		description: 'first / last batch',
		footer: [],
		matches: (input, key) => is('g')(input, key) || is('G')(input, key) || key.home || key.end,
		action: (input, key) => (input === 'g' || key.home ? {type: 'first'} : {type: 'last'}),
	},
	{
		keys: '1-9',
		label: 'jump',
		description: 'jump to the Nth batch',
		footer: [],
		matches: (input, key) => /^[1-9]$/.test(input) && !key.ctrl && !key.meta,
		action: (input) => ({type: 'jump', index: Number(input) - 1}),
	},
	{
		keys: 'Enter/d',
		label: 'detail',
		description: 'open or close the detail pane',
		footer: ['list', 'detail'],
		matches: (input, key) => key.return || is('d')(input, key),
		action: () => ({type: 'toggle-detail'}),
	},
	{
		keys: 'Tab',
		label: 'focus',
		description: 'move between the list and the detail pane',
		footer: ['detail'],
		matches: (_input, key) => key.tab,
		action: () => ({type: 'toggle-focus'}),
	},
	{
		keys: 'PgUp/PgDn',
		label: 'scroll',
		description: 'scroll the detail pane',
		footer: ['detail'],
		matches: (_input, key) => key.pageUp || key.pageDown,
		action: (_input, key) => ({type: 'page', delta: key.pageUp ? -1 : 1}),
	},
	{
		keys: 'l',
		label: 'more failures',
		description: 'load more failure reasons',
		footer: ['detail'],
		matches: is('l'),
		action: () => ({type: 'load-more-failures'}),
	},
	{
		keys: '/',
		label: 'filter',
		description: 'filter batches by name, id or status',
		footer: ['list'],
		matches: is('/'),
		action: () => ({type: 'start-filter'}),
	},
	{
		keys: 'Esc',
		label: 'clear/close',
		description: 'clear the filter / close help or detail (never destructive)',
		footer: ['filter', 'help'],
		matches: (_input, key) => key.escape,
		action: () => ({type: 'escape'}),
	},
	{
		keys: 'f',
		label: 'failures',
		description: 'only batches with failures',
		footer: ['list'],
		matches: is('f'),
		action: () => ({type: 'toggle-failures-only'}),
	},
	{
		keys: 's',
		label: 'sort',
		description: 'cycle the sort: status, name, progress, age',
		footer: ['list'],
		matches: is('s'),
		action: () => ({type: 'cycle-sort'}),
	},
	{
		keys: 'r',
		label: 'refresh',
		description: 'refresh now',
		footer: ['list', 'detail'],
		matches: is('r'),
		action: () => ({type: 'refresh'}),
	},
	{
		keys: 'p',
		label: 'pause',
		description: 'pause or resume polling',
		footer: ['list', 'detail'],
		matches: is('p'),
		action: () => ({type: 'toggle-pause'}),
	},
	{
		keys: '?',
		label: 'help',
		description: 'this help',
		footer: ['list', 'detail', 'help'],
		matches: is('?'),
		action: () => ({type: 'toggle-help'}),
	},
	{
		keys: 'q',
		label: 'quit',
		description: 'quit',
		footer: ['list', 'detail', 'help'],
		matches: is('q'),
		action: () => ({type: 'quit'}),
	},
	{
		keys: 'Ctrl-C',
		label: 'quit',
		description: 'quit (interrupted)',
		footer: [],
		matches: (input, key) => key.ctrl && input === 'c',
		action: () => ({type: 'interrupt'}),
	},
	{
		keys: 'Ctrl-Z',
		label: 'suspend',
		description: 'suspend to the shell (fg to return)',
		footer: [],
		matches: (input, key) => key.ctrl && input === 'z',
		action: () => ({type: 'suspend'}),
	},
	{
		keys: 'Ctrl-L',
		label: 'redraw',
		description: 'redraw the screen (after another program wrote over it)',
		footer: [],
		matches: (input, key) => key.ctrl && input === 'l',
		action: () => ({type: 'redraw'}),
	},
];

const FILTER_KEYS: readonly Binding[] = BINDINGS.filter(
	(binding) =>
		binding.keys === 'Esc' ||
		binding.keys === 'Ctrl-C' ||
		binding.keys === 'Ctrl-Z' ||
		binding.keys === 'Ctrl-L',
);

/** The action for a key press in a context, or undefined (filter typing is handled by the caller). */
export function actionForKey(input: string, key: Key, context: KeyContext): KeyAction | undefined {
	const table = context === 'filter' ? FILTER_KEYS : BINDINGS;
	// Escape also sets `meta` in Ink 6.8, so it is checked by its own flag before anything else.
	if (key.escape) return {type: 'escape'};
	for (const binding of table) {
		if (binding.matches(input, key)) return binding.action(input, key, context);
	}
	return undefined;
}

/** The bindings to show in the footer for a context. */
export function footerBindings(context: KeyContext): Binding[] {
	return BINDINGS.filter((binding) => binding.footer.includes(context));
}
