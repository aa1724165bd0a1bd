import type {DrillLevel, GroupRef} from './drill-level.js';
import type {CancelState} from './cancel-state.js';

/** How the batch list is ordered; `s` cycles through them. */
export const SORT_MODES = ['status', 'name', 'progress', 'age'] as const;
export type SortMode = (typeof SORT_MODES)[number];

/** Which pane takes j/k and PgUp/PgDn: the list, the detail pane (while open), or the event timeline (while on screen). */
export type Focus = 'list' | 'detail' | 'timeline';

/**
 * Where the keyboard is: it decides which bindings act (see input/key-bindings.ts). `confirm` is the
 * typed-name prompt of a cancel; `group` and `run` are the drill-down's levels below the detail pane
 * (a failure group's entries, one run).
 */
export type KeyContext = 'list' | 'detail' | 'timeline' | 'filter' | 'help' | 'confirm' | 'group' | 'run';

/** Everything the keyboard changes; the rest of the screen is derived from the poller's snapshot. */
export interface UiState {
	readonly selectedId?: string;
	readonly detailOpen: boolean;
	readonly focus: Focus;
	readonly detailScroll: number;
	readonly helpScroll: number;
	/** Lines the event timeline is scrolled down (0: the newest on top). */
	readonly timelineScroll: number;
	readonly filter: string;
	readonly editingFilter: boolean;
	readonly failuresOnly: boolean;
	readonly sort: SortMode;
	readonly help: boolean;
	/**
	 * The list's order as shown when a key last moved the selection: held (rows keep their places
	 * while statuses change) until HOLD_ORDER_MS pass without one (use-order-hold.ts), or the sort changes.
	 */
	readonly heldOrder?: readonly string[];
	/** What the last key did when it could not do what it says (`r` while paused, `l` with nothing left); gone at the next key. */
	readonly notice?: string;
	/** The drill-down below the detail pane, outermost first (empty: the batch's detail itself). */
	readonly drill: readonly DrillLevel[];
	/** The failure group the detail pane has selected (n/N move it); the first group when unset or gone. */
	readonly group?: GroupRef;
	/** What `y` copied last and where: pressing it again on the same thing copies the next of its forms. */
	readonly copied?: {readonly at: string; readonly index: number};
	/** The `c` key's state: allowed (--allow-cancel), the typed-name prompt, the request in flight. */
	readonly cancel?: CancelState;
}

export const INITIAL_UI_STATE: UiState = {
	detailOpen: false,
	focus: 'list',
	detailScroll: 0,
	helpScroll: 0,
	timelineScroll: 0,
	filter: '',
	editingFilter: false,
	failuresOnly: false,
	sort: 'status',
	help: false,
	drill: [],
};

/** How long after the last key that moved the selection the list's order holds. */
export const HOLD_ORDER_MS = 3_000;

/** The keyboard context the state puts the user in: the cancel prompt over help over filter over the focused pane. */
export function keyContext(state: UiState): KeyContext {
	// The typed-name prompt of `c` is modal: every key goes to it.
	if (state.cancel?.prompt) return 'confirm';
	if (state.help) return 'help';
	if (state.editingFilter) return 'filter';
	if (state.detailOpen) return state.focus === 'detail' ? (state.drill.at(-1)?.type ?? 'detail') : 'list';
	return state.focus === 'timeline' ? 'timeline' : 'list';
}
