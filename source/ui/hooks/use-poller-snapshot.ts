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

/** At most one render per this many ms for poll results: 100 batches answering in a burst repaint once. */
export const SNAPSHOT_RENDER_MS = 100;

/** The poller's latest snapshot; notifications are coalesced to one React update per SNAPSHOT_RENDER_MS. */
export function usePollerSnapshot(poller: PollerHandle): PollerSnapshot {
	const subscribe = useCallback(
		(onChange: () => void) => {
			let last = 0;
			let timer: NodeJS.Timeout | undefined;
			const fire = () => {
				timer = undefined;
				last = Date.now();
				onChange();
			};
			const unsubscribe = poller.subscribe(() => {
				if (timer) return;
				const wait = last + SNAPSHOT_RENDER_MS - Date.now();
				if (wait <= 0) fire();
				else timer = setTimeout(fire, wait);
			});
			return () => {
				clearTimeout(timer);
				unsubscribe();
			};
		},
		[poller],
	);
	const read = useCallback(() => poller.snapshot(), [poller]);
	return useSyncExternalStore(subscribe, read, read);
}
