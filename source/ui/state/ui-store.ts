import type {UiAction, UiEffect} from './ui-action.js';
import {uiStep, type ScreenFacts} from './ui-reducer.js';
import type {UiState} from './ui-state.js';

/** The one copy of the UI state: actions apply to it at once, so keys arriving in one read each see the one before. */
export interface UiStore {
	get(): UiState;
	subscribe(listener: () => void): () => void;
	/** What the screen last looked like (set after each render): actions are read against it. */
	setFacts(facts: ScreenFacts): void;
	/** Applies an action and returns the effects it asks for. */
	dispatch(action: UiAction): readonly UiEffect[];
}

/** A store around uiStep for React's useSyncExternalStore. */
export function createUiStore(initial: UiState, facts: ScreenFacts): UiStore {
	let state = initial;
	let screen = facts;
	const listeners = new Set<() => void>();
	return {
		get: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		setFacts(next) {
			screen = next;
		},
		dispatch(action) {
			const step = uiStep(state, action, screen);
			if (step.state !== state) {
				state = step.state;
				for (const listener of listeners) listener();
			}
			return step.effects;
		},
	};
}
