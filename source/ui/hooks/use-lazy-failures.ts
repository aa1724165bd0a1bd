import {useEffect} from 'react';
import type {PollerHandle} from './use-poller-snapshot.js';

/** Asks the poller for the first page of failure reasons of batch `id` (failuresToLoad), once per batch that needs it. */
export function useLazyFailures(poller: PollerHandle, id: string | undefined): void {
	useEffect(() => {
		if (id !== undefined) poller.loadFailures(id);
	}, [poller, id]);
}
