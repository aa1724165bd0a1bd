import type {OmicsError} from '../omics/omics-error.js';
import {backoffDelayMs} from './backoff.js';
import {slowInterval, type IntervalBounds} from './interval-policy.js';
import type {ErrorInfo} from './poller-state.js';

/** The error as snapshots carry it. */
export function errorInfo(error: OmicsError, at: number): ErrorInfo {
	return {
		kind: error.kind,
		message: error.message,
		at,
		action: error.action,
		...(error.details.requestId ? {requestId: error.details.requestId} : {}),
	};
}

/** Errors that are about who is asking, not about one batch: reported once for the whole poller. */
export function isCredentialProblem(error: OmicsError): boolean {
	return (
		error.kind === 'expired-credentials' || error.kind === 'no-credentials' || error.kind === 'no-region'
	);
}

/**
 * How long until a batch whose poll failed is tried again: throttling and outages back off
 * exponentially with full jitter (never sooner than a Retry-After), credentials problems wait the
 * longest interval, and 404/403/400 slow that batch right down so it cannot spend the shared budget.
 */
export function retryDelayMs(
	error: OmicsError,
	attempt: number,
	bounds: IntervalBounds,
	random: () => number,
): number {
	const backoff = {baseMs: 1000, capMs: bounds.maxMs};
	if (error.kind === 'throttled') return backoffDelayMs(attempt, backoff, random, error.details.retryAfterMs);
	if (
		error.kind === 'unavailable' ||
		error.kind === 'bad-response' ||
		error.kind === 'tls' ||
		error.kind === 'unknown'
	)
		return backoffDelayMs(attempt, backoff, random);
	if (isCredentialProblem(error)) return bounds.maxMs;
	return slowInterval(bounds);
}
