/** The poll interval range, from `--interval MIN[:MAX]`. */
export interface IntervalBounds {
	readonly minMs: number;
	readonly maxMs: number;
}

export const DEFAULT_INTERVAL: IntervalBounds = {minMs: 5_000, maxMs: 60_000};

/** How fast a quiet batch's interval grows: ×1.5 per poll without news, from MIN to MAX in a handful of polls. */
export const GROWTH = 1.5;

/**
 * The wait before the next poll: MIN right after news (a status change, the first failure), growing while
 * there is none, progress included, so a status change is seen within MAX at worst.
 */
export function nextPollInterval(
	previousMs: number | undefined,
	notable: boolean,
	bounds: IntervalBounds,
): number {
	if (notable || previousMs === undefined) return bounds.minMs;
	return Math.min(bounds.maxMs, Math.max(bounds.minMs, previousMs * GROWTH));
}

/** Wait after a 404/403/400 for one batch: slow, so a typo'd id does not spend the shared budget. */
export function slowInterval(bounds: IntervalBounds): number {
	return Math.max(bounds.maxMs * 2, 60_000);
}
