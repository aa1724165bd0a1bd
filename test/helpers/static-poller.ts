import {toBatchView} from '../../source/domain/batch-view.js';
import {sampleOf} from '../../source/domain/throughput.js';
import type {RawBatch} from '../../source/domain/raw-batch.js';
import type {BatchSnapshot, PollerSnapshot} from '../../source/poller/poller-state.js';
import type {PollerHandle} from '../../source/ui/hooks/use-poller-snapshot.js';
import type {DrillDownHandle} from '../../source/poller/drill-down-state.js';

/** A poller stand-in for component tests: a snapshot the test sets, and a record of what the UI asked for. */
export class StaticPoller implements PollerHandle {
	readonly requests: string[] = [];
	paused = false;
	/** The drill-down's data, when a test gives one. */
	drill: DrillDownHandle | undefined;
	#snapshot: PollerSnapshot = {batches: [], paused: false, requestsPerSecond: 0, budgetPerSecond: 2};
	readonly #listeners = new Set<() => void>();

	snapshot(): PollerSnapshot {
		return this.#snapshot;
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Replaces the batches (and anything else) and notifies the UI. */
	set(batches: BatchSnapshot[], extra: Partial<PollerSnapshot> = {}): void {
		this.#snapshot = {...this.#snapshot, ...extra, batches, paused: this.paused};
		for (const listener of this.#listeners) listener();
	}

	refresh(id?: string): void {
		this.requests.push(`refresh:${id ?? 'all'}`);
	}
	pause(): void {
		this.paused = true;
		this.requests.push('pause');
		this.set([...this.#snapshot.batches]);
	}
	resume(): void {
		this.paused = false;
		this.requests.push('resume');
		this.set([...this.#snapshot.batches]);
	}
	loadFailures(id: string): void {
		this.requests.push(`failures:${id}`);
	}
	stopFailures(id: string): void {
		this.requests.push(`stop-failures:${id}`);
	}
}

/** A batch snapshot built from a GetBatch-like object, as the poller would make it. */
export function batchSnapshot(
	raw: RawBatch,
	extra: Partial<BatchSnapshot> = {},
	at = Date.now(),
): BatchSnapshot {
	const view = toBatchView(raw, raw.id);
	return {
		id: view.id,
		view,
		lastUpdated: at,
		polling: false,
		done: view.statusClass === 'terminal',
		history: [sampleOf(view, at)],
		...extra,
	};
}
