import type {BatchSnapshot} from '../../poller/poller-state.js';

/** What is on screen, as far as time is concerned. */
export interface TimedScreen {
	/** Batches whose rows (with their data's age) the list shows; empty when no list is shown. */
	readonly listed: readonly BatchSnapshot[];
	/** The batch the panel or detail pane shows. */
	readonly selected: BatchSnapshot | undefined;
	readonly detailOpen: boolean;
	/** The help covers the panel. */
	readonly help: boolean;
}

/** Seconds are shown: the detail pane's "fetched Ns ago", a stale notice's "2m 05s ago, retry in 8s". */
export const SECONDS_MS = 1_000;
/** Ages in 10 s steps (list rows), elapsed times and stall warnings of active batches. */
export const AGES_MS = 10_000;

/**
 * How often the clock must tick so that every age on screen moves, or undefined when nothing shown
 * changes with time (then no timer runs). Pausing does not stop it: data gets older while paused.
 */
export function clockInterval(screen: TimedScreen): number | undefined {
	const selected = screen.selected;
	if (selected && !screen.help) {
		if (screen.detailOpen && selected.lastUpdated !== undefined) return SECONDS_MS;
		if (!screen.detailOpen && selected.lastError !== undefined) return SECONDS_MS;
		if (selected.view?.statusClass === 'active') return AGES_MS;
	}
	return screen.listed.some((batch) => batch.lastUpdated !== undefined) ? AGES_MS : undefined;
}

/** Whether the selected batch's spinner turns: only while it is active, its data fresh and polling not paused (animation means live). */
export function spinnerTurns(selected: BatchSnapshot | undefined, paused: boolean): boolean {
	return !paused && selected?.view?.statusClass === 'active' && selected.lastError === undefined;
}
