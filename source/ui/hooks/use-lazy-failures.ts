import {useEffect} from 'react';
import type {PollerHandle} from './use-poller-snapshot.js';

/**
 * Asks the poller for the failure reasons of batch `toLoad` (failuresToLoad), once per batch that needs
 * them, and stops their loading when the detail pane of `shown` closes or shows another batch: reasons
 * nobody looks at must not spend the account's GetRun quota.
 */
export function useLazyFailures(
	poller: PollerHandle,
	toLoad: string | undefined,
	shown: string | undefined,
): void {
	useEffect(() => {
		if (toLoad !== undefined) poller.loadFailures(toLoad);
	}, [poller, toLoad]);
	useEffect(() => {
		if (shown === undefined) return undefined;
		return () => poller.stopFailures(shown);
	}, [poller, shown]);
}
