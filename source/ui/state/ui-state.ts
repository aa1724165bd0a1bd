/** How the batch list is ordered; `s` cycles through them. */
export const SORT_MODES = ['status', 'name', 'progress', 'age'] as const;
export type SortMode = (typeof SORT_MODES)[number];

/** Everything the keyboard changes; the rest of the screen is derived from the poller's snapshot. */
export interface UiState {
	readonly selectedId?: string;
	readonly detailOpen: boolean;
	readonly focus: 'list' | 'detail';
	readonly detailScroll: number;
	readonly filter: string;
	readonly editingFilter: boolean;
	readonly failuresOnly: boolean;
	readonly sort: SortMode;
	readonly help: boolean;
}

export const INITIAL_UI_STATE: UiState = {
	detailOpen: false,
	focus: 'list',
	detailScroll: 0,
	filter: '',
	editingFilter: false,
	failuresOnly: false,
	sort: 'status',
	help: false,
};

export type UiAction =
	| {readonly type: 'select'; readonly id: string | undefined}
	| {readonly type: 'toggle-detail'}
	| {readonly type: 'close-detail'}
	| {readonly type: 'toggle-focus'}
	| {readonly type: 'scroll-detail'; readonly delta: number; readonly max: number}
	| {readonly type: 'start-filter'}
	| {readonly type: 'filter-text'; readonly text: string}
	| {readonly type: 'filter-backspace'}
	| {readonly type: 'commit-filter'}
	| {readonly type: 'clear-filter'}
	| {readonly type: 'toggle-failures-only'}
	| {readonly type: 'cycle-sort'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'close-help'};

/** The keyboard's state machine. Pure. */
export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'select':
			return action.id === state.selectedId ? state : {...state, selectedId: action.id, detailScroll: 0};
		case 'toggle-detail':
			return state.detailOpen
				? {...state, detailOpen: false, focus: 'list'}
				: {...state, detailOpen: true, focus: 'detail', detailScroll: 0};
		case 'close-detail':
			return {...state, detailOpen: false, focus: 'list'};
		case 'toggle-focus':
			if (!state.detailOpen) return state;
			return {...state, focus: state.focus === 'list' ? 'detail' : 'list'};
		case 'scroll-detail':
			return {...state, detailScroll: Math.max(0, Math.min(action.max, state.detailScroll + action.delta))};
		case 'start-filter':
			return {...state, editingFilter: true};
		case 'filter-text':
			return {...state, filter: (state.filter + action.text).slice(0, 64)};
		case 'filter-backspace':
			return {...state, filter: Array.from(state.filter).slice(0, -1).join('')};
		case 'commit-filter':
			return {...state, editingFilter: false};
		case 'clear-filter':
			return {...state, filter: '', editingFilter: false};
		case 'toggle-failures-only':
			return {...state, failuresOnly: !state.failuresOnly};
		case 'cycle-sort':
			return {
				...state,
				sort: SORT_MODES[(SORT_MODES.indexOf(state.sort) + 1) % SORT_MODES.length] ?? 'status',
			};
		case 'toggle-help':
			return {...state, help: !state.help};
		case 'close-help':
			return {...state, help: false};
	}
}
