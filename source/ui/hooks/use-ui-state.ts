import {useLayoutEffect, useState, useSyncExternalStore} from 'react';
import type {ScreenFacts} from '../state/ui-reducer.js';
import {createUiStore, type UiStore} from '../state/ui-store.js';
import {INITIAL_UI_STATE, type SortMode, type UiState} from '../state/ui-state.js';

const NO_FACTS: ScreenFacts = {
	batches: [],
	paused: false,
	listRows: 0,
	detailRows: 0,
	detailLines: 0,
	helpRows: 0,
	helpLines: 0,
	timelineRows: 0,
	timelineLines: 0,
};

/** The UI state and its store: render from `state`; input dispatches to `store`, which applies each action at once. */
export function useUiState(initialSort: SortMode): {state: UiState; store: UiStore} {
	const [store] = useState(() => createUiStore({...INITIAL_UI_STATE, sort: initialSort}, NO_FACTS));
	const state = useSyncExternalStore(store.subscribe, store.get, store.get);
	return {state, store};
}

/** Tells the store what the screen looks like after each render: keys are read against it. */
export function useScreenFacts(store: UiStore, facts: ScreenFacts): void {
	useLayoutEffect(() => {
		store.setFacts(facts);
	});
}
