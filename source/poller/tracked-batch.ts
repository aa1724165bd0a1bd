import type {BatchView} from '../domain/batch-view.js';
import type {CountSample} from '../domain/throughput.js';
import type {FailureLoader} from './failure-loader.js';
import type {BatchSnapshot, ErrorInfo, FailureDetail} from './poller-state.js';

/** The poller's mutable record of one watched batch; the outside world only sees its frozen snapshot. */
export interface Tracked {
	readonly id: string;
	view?: BatchView;
	lastUpdated?: number;
	lastError?: ErrorInfo;
	attempt: number;
	intervalMs?: number;
	nextDueAt: number;
	inFlight: boolean;
	done: boolean;
	history: CountSample[];
	failures?: {
		loader: FailureLoader;
		detail: FailureDetail;
		inFlight: boolean;
		/** Stops the page loop (stopFailures); set while it runs. */
		stop?: (() => void) | undefined;
		/** Failures read per kind at most (script watches bound what they read). */
		maxPerKind?: number;
	};
	snapshot?: BatchSnapshot;
	listing?: BatchSnapshot['listing'];
}

/** The immutable view of a tracked batch that snapshots hand out (built once per change). */
export function trackedSnapshot(tracked: Tracked): BatchSnapshot {
	return Object.freeze({
		id: tracked.id,
		...(tracked.view ? {view: tracked.view} : {}),
		...(tracked.lastUpdated === undefined ? {} : {lastUpdated: tracked.lastUpdated}),
		...(tracked.lastError ? {lastError: tracked.lastError} : {}),
		...(tracked.done || tracked.inFlight ? {} : {nextPollAt: tracked.nextDueAt}),
		polling: tracked.inFlight,
		done: tracked.done,
		history: Object.freeze([...tracked.history]),
		...(tracked.failures ? {failures: tracked.failures.detail} : {}),
		...(tracked.listing && !tracked.view ? {listing: tracked.listing} : {}),
	});
}
