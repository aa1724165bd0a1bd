import {useCallback, useLayoutEffect, useRef, useSyncExternalStore} from 'react';
import type {PollerSnapshot} from '../../poller/poller-state.js';
import type {DrillDownHandle} from '../../poller/drill-down-state.js';
import {isUrgentChange} from '../state/snapshot-urgency.js';

/** The part of the poller the UI reads and drives. */
export interface PollerHandle {
	snapshot(): PollerSnapshot;
	subscribe(listener: () => void): () => void;
	refresh(id?: string): void;
	pause(): void;
	resume(): void;
	loadFailures(id: string): void;
	/** Stops loading failure reasons of batch `id` (its detail pane closed, or another batch was chosen). */
	stopFailures(id: string): void;
	readonly paused: boolean;
	/** The drill-down's data (failure entries, run views); absent when the poller was made without it. */
	readonly drill?: DrillDownHandle | undefined;
}

/** Counter-only changes paint at most this often: a render is what an idle monitor spends its CPU on. */
export const PROGRESS_RENDER_MS = 1_000;

/**
 * The poller's latest snapshot. Urgent changes (isUrgentChange: new batches, status changes, errors,
 * failure details) paint at once; counters moving paint at most once per PROGRESS_RENDER_MS, however
 * many batches answer in between.
 */
export function usePollerSnapshot(poller: PollerHandle): PollerSnapshot {
	const painted = useRef<{snapshot: PollerSnapshot | undefined; at: number}>({snapshot: undefined, at: 0});
	const subscribe = useCallback(
		(onChange: () => void) => {
			let timer: NodeJS.Timeout | undefined;
			const fire = () => {
				clearTimeout(timer);
				timer = undefined;
				onChange();
			};
			const unsubscribe = poller.subscribe(() => {
				const last = painted.current;
				if (last.snapshot === undefined || isUrgentChange(last.snapshot, poller.snapshot())) return fire();
				if (timer) return;
				timer = setTimeout(fire, Math.max(0, last.at + PROGRESS_RENDER_MS - Date.now()));
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
	useLayoutEffect(() => {
		painted.current = {snapshot, at: Date.now()};
	});
	return snapshot;
}
