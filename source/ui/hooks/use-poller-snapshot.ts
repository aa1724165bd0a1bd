import {useCallback, useSyncExternalStore} from 'react';
import type {PollerSnapshot} from '../../poller/poller-state.js';

/** The part of the poller the UI reads and drives. */
export interface PollerHandle {
	snapshot(): PollerSnapshot;
	subscribe(listener: () => void): () => void;
	refresh(id?: string): void;
	pause(): void;
	resume(): void;
	loadFailures(id: string): void;
	readonly paused: boolean;
}

/** The poller's latest snapshot; one React update per poller notification. */
export function usePollerSnapshot(poller: PollerHandle): PollerSnapshot {
	const subscribe = useCallback((onChange: () => void) => poller.subscribe(() => onChange()), [poller]);
	const read = useCallback(() => poller.snapshot(), [poller]);
	return useSyncExternalStore(subscribe, read, read);
}
