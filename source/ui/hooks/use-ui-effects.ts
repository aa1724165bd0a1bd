import {useCallback} from 'react';
import {useApp} from 'ink';
import type {UiEffect} from '../state/ui-action.js';
import type {PollerHandle} from './use-poller-snapshot.js';

export type QuitReason = 'quit' | 'interrupt';

/** What the App was given to call on the way out, on Ctrl-Z and on Ctrl-L. */
export interface UiCallbacks {
	readonly onQuit: (reason: QuitReason) => void;
	readonly onSuspend?: (() => void) | undefined;
	readonly onRedraw?: (() => void) | undefined;
	/** Sends CancelRunBatch (--allow-cancel; hooks/use-cancel-batch.ts). */
	readonly onCancel?: ((id: string, name: string) => void) | undefined;
}

/** Runs the effects the UI state asks for: poller calls, quitting, suspending, redrawing, cancelling. Stable across renders. */
export function useUiEffects(
	poller: PollerHandle,
	callbacks: UiCallbacks,
): (effects: readonly UiEffect[]) => void {
	const {exit} = useApp();
	const {onQuit, onSuspend, onRedraw, onCancel} = callbacks;
	return useCallback(
		(effects: readonly UiEffect[]) => {
			for (const effect of effects) {
				switch (effect.type) {
					case 'refresh':
						poller.refresh();
						break;
					case 'pause':
						poller.pause();
						break;
					case 'resume':
						poller.resume();
						break;
					case 'load-failures':
						poller.loadFailures(effect.id);
						break;
					case 'quit':
						onQuit(effect.reason);
						exit();
						break;
					case 'suspend':
						onSuspend?.();
						break;
					case 'redraw':
						onRedraw?.();
						break;
					case 'cancel-batch':
						onCancel?.(effect.id, effect.name);
				}
			}
		},
		[poller, exit, onQuit, onSuspend, onRedraw, onCancel],
	);
}
