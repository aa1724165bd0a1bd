/** A span of time during which the monitor was paused; `to` is absent while it still is. */
export interface PauseSpan {
	readonly from: number;
	readonly to?: number;
}

/** Milliseconds of the span [from, to] that were spent paused (a pause still on counts up to `to`). */
export function pausedWithin(spans: readonly PauseSpan[], from: number, to: number): number {
	let total = 0;
	for (const span of spans) {
		const start = Math.max(span.from, from);
		const end = Math.min(span.to ?? to, to);
		if (end > start) total += end - start;
	}
	return total;
}
