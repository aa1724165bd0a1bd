import {useEffect} from 'react';
import {HOLD_ORDER_MS} from '../state/ui-state.js';
import type {UiStore} from '../state/ui-store.js';

/**
 * Lets the list sort again HOLD_ORDER_MS after the last key that moved the selection: each such key
 * holds a fresh order array, which restarts the timer.
 */
export function useOrderHold(store: UiStore, held: readonly string[] | undefined): void {
	useEffect(() => {
		if (!held) return;
		const timer = setTimeout(() => store.dispatch({type: 'release-order'}), HOLD_ORDER_MS);
		return () => clearTimeout(timer);
	}, [store, held]);
}
