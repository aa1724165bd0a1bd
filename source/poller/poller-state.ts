import type {BatchView} from '../domain/batch-view.js';
import type {CountSample} from '../domain/throughput.js';
import type {FailureGroup} from '../domain/failure-groups.js';
import type {Verdict} from '../domain/batch-verdict.js';
import type {OmicsErrorKind} from '../omics/omics-error.js';
import type {PauseSpan} from '../domain/paused-time.js';
import type {Operation, OperationRate} from './operation-budgets.js';

/** The last error for a batch (or a call), as the UI shows it. */
export interface ErrorInfo {
	readonly kind: OmicsErrorKind;
	readonly message: string;
	readonly at: number;
	readonly requestId?: string;
	readonly action?: string;
}

/** Failure reasons of one kind (failed submissions or failed runs), loaded lazily page by page. */
export interface FailureList {
	readonly groups: readonly FailureGroup[];
	/** Failures read so far. */
	readonly loaded: number;
	/** No more pages. */
	readonly complete: boolean;
}

export interface FailureDetail {
	readonly submissions: FailureList;
	readonly runs: FailureList;
	readonly loading: boolean;
	readonly error?: ErrorInfo;
}

/** Everything known about one watched batch; replaced, never mutated, when anything changes. */
export interface BatchSnapshot {
	readonly id: string;
	readonly view?: BatchView;
	/** When the view was last fetched successfully (epoch ms). */
	readonly lastUpdated?: number;
	/** The error of the latest attempt, if it failed: the view is then stale. */
	readonly lastError?: ErrorInfo;
	readonly nextPollAt?: number;
	readonly polling: boolean;
	/** Terminal and confirmed: no more polls. */
	readonly done: boolean;
	readonly history: readonly CountSample[];
	readonly failures?: FailureDetail;
	/** What ListBatch said (name, status, size), shown until the first GetBatch answers; sanitised. */
	readonly listing?: {readonly name: string; readonly status: string; readonly totalRuns: number};
}

/**
 * Pause spans a snapshot keeps. Older ones fall away: an outage spanning more pauses than this counts the
 * oldest as watched time, so it can only end a watch sooner, never hide an outage.
 */
export const MAX_PAUSE_SPANS = 1000;

/** The whole poller at one instant. */
export interface PollerSnapshot {
	readonly batches: readonly BatchSnapshot[];
	readonly paused: boolean;
	/**
	 * When the monitor was paused (the latest MAX_PAUSE_SPANS, oldest first): nothing was asked then, so
	 * that time does not count toward a stale clock.
	 */
	readonly pauses?: readonly PauseSpan[];
	/** Requests of the busiest operation granted per second, averaged over the last minute. */
	readonly requestsPerSecond: number;
	/** The busiest operation's budget: its sustained rate. */
	readonly budgetPerSecond: number;
	/** Requests the busiest operation's budget may save up on top of its rate (a burst); none when absent. */
	readonly requestBurst?: number;
	/** The operation whose budget is the most used (the three figures above are its own). */
	readonly busiestOperation?: Operation;
	/** Every operation's use of its own budget over the last minute. */
	readonly operations?: readonly OperationRate[];
	/** A credentials problem affects every batch; reported once here until a call succeeds. */
	readonly credentialsError?: ErrorInfo;
	readonly lastDiscoveryAt?: number;
	readonly discoveryError?: ErrorInfo;
	/** What happened lately, newest first and bounded (recent-events.ts): the timeline's entries. */
	readonly recentEvents?: readonly PollerEvent[];
}

export type PollerEvent =
	| {readonly type: 'batch-seen'; readonly id: string; readonly at: number; readonly status: string}
	| {
			readonly type: 'status-changed';
			readonly id: string;
			readonly at: number;
			readonly from: string;
			readonly to: string;
	  }
	| {readonly type: 'counts-changed'; readonly id: string; readonly at: number}
	| {
			readonly type: 'failure-appeared';
			readonly id: string;
			readonly at: number;
			readonly runs: number;
			readonly submissions: number;
	  }
	/** A page of failure reasons brought a group (reason and message shape) not seen before for the batch. */
	| {
			readonly type: 'failure-group';
			readonly id: string;
			readonly at: number;
			readonly kind: 'run' | 'submission';
			readonly reason: string;
			readonly message: string;
			readonly count: number;
	  }
	| {
			readonly type: 'batch-finished';
			readonly id: string;
			readonly at: number;
			readonly status: string;
			readonly verdict: Verdict;
	  }
	| {readonly type: 'batch-discovered'; readonly id: string; readonly at: number}
	/** The answer did not add up (another batch's id, counts out of range): shown, never hidden. */
	| {
			readonly type: 'anomaly';
			readonly id: string;
			readonly at: number;
			readonly anomalies: readonly string[];
	  }
	| {readonly type: 'error'; readonly id?: string; readonly at: number; readonly error: ErrorInfo}
	/** A batch (or, without an id, discovery's ListBatch) answers again after an error. */
	| {readonly type: 'recovered'; readonly id?: string; readonly at: number}
	| {readonly type: 'credentials-problem'; readonly at: number; readonly error: ErrorInfo};

export type PollerListener = (snapshot: PollerSnapshot, events: readonly PollerEvent[]) => void;
