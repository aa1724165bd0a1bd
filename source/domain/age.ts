/**
 * How old something fetched at `at` is at `now`, in ms; never negative. The render's clock and a
 * snapshot's fetch time come from different moments (a snapshot can be newer than the last tick), so
 * a fetch "in the future" is simply fresh.
 */
export function ageMs(now: number, at: number): number {
	return Math.max(0, now - at);
}
