import {setMaxListeners} from 'node:events';
import {toBatchView, type BatchView} from '../domain/batch-view.js';
import {sampleOf} from '../domain/throughput.js';
import {sanitizeText} from '../domain/sanitize-text.js';
import {safeCount} from '../domain/safe-count.js';
import {toOmicsError, type OmicsError} from '../omics/omics-error.js';
import type {BatchApi, BatchFilter} from '../omics/batch-api.js';
import type {RunDetailApi} from '../omics/run-detail-api.js';
import {errorInfo, isCredentialProblem, retryDelayMs} from './retry-policy.js';
import {discoverBatches} from './discover-batches.js';
import {DueQueue} from './due-queue.js';
import {FailureLoader} from './failure-loader.js';
import {DrillDown} from './drill-down.js';
import {SnapshotList} from './snapshot-list.js';
import {trackedSnapshot, type Tracked} from './tracked-batch.js';
import {DEFAULT_INTERVAL, nextPollInterval, type IntervalBounds} from './interval-policy.js';
import {observeBatch} from './observe-batch.js';
import {OperationBudgets, busiestOperation, defaultBudgets, type Operation} from './operation-budgets.js';
import {rememberEvents} from './recent-events.js';
import {
	MAX_PAUSE_SPANS,
	type ErrorInfo,
	type FailureDetail,
	type PollerEvent,
	type PollerListener,
	type PollerSnapshot,
} from './poller-state.js';
import type {PauseSpan} from '../domain/paused-time.js';

/** The span the request rate is averaged over (the budget keeps a minute of grants). */
export const REQUEST_RATE_WINDOW_MS = 60_000;

export interface DiscoveryOptions {
	readonly filter: BatchFilter;
	/** Also watch batches that have already finished (`--all`). */
	readonly includeFinished: boolean;
	readonly intervalMs: number;
}

export interface PollerOptions {
	readonly api: BatchApi;
	readonly batchIds?: readonly string[];
	readonly interval?: IntervalBounds;
	/** GetBatch and ListBatch (polling) requests per second (`--max-rps`). */
	readonly maxRequestsPerSecond?: number;
	/** Other operations' budgets (TPS), over their defaults (defaultBudgets). */
	readonly budgets?: Partial<Record<Operation, number>>;
	/** Watch what ListBatch finds, picking up new batches as they appear. */
	readonly discovery?: DiscoveryOptions;
	/** Samples kept per batch for throughput and stall detection. */
	readonly historyLimit?: number;
	readonly random?: () => number;
	/** GetRun, ListRunTasks, GetRunTask and Logs for the drill-down (`drill`); none without it. */
	readonly detail?: RunDetailApi;
}

/**
 * One scheduler for every watched batch. Each batch has its own next-due time and adaptive
 * interval; each operation has its own budget (operation-budgets.ts), so polling and failure loading
 * do not starve each other; results become immutable snapshots and events,
 * delivered to listeners once per tick.
 */
export class BatchPoller {
	readonly #api: BatchApi;
	readonly #bounds: IntervalBounds;
	readonly #budgets: OperationBudgets;
	readonly #discovery?: DiscoveryOptions;
	readonly #historyLimit: number;
	readonly #random: () => number;
	readonly #tracked = new Map<string, Tracked>();
	readonly #removed = new Set<string>();
	readonly #listeners = new Set<PollerListener>();
	readonly #abort = new AbortController();
	#events: PollerEvent[] = [];
	/** The timeline's events, newest first (rememberEvents), delivered in every snapshot. */
	#recent: readonly PollerEvent[] = [];
	#flushTimer: NodeJS.Timeout | undefined;
	#tickTimer: NodeJS.Timeout | undefined;
	/** Watched batches by when they are next due: a scan of every batch per request grew with their number. */
	readonly #due = new DueQueue<Tracked>(
		(tracked, at) =>
			this.#tracked.get(tracked.id) === tracked &&
			!tracked.inFlight &&
			!tracked.done &&
			tracked.nextDueAt === at,
	);
	/** Each tracked batch's place in the watch order: batches due at the same instant go in that order. */
	readonly #ranks = new WeakMap<Tracked, number>();
	#nextRank = 0;
	#running = false;
	#paused = false;
	readonly #pauses: PauseSpan[] = [];
	#credentialsError?: ErrorInfo;
	#discoveryDueAt = 0;
	#discoveryInFlight = false;
	#discoveryAttempt = 0;
	#lastDiscoveryAt?: number;
	#discoveryError?: ErrorInfo;
	#snapshot?: PollerSnapshot;
	/** The snapshot's batch list, rebuilt from the batches that changed only. */
	readonly #list = new SnapshotList<Tracked>();
	/** The drill-down's data, on this poller's budgets (paused and stopped with it); with `detail` only. */
	readonly drill: DrillDown | undefined;

	/** The account's budgets, one per operation: what else the monitor asks (a retry manifest) shares them. */
	get budgets(): OperationBudgets {
		return this.#budgets;
	}

	/** Aborted when the poller stops: work started beside it ends with it. */
	get signal(): AbortSignal {
		return this.#abort.signal;
	}

	constructor(options: PollerOptions) {
		this.#api = options.api;
		this.#bounds = options.interval ?? DEFAULT_INTERVAL;
		this.#budgets = new OperationBudgets(
			{...defaultBudgets(options.maxRequestsPerSecond ?? 2), ...options.budgets},
			{maxInFlight: options.api.maxConcurrent},
		);
		if (options.discovery) this.#discovery = options.discovery;
		this.#historyLimit = options.historyLimit ?? 240;
		this.#random = options.random ?? Math.random;
		// Every waiting and in-flight request listens to this one signal: with many batches that is
		// legitimately more than Node's default warning threshold of 10.
		setMaxListeners(0, this.#abort.signal);
		for (const id of options.batchIds ?? []) this.#track(id);
		this.drill = options.detail
			? new DrillDown({
					budgets: this.#budgets,
					detail: options.detail,
					loaderOf: (batchId) => this.#tracked.get(batchId)?.failures?.loader,
					subscribePoller: (listener) => this.subscribe(listener),
					signal: this.#abort.signal,
				})
			: undefined;
	}

	/** Starts polling (due batches at once). */
	start(): void {
		if (this.#running) return;
		this.#running = true;
		this.#schedule();
	}

	/** Stops every timer and abandons requests in flight; the poller cannot be restarted. */
	stop(): void {
		this.#running = false;
		this.#abort.abort();
		this.#budgets.close();
		if (this.#tickTimer) clearTimeout(this.#tickTimer);
		if (this.#flushTimer) clearTimeout(this.#flushTimer);
	}

	/** Listens to snapshots and the events that led to them; returns the unsubscribe function. */
	subscribe(listener: PollerListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** The current state. */
	snapshot(): PollerSnapshot {
		this.#snapshot ??= this.#buildSnapshot();
		return this.#snapshot;
	}

	/** Starts watching more batches. */
	add(ids: readonly string[]): void {
		for (const id of ids) {
			this.#removed.delete(id);
			this.#track(id);
		}
		this.#changed();
		this.#schedule();
	}

	/** Stops watching a batch (discovery will not bring it back). */
	remove(id: string): void {
		if (this.#tracked.delete(id)) this.#list.removed();
		this.#removed.add(id);
		this.#changed();
	}

	/** Polls one batch (or all) as soon as the budget allows; repeated calls coalesce into one request each. */
	refresh(id?: string): void {
		const now = Date.now();
		for (const tracked of id === undefined
			? this.#tracked.values()
			: [this.#tracked.get(id)].filter((t): t is Tracked => t !== undefined)) {
			tracked.done = false;
			tracked.nextDueAt = Math.min(tracked.nextDueAt, now);
			this.#fileDue(tracked);
		}
		if (id === undefined && this.#discovery) this.#discoveryDueAt = now;
		this.#schedule();
	}

	pause(): void {
		if (this.#paused) return;
		this.#paused = true;
		this.#pauses.push({from: Date.now()});
		if (this.#pauses.length > MAX_PAUSE_SPANS) this.#pauses.shift();
		this.#budgets.pause();
		if (this.#tickTimer) clearTimeout(this.#tickTimer);
		this.#changed();
	}

	resume(): void {
		if (!this.#paused) return;
		this.#paused = false;
		const last = this.#pauses.pop();
		if (last) this.#pauses.push({from: last.from, to: Date.now()});
		this.#budgets.resume();
		this.#changed();
		this.#schedule();
	}

	get paused(): boolean {
		return this.#paused;
	}

	/**
	 * Loads a batch's failure reasons page after page, each call as fast as its operation's budget
	 * allows, until every failure the batch counts is listed, stopFailures is called or a call fails
	 * (calling again retries). A kind with `maxPerKind` failures read is not read further. Pausing
	 * the monitor pauses the budgets, so nothing is sent until resume.
	 */
	loadFailures(id: string, maxPerKind?: number): void {
		const tracked = this.#tracked.get(id);
		if (!tracked?.view || tracked.failures?.inFlight) return;
		const previous = tracked.failures?.detail;
		const loader = tracked.failures?.loader ?? this.#failureLoader(tracked);
		const stop = new AbortController();
		const signal = AbortSignal.any([this.#abort.signal, stop.signal]);
		setMaxListeners(0, signal);
		const entry: NonNullable<Tracked['failures']> = {
			loader,
			detail: loader.detail(true),
			inFlight: true,
			stop: () => stop.abort(),
			...(maxPerKind === undefined ? {} : {maxPerKind}),
		};
		tracked.failures = entry;
		this.#dirty(tracked);
		void this.#loadPages(tracked, entry, previous, signal).finally(() => {
			entry.inFlight = false;
			entry.stop = undefined;
			if (this.#tracked.get(id) === tracked) this.#dirty(tracked);
		});
	}

	/** Stops loading a batch's failure reasons (its detail pane closed); what has loaded stays. */
	stopFailures(id: string): void {
		this.#tracked.get(id)?.failures?.stop?.();
	}

	/** The page loop of loadFailures: pages until the counts GetBatch gives are listed. */
	async #loadPages(
		tracked: Tracked,
		entry: NonNullable<Tracked['failures']>,
		previous: FailureDetail | undefined,
		signal: AbortSignal,
	): Promise<void> {
		let before = previous;
		try {
			for (;;) {
				const view = tracked.view;
				if (!view) return;
				const counts = {submissions: view.submissions.failed, runs: view.runs.failed};
				await entry.loader.loadMore(counts, signal, entry.maxPerKind);
				if (signal.aborted) return;
				const loading = !this.#failuresDone(tracked, entry);
				entry.detail = entry.loader.detail(loading);
				this.#newFailureGroups(tracked.id, before, entry.detail);
				before = entry.detail;
				this.#dirty(tracked);
				if (!loading) return;
			}
		} catch (error) {
			if ((error as Error).name === 'AbortError') {
				entry.detail = entry.loader.detail(false);
				return;
			}
			entry.detail = {
				...entry.loader.detail(false),
				error: errorInfo(toOmicsError(error, 'ListRuns'), Date.now()),
			};
		}
	}

	/**
	 * Whether a batch's failure listing has nothing more to read: each kind listed to its end (or to
	 * maxPerKind). A kind the batch counts more of than its list holds is listed again by `l`
	 * (loadMore), not here: that count can run ahead of the listings, and re-listing forever would spend
	 * the budgets on nothing.
	 */
	#failuresDone(tracked: Tracked, entry: NonNullable<Tracked['failures']>): boolean {
		const view = tracked.view;
		if (!view) return true;
		const detail = entry.loader.detail(true);
		const done = (list: {loaded: number; complete: boolean}, count: number) =>
			count === 0 || list.complete || list.loaded >= (entry.maxPerKind ?? Number.POSITIVE_INFINITY);
		return done(detail.submissions, view.submissions.failed) && done(detail.runs, view.runs.failed);
	}

	/** Events for the failure groups a page brought that the batch did not have before (for the timeline). */
	#newFailureGroups(
		id: string,
		before: FailureDetail | undefined,
		after: Omit<FailureDetail, 'error'>,
	): void {
		const at = Date.now();
		for (const kind of ['submission', 'run'] as const) {
			const list = kind === 'run' ? 'runs' : 'submissions';
			const known = new Set(before?.[list].groups.map((group) => group.key));
			for (const group of after[list].groups)
				if (!known.has(group.key))
					this.#events.push({
						type: 'failure-group',
						id,
						at,
						kind,
						reason: group.reason,
						message: group.message,
						count: group.count,
					});
		}
	}

	/** A batch's failure loader, whose progress (each failed run's reason) shows while a page loads. */
	#failureLoader(tracked: Tracked): FailureLoader {
		const loader = new FailureLoader(this.#api, this.#budgets, tracked.id, () => {
			const entry = tracked.failures;
			if (this.#tracked.get(tracked.id) !== tracked || entry?.loader !== loader || !entry.inFlight) return;
			entry.detail = loader.detail(true);
			this.#dirty(tracked);
		});
		return loader;
	}

	#track(id: string): void {
		if (this.#tracked.has(id)) return;
		const tracked: Tracked = {id, attempt: 0, nextDueAt: 0, inFlight: false, done: false, history: []};
		this.#tracked.set(id, tracked);
		this.#list.added(tracked);
		this.#ranks.set(tracked, this.#nextRank++);
		this.#fileDue(tracked);
	}

	/** Files a batch under its next due time; stale entries are dropped when they surface, or all at once here. */
	#fileDue(tracked: Tracked): void {
		if (this.#due.size > 4 * this.#tracked.size + 1024) {
			this.#due.clear();
			for (const each of this.#tracked.values())
				if (each !== tracked) this.#due.push(each, each.nextDueAt, this.#ranks.get(each) ?? 0);
		}
		this.#due.push(tracked, tracked.nextDueAt, this.#ranks.get(tracked) ?? 0);
	}

	/** Arms the single timer for the earliest due batch (or discovery). */
	#schedule(): void {
		if (!this.#running || this.#paused) return;
		if (this.#tickTimer) clearTimeout(this.#tickTimer);
		let due = this.#discovery && !this.#discoveryInFlight ? this.#discoveryDueAt : Number.POSITIVE_INFINITY;
		due = Math.min(due, this.#due.nextAt());
		if (due === Number.POSITIVE_INFINITY) return;
		this.#tickTimer = setTimeout(() => this.#tick(), Math.max(0, due - Date.now()));
	}

	#tick(): void {
		if (!this.#running || this.#paused) return;
		const now = Date.now();
		if (this.#discovery && !this.#discoveryInFlight && this.#discoveryDueAt <= now)
			void this.#discover(this.#discovery);
		// Earliest first (the watch order among equals); #poll marks each in flight before the next pops.
		for (let tracked = this.#due.popDue(now); tracked; tracked = this.#due.popDue(now))
			void this.#poll(tracked);
		this.#schedule();
	}

	async #poll(tracked: Tracked): Promise<void> {
		tracked.inFlight = true;
		this.#dirty(tracked);
		try {
			const signal = this.#abort.signal;
			const raw = await this.#budgets.run('GetBatch', 'high', signal, () =>
				this.#api.getBatch(tracked.id, signal),
			);
			if (this.#tracked.get(tracked.id) === tracked) this.#succeeded(tracked, toBatchView(raw, tracked.id));
		} catch (error) {
			if ((error as Error).name === 'AbortError' || !this.#running) return;
			if (this.#tracked.get(tracked.id) === tracked)
				this.#failed(tracked, toOmicsError(error, 'GetBatch', `batch ${tracked.id}`));
		} finally {
			tracked.inFlight = false;
			if (this.#running) {
				this.#fileDue(tracked);
				this.#dirty(tracked);
				this.#schedule();
			}
		}
	}

	#succeeded(tracked: Tracked, view: BatchView): void {
		const now = Date.now();
		const sample = sampleOf(view, now);
		const previous = tracked.view;
		const observation = observeBatch(previous, view, tracked.history.at(-1), sample, now);
		for (const event of observation.events) this.#events.push(event);
		if (tracked.lastError) this.#events.push({type: 'recovered', id: tracked.id, at: now});
		if (this.#credentialsError) this.#credentialsError = undefined;
		tracked.view = view;
		tracked.lastUpdated = now;
		tracked.lastError = undefined;
		tracked.attempt = 0;
		tracked.history.push(sample);
		if (tracked.history.length > this.#historyLimit)
			tracked.history.splice(0, tracked.history.length - this.#historyLimit);
		if (view.statusClass === 'terminal') {
			// One confirming poll after the first terminal sighting, then none.
			tracked.done = previous?.status === view.status;
			tracked.intervalMs = this.#bounds.minMs;
		} else {
			tracked.intervalMs = nextPollInterval(tracked.intervalMs, observation.notable, this.#bounds);
		}
		tracked.nextDueAt = tracked.done ? Number.POSITIVE_INFINITY : now + tracked.intervalMs;
	}

	#failed(tracked: Tracked, error: OmicsError): void {
		const now = Date.now();
		const info = errorInfo(error, now);
		if (tracked.lastError?.kind !== info.kind)
			this.#events.push({type: 'error', id: tracked.id, at: now, error: info});
		tracked.lastError = info;
		tracked.attempt += 1;
		if (error.kind === 'throttled' && error.details.retryAfterMs !== undefined) {
			// The quota is the account's: every GetBatch waits out the service's Retry-After.
			this.#budgets.holdUntil('GetBatch', now + error.details.retryAfterMs);
		}
		if (isCredentialProblem(error)) {
			if (!this.#credentialsError) this.#events.push({type: 'credentials-problem', at: now, error: info});
			this.#credentialsError = info;
		}
		const delay = retryDelayMs(error, tracked.attempt, this.#bounds, this.#random);
		tracked.nextDueAt = now + Math.max(delay, 50);
	}

	async #discover(options: DiscoveryOptions): Promise<void> {
		this.#discoveryInFlight = true;
		let retryInMs = options.intervalMs;
		try {
			const listings = await discoverBatches(this.#api, this.#budgets, options, this.#abort.signal);
			const now = Date.now();
			this.#lastDiscoveryAt = now;
			if (this.#discoveryError) this.#events.push({type: 'recovered', at: now});
			this.#discoveryError = undefined;
			this.#credentialsError = undefined;
			this.#discoveryAttempt = 0;
			for (const listing of listings) {
				if (this.#tracked.has(listing.id) || this.#removed.has(listing.id)) continue;
				this.#track(listing.id);
				const tracked = this.#tracked.get(listing.id);
				// Rows can show the name and status at once; the counts follow with the batch's GetBatch.
				if (tracked) {
					tracked.listing = {
						name: sanitizeText(listing.name, 128),
						status: sanitizeText(listing.status, 64) || 'UNKNOWN',
						totalRuns: safeCount(listing.totalRuns),
					};
				}
				this.#events.push({type: 'batch-discovered', id: listing.id, at: now});
			}
		} catch (error) {
			if ((error as Error).name === 'AbortError' || !this.#running) return;
			// Never silent: a refused or failing ListBatch is an event and a snapshot field, and a
			// credentials problem stops scripts like a failing GetBatch does.
			const now = Date.now();
			const omicsError = toOmicsError(error, 'ListBatch');
			const info = errorInfo(omicsError, now);
			if (this.#discoveryError?.kind !== info.kind) this.#events.push({type: 'error', at: now, error: info});
			this.#discoveryError = info;
			this.#discoveryAttempt += 1;
			if (isCredentialProblem(omicsError)) {
				if (!this.#credentialsError) this.#events.push({type: 'credentials-problem', at: now, error: info});
				this.#credentialsError = info;
			}
			if (omicsError.kind === 'throttled' && omicsError.details.retryAfterMs !== undefined)
				this.#budgets.holdUntil('ListBatch', now + omicsError.details.retryAfterMs);
			retryInMs = Math.min(
				options.intervalMs,
				Math.max(50, retryDelayMs(omicsError, this.#discoveryAttempt, this.#bounds, this.#random)),
			);
		} finally {
			this.#discoveryInFlight = false;
			this.#discoveryDueAt = Date.now() + retryInMs;
			if (this.#running) {
				this.#changed();
				this.#schedule();
			}
		}
	}

	#dirty(tracked: Tracked): void {
		tracked.snapshot = undefined;
		this.#list.changed(tracked);
		this.#changed();
	}

	/** Coalesces every change in this tick into one notification. */
	#changed(): void {
		this.#snapshot = undefined;
		if (this.#flushTimer || this.#listeners.size === 0) return;
		this.#flushTimer = setTimeout(() => {
			this.#flushTimer = undefined;
			const events = this.#events;
			this.#events = [];
			const recent = rememberEvents(this.#recent, events);
			if (recent !== this.#recent) {
				this.#recent = recent;
				this.#snapshot = undefined;
			}
			const snapshot = this.snapshot();
			for (const listener of this.#listeners) listener(snapshot, events);
		}, 0);
	}

	/** Each operation's use of its budget, and the busiest one's figures as the header shows them. */
	#rates(): Pick<
		PollerSnapshot,
		'requestsPerSecond' | 'budgetPerSecond' | 'requestBurst' | 'busiestOperation' | 'operations'
	> {
		// A minute, not 10 s: over 10 s the start-up burst alone reads as twice the rate.
		const operations = this.#budgets.rates(REQUEST_RATE_WINDOW_MS);
		const busiest = busiestOperation(operations, REQUEST_RATE_WINDOW_MS);
		return {
			requestsPerSecond: busiest?.requestsPerSecond ?? 0,
			budgetPerSecond: busiest?.budgetPerSecond ?? 0,
			requestBurst: busiest?.burst ?? 0,
			...(busiest ? {busiestOperation: busiest.operation} : {}),
			operations: Object.freeze(operations.map((rate) => Object.freeze(rate))),
		};
	}

	#buildSnapshot(): PollerSnapshot {
		const batches = this.#list.build(this.#tracked.values(), (tracked) => {
			tracked.snapshot ??= trackedSnapshot(tracked);
			return tracked.snapshot;
		});
		return Object.freeze({
			batches,
			paused: this.#paused,
			...(this.#pauses.length > 0 ? {pauses: Object.freeze([...this.#pauses])} : {}),
			...this.#rates(),
			...(this.#credentialsError ? {credentialsError: this.#credentialsError} : {}),
			...(this.#lastDiscoveryAt === undefined ? {} : {lastDiscoveryAt: this.#lastDiscoveryAt}),
			...(this.#discoveryError ? {discoveryError: this.#discoveryError} : {}),
			recentEvents: this.#recent,
		});
	}
}
