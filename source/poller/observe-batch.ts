import {batchVerdict, failureCount} from '../domain/batch-verdict.js';
import type {BatchView} from '../domain/batch-view.js';
import type {CountSample} from '../domain/throughput.js';
import type {PollerEvent} from './poller-state.js';

/** What one successful poll means, given what was known before. Pure. */
export interface Observation {
	/** Any count or status moved. */
	readonly changed: boolean;
	/**
	 * Something a user waits for: first sight, a status change, the first failure. Progress alone is not:
	 * a 100,000-run batch moves on every poll for a day, and polling it every MIN seconds for that
	 * would spend the budget on numbers nobody needs by the second.
	 */
	readonly notable: boolean;
	readonly events: PollerEvent[];
}

/** Compares a new view with the previous one and names what happened. */
export function observeBatch(
	previous: BatchView | undefined,
	next: BatchView,
	previousSample: CountSample | undefined,
	nextSample: CountSample,
	at: number,
): Observation {
	const id = next.id;
	const anomaly: PollerEvent[] =
		next.anomalies.length > 0 && next.anomalies.join('\n') !== previous?.anomalies.join('\n')
			? [{type: 'anomaly', id, at, anomalies: next.anomalies}]
			: [];
	if (!previous)
		return {
			changed: true,
			notable: true,
			events: [{type: 'batch-seen', id, at, status: next.status}, ...anomaly],
		};
	const events: PollerEvent[] = [...anomaly];
	const changed = previousSample?.signature !== nextSample.signature;
	if (previous.status !== next.status)
		events.push({type: 'status-changed', id, at, from: previous.status, to: next.status});
	if (changed) events.push({type: 'counts-changed', id, at});
	const newRuns = next.runs.failed - previous.runs.failed;
	const newSubmissions = next.submissions.failed - previous.submissions.failed;
	if (failureCount(next) > failureCount(previous) && (newRuns > 0 || newSubmissions > 0)) {
		events.push({
			type: 'failure-appeared',
			id,
			at,
			runs: Math.max(0, newRuns),
			submissions: Math.max(0, newSubmissions),
		});
	}
	if (next.statusClass === 'terminal' && previous.statusClass !== 'terminal') {
		events.push({type: 'batch-finished', id, at, status: next.status, verdict: batchVerdict(next)});
	}
	// The first failure is news; in a batch that fails 1% of its runs, the next ones arrive on most polls
	// and would keep polling at MIN for the whole batch (they still appear, at the grown interval).
	const firstFailure = failureCount(previous) === 0 && failureCount(next) > 0;
	const notable = previous.status !== next.status || firstFailure;
	return {changed, notable, events};
}
