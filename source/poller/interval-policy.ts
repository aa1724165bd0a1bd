/** The poll interval range, from `--interval MIN[:MAX]`. */
export interface IntervalBounds {
	readonly minMs: number;
	readonly maxMs: number;
}

export const DEFAULT_INTERVAL: IntervalBounds = {minMs: 5_000, maxMs: 60_000};

/** How fast a quiet batch's interval grows: ×1.5 per unchanged poll, from MIN to MAX in a handful of polls. */
export const GROWTH = 1.5;

/** The wait before the next poll: short right after a change, growing while nothing changes. */
export function nextPollInterval(
	previousMs: number | undefined,
	changed: boolean,
	bounds: IntervalBounds,
): number {
	if (changed || previousMs === undefined) return bounds.minMs;
	return Math.min(bounds.maxMs, Math.max(bounds.minMs, previousMs * GROWTH));
}

/** Wait after a 404/403/400 for one batch: slow, so a typo'd id does not spend the shared budget. */
export function slowInterval(bounds: IntervalBounds): number {
	return Math.max(bounds.maxMs * 2, 60_000);
}
