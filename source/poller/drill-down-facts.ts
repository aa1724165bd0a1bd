import type {ErrorInfo} from './poller-state.js';
import type {RunEntryFacts} from './drill-down-state.js';

/** Entry facts looked up at once: the entries on screen fill in a few at a time, within the budgets. */
export const ENTRY_FACTS_CONCURRENCY = 4;

/** Runs whose entry facts are kept (LRU). */
export const MAX_ENTRY_FACTS = 2_000;

/** A failed lookup is tried again when its run is wanted again after this long (ms), not on every render. */
export const FACTS_RETRY_MS = 10_000;

/** What the lookups found so far about one failed run (mutable; its view is built on change). */
export interface FactsState {
	readonly batchId: string;
	runSettingId?: string | undefined;
	/** ListRunsInBatch(runId) answered. */
	settingKnown: boolean;
	failedTask?: string | undefined;
	/** ListRunTasks (and GetRunTask of its first failed task) answered. */
	taskKnown: boolean;
	inFlight: boolean;
	/** Aborts the lookup in flight: its run left the screen. */
	stop?: AbortController | undefined;
	error?: ErrorInfo | undefined;
	view?: RunEntryFacts | undefined;
}

/** Whether a run's facts need a lookup now. */
export function factsNeeded(state: FactsState | undefined, now: number): boolean {
	if (!state) return true;
	if (state.inFlight || (state.settingKnown && state.taskKnown)) return false;
	return state.error === undefined || now - state.error.at >= FACTS_RETRY_MS;
}

/** The facts as the UI reads them. */
export function factsView(state: FactsState): RunEntryFacts {
	return Object.freeze({
		loading: state.inFlight,
		...(state.runSettingId ? {runSettingId: state.runSettingId} : {}),
		...(state.failedTask ? {failedTask: state.failedTask} : {}),
		...(state.error ? {error: state.error} : {}),
	});
}

/** Keeps `map` to `max` entries, dropping the least recently used that `keep` does not hold on to. */
export function evictOldest<K, V>(map: Map<K, V>, max: number, keep: (value: V) => boolean): void {
	if (map.size <= max) return;
	for (const [key, value] of map) {
		if (map.size <= max) return;
		if (!keep(value)) map.delete(key);
	}
}

/** Marks a key as just used (a Map iterates in insertion order: oldest first). */
export function touch<K, V>(map: Map<K, V>, key: K, value: V): void {
	map.delete(key);
	map.set(key, value);
}
