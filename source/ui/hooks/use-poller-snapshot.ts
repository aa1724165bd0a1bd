import {useCallback, useLayoutEffect, useRef, useSyncExternalStore} from 'react';
import type {PollerSnapshot} from '../../poller/poller-state.js';
import {isUrgentChange} from '../state/snapshot-urgency.js';

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

/** At most one render per this many ms for poll results when no clock is ticking. */
export const SNAPSHOT_RENDER_MS = 100;

/**
 * The poller's latest snapshot. While the screen's clock ticks (`clockTicks` of the painted snapshot: it
 * re-renders every second anyway), counter-only changes wait for the next tick, which reads the latest
 * snapshot; urgent ones (isUrgentChange) paint at once. Otherwise notifications are coalesced to one
 * render per SNAPSHOT_RENDER_MS.
 */
export function usePollerSnapshot(
	poller: PollerHandle,
	clockTicks: (snapshot: PollerSnapshot) => boolean,
): PollerSnapshot {
	const painted = useRef<{snapshot: PollerSnapshot | undefined; at: number; ticking: boolean}>({
		snapshot: undefined,
		at: 0,
		ticking: false,
	});
	const subscribe = useCallback(
		(onChange: () => void) => {
			let timer: NodeJS.Timeout | undefined;
			const fire = () => {
				timer = undefined;
				onChange();
			};
			const unsubscribe = poller.subscribe(() => {
				if (timer) return;
				const last = painted.current;
				const next = poller.snapshot();
				const urgent = last.snapshot === undefined || isUrgentChange(last.snapshot, next);
				if (last.ticking && !urgent) return;
				const wait = last.at + SNAPSHOT_RENDER_MS - Date.now();
				if (wait <= 0 || urgent) fire();
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
	const snapshot = useSyncExternalStore(subscribe, read, read);
	const ticking = clockTicks(snapshot);
	useLayoutEffect(() => {
		painted.current = {snapshot, at: Date.now(), ticking};
	});
	return snapshot;
}
