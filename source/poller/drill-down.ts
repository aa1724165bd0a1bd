import {setMaxListeners} from 'node:events';
import {toOmicsError} from '../omics/omics-error.js';
import {DEFAULT_TAIL_LINES, type RunDetailApi} from '../omics/run-detail-api.js';
import type {FailureLoader} from './failure-loader.js';
import type {Operation, OperationBudgets} from './operation-budgets.js';
import type {ErrorInfo} from './poller-state.js';
import {errorInfo} from './retry-policy.js';
import type {DrillDownHandle, FailureEntryWindow, RunEntryFacts, RunView} from './drill-down-state.js';
import {
	ENTRY_FACTS_CONCURRENCY,
	MAX_ENTRY_FACTS,
	evictOldest,
	factsNeeded,
	factsView,
	touch,
	type FactsState,
} from './drill-down-facts.js';
import {MAX_LOG_LINES, logBusy, newLog, prependOlder, type LogState} from './drill-down-log.js';
import {MAX_FAILED_TASKS, MAX_RUN_VIEWS, newRun, runView, type RunState} from './drill-down-run.js';

export type * from './drill-down-state.js';

export interface DrillDownOptions {
	readonly budgets: OperationBudgets;
	readonly detail: RunDetailApi;
	/** A watched batch's failure loader, once its failures have been asked for. */
	readonly loaderOf: (batchId: string) => FailureLoader | undefined;
	/** The poller's notifications: failure entries arrive with them. */
	readonly subscribePoller: (listener: () => void) => () => void;
	/** Aborted when the poller stops. */
	readonly signal: AbortSignal;
	/** Lines of a log read per page (the tail, and each older page); DEFAULT_TAIL_LINES. */
	readonly tailLines?: number;
}

/** Batches whose entry counts are watched for changes (the ones the UI read entries of last). */
const WATCHED_BATCHES = 8;

const NOT_ASKED: RunEntryFacts = Object.freeze({loading: true});

/**
 * The drill-down's data: failure entries from the batch's FailureLoader, facts looked up for the
 * entries on screen, and run views (GetRun, failed tasks, log tails). Every call is a 'low' priority
 * request on its operation's budget, so pausing the poller stops it and polling is never starved.
 */
export class DrillDown implements DrillDownHandle {
	readonly #options: DrillDownOptions;
	readonly #listeners = new Set<() => void>();
	#version = 0;
	#notifyQueued = false;
	#unsubscribePoller: (() => void) | undefined;
	/** Batch id → failures its loader had when the UI last read its entries. */
	readonly #entryCounts = new Map<string, number>();
	readonly #facts = new Map<string, FactsState>();
	/** Runs wanted on screen whose lookup has not started, in the order asked. */
	#queue: string[] = [];
	#queued = new Set<string>();
	#queueBatch = '';
	#factsInFlight = 0;
	readonly #runs = new Map<string, RunState>();

	readonly #tailLines: number;

	constructor(options: DrillDownOptions) {
		this.#options = options;
		this.#tailLines = options.tailLines ?? DEFAULT_TAIL_LINES;
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		// Only while someone listens: an idle poller is not made to notify for nobody.
		this.#unsubscribePoller ??= this.#options.subscribePoller(() => this.#pollerChanged());
		return () => {
			this.#listeners.delete(listener);
			if (this.#listeners.size === 0) {
				this.#unsubscribePoller?.();
				this.#unsubscribePoller = undefined;
			}
		};
	}

	version(): number {
		return this.#version;
	}

	failureEntries(
		batchId: string,
		kind: 'submission' | 'run',
		groupKey: string,
		start: number,
		count: number,
	): FailureEntryWindow {
		const loader = this.#options.loaderOf(batchId);
		touch(this.#entryCounts, batchId, loader?.loaded ?? 0);
		evictOldest(this.#entryCounts, WATCHED_BATCHES, () => false);
		return loader ? loader.entries(kind, groupKey, start, count) : {entries: [], loaded: 0};
	}

	wantEntryFacts(batchId: string, runIds: readonly string[]): void {
		const now = Date.now();
		this.#queueBatch = batchId;
		this.#queue = [];
		this.#queued = new Set();
		// A lookup whose run left the screen stops: while the budget holds it back, it has sent nothing.
		const wanted = new Set(runIds);
		for (const [runId, state] of this.#facts)
			if (state.inFlight && (!wanted.has(runId) || state.batchId !== batchId)) state.stop?.abort();
		for (const runId of runIds) {
			const state = this.#facts.get(runId);
			if (state) touch(this.#facts, runId, state);
			if (this.#queued.has(runId) || !factsNeeded(state, now)) continue;
			this.#queue.push(runId);
			this.#queued.add(runId);
		}
		this.#pumpFacts();
	}

	entryFacts(runId: string): RunEntryFacts | undefined {
		const state = this.#facts.get(runId);
		if (state) return (state.view ??= factsView(state));
		return this.#queued.has(runId) ? NOT_ASKED : undefined;
	}

	openRun(batchId: string, runId: string): void {
		let state = this.#runs.get(runId);
		if (!state || state.batchId !== batchId) state = newRun(batchId, runId);
		touch(this.#runs, runId, state);
		evictOldest(this.#runs, MAX_RUN_VIEWS, (run) => run.controller !== undefined);
		if (state.controller) return;
		const controller = new AbortController();
		state.controller = controller;
		state.pending = 0;
		const signal = AbortSignal.any([this.#options.signal, controller.signal]);
		setMaxListeners(0, signal);
		const known = this.#facts.get(runId);
		if (!state.settingKnown && known?.settingKnown) {
			state.settingKnown = true;
			state.runSettingId = known.runSettingId;
		}
		this.#runChanged(state);
		this.#part(state, signal, () => this.#loadRunDetail(state, signal));
		if (!state.settingKnown) this.#part(state, signal, () => this.#loadRunSetting(state, signal));
		this.#part(state, signal, () => this.#loadTasks(state, signal));
	}

	closeRun(runId: string): void {
		const state = this.#runs.get(runId);
		if (!state?.controller) return;
		state.controller.abort();
		state.controller = undefined;
		state.pending = 0;
		this.#runChanged(state);
	}

	runView(runId: string): RunView | undefined {
		const state = this.#runs.get(runId);
		if (!state) return undefined;
		return (state.view ??= runView(state));
	}

	loadOlderLines(runId: string, streamArn: string): void {
		const state = this.#runs.get(runId);
		const controller = state?.controller;
		if (!state || !controller) return;
		const log = [state.engineLog, ...[...state.tasks.values()].map((task) => task.log)].find(
			(candidate) => candidate?.streamArn === streamArn,
		);
		if (!log?.started || log.complete || logBusy(log) || !log.olderToken || log.lines.length >= MAX_LOG_LINES)
			return;
		const signal = AbortSignal.any([this.#options.signal, controller.signal]);
		this.#part(state, signal, () => this.#readOlder(state, log, signal));
	}

	/** One request on its operation's budget, at low priority (polling goes first). */
	#call<T>(operation: Operation, signal: AbortSignal, request: () => Promise<T>): Promise<T> {
		return this.#options.budgets.run(operation, 'low', signal, request);
	}

	/** Runs one part of a run view, counted as loading while the view that started it is open. */
	#part(state: RunState, signal: AbortSignal, load: () => Promise<void>): void {
		const controller = state.controller;
		state.pending += 1;
		this.#runChanged(state);
		void load().finally(() => {
			if (state.controller === controller && !signal.aborted) state.pending -= 1;
			this.#runChanged(state);
		});
	}

	async #loadRunDetail(state: RunState, signal: AbortSignal): Promise<void> {
		if (!state.run) {
			const error = await this.#attempt(signal, 'GetRun', async () => {
				state.run = await this.#call('GetRun', signal, () =>
					this.#options.detail.getRunDetail(state.runId, signal),
				);
			});
			if (error !== 'aborted') state.runError = error;
			this.#runChanged(state);
		}
		const stream = state.run?.engineLogStream;
		if (!stream) return;
		state.engineLog ??= newLog(stream);
		await this.#readTail(state, state.engineLog, signal);
	}

	async #loadRunSetting(state: RunState, signal: AbortSignal): Promise<void> {
		const error = await this.#attempt(signal, 'ListRunsInBatch', async () => {
			state.runSettingId = await this.#call('ListRunsInBatch', signal, () =>
				this.#options.detail.runSettingIdOf(state.batchId, state.runId, signal),
			);
			state.settingKnown = true;
		});
		if (error !== 'aborted') state.settingError = error;
	}

	async #loadTasks(state: RunState, signal: AbortSignal): Promise<void> {
		if (!state.taskIds) {
			const error = await this.#attempt(signal, 'ListRunTasks', async () => {
				const page = await this.#call('ListRunTasks', signal, () =>
					this.#options.detail.failedTaskIdsPage(state.runId, undefined, signal),
				);
				state.taskIds = Object.freeze(page.items.slice(0, MAX_FAILED_TASKS));
			});
			if (error !== 'aborted') state.tasksError = error;
			this.#runChanged(state);
		}
		await Promise.all(
			(state.taskIds ?? []).map(async (taskId) => {
				let task = state.tasks.get(taskId);
				if (!task) {
					task = {taskId};
					state.tasks.set(taskId, task);
				}
				const entry = task;
				if (!entry.task) {
					const error = await this.#attempt(signal, 'GetRunTask', async () => {
						entry.task = await this.#call('GetRunTask', signal, () =>
							this.#options.detail.getTask(state.runId, taskId, signal),
						);
					});
					if (error !== 'aborted') entry.error = error;
					this.#runChanged(state);
				}
				const stream = entry.task?.logStream;
				if (!stream) return;
				entry.log ??= newLog(stream);
				await this.#readTail(state, entry.log, signal);
			}),
		);
	}

	/** The newest DEFAULT_TAIL_LINES of a log, once. */
	async #readTail(state: RunState, log: LogState, signal: AbortSignal): Promise<void> {
		if (log.started || logBusy(log)) return;
		log.busy = signal;
		this.#runChanged(state);
		const error = await this.#attempt(signal, 'GetLogEvents', async () => {
			const tail = await this.#call('GetLogEvents', signal, () =>
				this.#options.detail.logTail(log.streamArn, {limit: this.#tailLines}, signal),
			);
			log.lines = Object.freeze([...tail.lines]);
			log.olderToken = tail.olderToken;
			log.complete = tail.olderToken === undefined;
			log.started = true;
		});
		if (log.busy === signal) log.busy = undefined;
		if (error !== 'aborted') log.error = error;
	}

	/** The page before the oldest line read, put before it; an empty page or a repeated token is the stream's start. */
	async #readOlder(state: RunState, log: LogState, signal: AbortSignal): Promise<void> {
		const token = log.olderToken;
		log.busy = signal;
		this.#runChanged(state);
		const error = await this.#attempt(signal, 'GetLogEvents', async () => {
			const page = await this.#call('GetLogEvents', signal, () =>
				this.#options.detail.logTail(
					log.streamArn,
					{limit: this.#tailLines, ...(token ? {olderToken: token} : {})},
					signal,
				),
			);
			const before = log.lines.length;
			log.lines = Object.freeze(prependOlder(page.lines, log.lines));
			const repeated = page.olderToken === undefined || page.olderToken === token;
			// Nothing new (only the boundary again) is the start as well: never a loop of empty pages.
			log.complete = page.lines.length === 0 || repeated || log.lines.length === before;
			log.olderToken = log.complete ? undefined : page.olderToken;
		});
		if (log.busy === signal) log.busy = undefined;
		if (error !== 'aborted') log.error = error;
	}

	/** Runs a step; its failure as ErrorInfo, 'aborted' when the view closed or the poller stopped, undefined when it worked. */
	async #attempt(
		signal: AbortSignal,
		operation: Operation,
		step: () => Promise<void>,
	): Promise<ErrorInfo | 'aborted' | undefined> {
		try {
			await step();
			return undefined;
		} catch (error) {
			if (signal.aborted) return 'aborted';
			return errorInfo(toOmicsError(error, operation), Date.now());
		}
	}

	#pumpFacts(): void {
		const now = Date.now();
		while (this.#factsInFlight < ENTRY_FACTS_CONCURRENCY && this.#queue.length > 0) {
			const runId = this.#queue.shift() ?? '';
			this.#queued.delete(runId);
			if (!factsNeeded(this.#facts.get(runId), now)) continue;
			void this.#lookUpFacts(this.#queueBatch, runId);
		}
	}

	/** One run's entry facts: ListRunsInBatch(runId) beside ListRunTasks(FAILED) then GetRunTask of the first. */
	async #lookUpFacts(batchId: string, runId: string): Promise<void> {
		const previous = this.#facts.get(runId);
		const state: FactsState =
			previous?.batchId === batchId
				? previous
				: {batchId, settingKnown: false, taskKnown: false, inFlight: false};
		state.inFlight = true;
		state.error = undefined;
		touch(this.#facts, runId, state);
		evictOldest(this.#facts, MAX_ENTRY_FACTS, (facts) => facts.inFlight);
		this.#factsInFlight += 1;
		this.#factsChanged(state);
		const stop = new AbortController();
		state.stop = stop;
		const signal = AbortSignal.any([this.#options.signal, stop.signal]);
		setMaxListeners(0, signal);
		const detail = this.#options.detail;
		const errors = await Promise.all([
			state.settingKnown
				? undefined
				: this.#attempt(signal, 'ListRunsInBatch', async () => {
						state.runSettingId = await this.#call('ListRunsInBatch', signal, () =>
							detail.runSettingIdOf(batchId, runId, signal),
						);
						state.settingKnown = true;
						this.#factsChanged(state);
					}),
			state.taskKnown
				? undefined
				: this.#attempt(signal, 'ListRunTasks', async () => {
						const page = await this.#call('ListRunTasks', signal, () =>
							detail.failedTaskIdsPage(runId, undefined, signal),
						);
						const taskId = page.items[0];
						if (taskId !== undefined) {
							const task = await this.#call('GetRunTask', signal, () =>
								detail.getTask(runId, taskId, signal),
							);
							state.failedTask = task.name ?? task.taskId;
						}
						state.taskKnown = true;
					}),
		]);
		const error = errors.find((found): found is ErrorInfo => found !== undefined && found !== 'aborted');
		state.inFlight = false;
		state.stop = undefined;
		state.error = error;
		this.#factsInFlight -= 1;
		this.#factsChanged(state);
		if (!this.#options.signal.aborted) this.#pumpFacts();
	}

	#factsChanged(state: FactsState): void {
		state.view = undefined;
		this.#changed();
	}

	#runChanged(state: RunState): void {
		state.view = undefined;
		this.#changed();
	}

	/** New entries loaded for a batch the UI reads: a change of its windows. */
	#pollerChanged(): void {
		let moved = false;
		for (const [batchId, count] of this.#entryCounts) {
			const loaded = this.#options.loaderOf(batchId)?.loaded ?? 0;
			if (loaded !== count) {
				this.#entryCounts.set(batchId, loaded);
				moved = true;
			}
		}
		if (moved) this.#changed();
	}

	/** A version bump; listeners hear of this tick's changes once. */
	#changed(): void {
		this.#version += 1;
		if (this.#notifyQueued || this.#listeners.size === 0) return;
		this.#notifyQueued = true;
		queueMicrotask(() => {
			this.#notifyQueued = false;
			for (const listener of this.#listeners) listener();
		});
	}
}
