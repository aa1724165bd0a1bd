import type {PollerEvent} from './poller-state.js';

/** How many events the snapshot keeps for the timeline: a screen's worth many times over, and bounded. */
export const RECENT_EVENTS_LIMIT = 200;

/**
 * The ring of recent events after a tick's `events`: newest first, at most `limit`. Counters moving
 * (`counts-changed`) are left out: they happen on nearly every poll and say nothing a timeline needs.
 * Pure: the old ring is not changed.
 */
export function rememberEvents(
	ring: readonly PollerEvent[],
	events: readonly PollerEvent[],
	limit = RECENT_EVENTS_LIMIT,
): readonly PollerEvent[] {
	const kept = events.filter((event) => event.type !== 'counts-changed');
	if (kept.length === 0) return ring;
	return Object.freeze([...kept.reverse(), ...ring].slice(0, limit));
}
