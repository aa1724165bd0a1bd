export interface BackoffOptions {
	readonly baseMs: number;
	readonly capMs: number;
}

/**
 * Exponential backoff with full jitter (a uniform wait in [0, min(cap, base × 2^attempt)]), never
 * shorter than the service's Retry-After when it sent one.
 */
export function backoffDelayMs(
	attempt: number,
	options: BackoffOptions,
	random: () => number,
	retryAfterMs?: number,
): number {
	const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
	const jittered = random() * ceiling;
	return Math.max(retryAfterMs ?? 0, jittered);
}
