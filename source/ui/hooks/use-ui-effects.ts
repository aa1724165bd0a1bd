import {useCallback, useRef} from 'react';
import {useApp} from 'ink';
import type {UiAction, UiEffect} from '../state/ui-action.js';
import {retryManifestNotice} from '../lines/retry-manifest-notice.js';
import type {PollerHandle} from './use-poller-snapshot.js';

export type QuitReason = 'quit' | 'interrupt';

/** What writing a retry manifest came to: where, how many entries, and the failed submissions it could not rebuild. */
export interface RetryManifestOutcome {
	readonly path: string;
	readonly entries: number;
	readonly missing: readonly string[];
	readonly incomplete: boolean;
}

/** What the App was given to call on the way out, on Ctrl-Z and on Ctrl-L, and for `y` and `e`. */
export interface UiCallbacks {
	readonly onQuit: (reason: QuitReason) => void;
	readonly onSuspend?: (() => void) | undefined;
	readonly onRedraw?: (() => void) | undefined;
	/** Puts text on the clipboard; false when it was refused and nothing was sent. */
	readonly onCopy?: ((text: string) => boolean | void) | undefined;
	readonly onRetryManifest?: ((batchId: string) => Promise<RetryManifestOutcome>) | undefined;
	/** Sends CancelRunBatch (--allow-cancel; hooks/use-cancel-batch.ts). */
	readonly onCancel?: ((id: string, name: string) => void) | undefined;
}

/**
 * Runs the effects the UI state asks for: poller calls, quitting, suspending, redrawing, copying, writing
 * a retry manifest (what it came to arrives later through `dispatch`, as a notice), cancelling. Stable
 * across renders.
 */
export function useUiEffects(
	poller: PollerHandle,
	callbacks: UiCallbacks,
	dispatch: (action: UiAction) => void,
): (effects: readonly UiEffect[]) => void {
	const {exit} = useApp();
	const {onQuit, onSuspend, onRedraw, onCopy, onRetryManifest, onCancel} = callbacks;
	// One manifest at a time: each reads every failure of its batch.
	const writing = useRef(false);
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
					case 'copy':
						if (onCopy?.(effect.text) === false)
							dispatch({
								type: 'notice',
								text: 'y: not copied: the text has characters a terminal would act on',
							});
						break;
					case 'older-lines':
						poller.drill?.loadOlderLines(effect.runId, effect.stream);
						break;
					case 'retry-manifest':
						if (!onRetryManifest) {
							dispatch({type: 'notice', text: 'e: retry manifests cannot be written here'});
						} else if (writing.current) {
							dispatch({type: 'notice', text: 'e: a retry manifest is being written; wait for it'});
						} else {
							writing.current = true;
							onRetryManifest(effect.id)
								.then(
									(outcome) => dispatch({type: 'notice', text: retryManifestNotice(outcome)}),
									(error: unknown) =>
										dispatch({
											type: 'notice',
											text: `e: could not write the retry manifest: ${error instanceof Error ? error.message : String(error)}`,
										}),
								)
								.finally(() => {
									writing.current = false;
								});
						}
						break;
					case 'cancel-batch':
						onCancel?.(effect.id, effect.name);
				}
			}
		},
		[poller, exit, onQuit, onSuspend, onRedraw, onCopy, onRetryManifest, onCancel, dispatch],
	);
}
