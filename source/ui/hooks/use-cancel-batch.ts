import {useCallback, useLayoutEffect} from 'react';
import type {BatchCanceller} from '../../poller/batch-canceller.js';
import type {UiStore} from '../state/ui-store.js';
import type {PollerHandle} from './use-poller-snapshot.js';

/**
 * The `c` key's link to the account: with a canceller (--allow-cancel) the UI state is told that `c`
 * may open its prompt; the returned function sends CancelRunBatch, reports the answer as a notice and
 * refreshes the batch. Without one it is undefined, and `c` says how to turn cancelling on.
 */
export function useCancelBatch(
	store: UiStore,
	poller: PollerHandle,
	canceller: BatchCanceller | undefined,
): ((id: string, name: string) => void) | undefined {
	useLayoutEffect(() => {
		if (canceller) store.dispatch({type: 'allow-cancel'});
	}, [store, canceller]);
	const send = useCallback(
		(id: string, name: string) => {
			if (!canceller) return;
			void canceller.cancel(id).then((outcome) => {
				store.dispatch({type: 'cancel-result', id, name, outcome});
				// Its new status (STOPPING) at once, not at the next poll.
				poller.refresh(id);
			});
		},
		[store, poller, canceller],
	);
	return canceller ? send : undefined;
}
