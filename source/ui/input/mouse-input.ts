import {useEffect, useLayoutEffect, useRef} from 'react';
import type {UiAction} from '../state/ui-action.js';
import type {KeyContext} from '../state/ui-state.js';
import {actionForMouse} from './key-bindings.js';
import type {MouseEvent} from './mouse-events.js';
import {batchIndexAt, type ListGeometry} from './mouse-target.js';

/** Where mouse events come from (terminal/mouse-stdin's MouseStdin). */
export interface MouseSource {
	on(event: 'mouse', listener: (event: MouseEvent) => void): unknown;
	off(event: 'mouse', listener: (event: MouseEvent) => void): unknown;
}

/**
 * Maps mouse events, through the mouse bindings, to the same actions as keys, for the context the
 * keyboard is in and the list as it is on screen when the event arrives. Nothing without a source.
 */
export function useMouseInput(
	source: MouseSource | undefined,
	list: ListGeometry,
	context: () => KeyContext,
	onAction: (action: UiAction) => void,
): void {
	const shown = useRef(list);
	useLayoutEffect(() => {
		shown.current = list;
	});
	useEffect(() => {
		if (!source) return undefined;
		const listener = (event: MouseEvent) => {
			const action = actionForMouse(event, batchIndexAt(event, shown.current), context());
			if (action) onAction(action);
		};
		source.on('mouse', listener);
		return () => {
			source.off('mouse', listener);
		};
	}, [source, context, onAction]);
}
