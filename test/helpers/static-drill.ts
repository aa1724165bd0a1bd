import type {
	DrillDownHandle,
	FailureEntry,
	FailureEntryWindow,
	RunEntryFacts,
	RunView,
} from '../../source/poller/drill-down-state.js';

/**
 * A drill-down stand-in for component tests, as StaticPoller is for the poller: entries, facts and run
 * views the test sets, and a record of what the UI asked for.
 */
export class StaticDrill implements DrillDownHandle {
	readonly requests: string[] = [];
	readonly #entries = new Map<string, FailureEntry[]>();
	readonly #facts = new Map<string, RunEntryFacts>();
	readonly #runs = new Map<string, RunView>();
	readonly #listeners = new Set<() => void>();
	#version = 0;

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	version(): number {
		return this.#version;
	}

	/** Sets a group's entries (kind and key as in the batch's failure groups) and notifies the UI. */
	setEntries(kind: 'submission' | 'run', key: string, entries: FailureEntry[]): void {
		this.#entries.set(`${kind}|${key}`, entries);
		this.#changed();
	}

	setFacts(runId: string, facts: RunEntryFacts): void {
		this.#facts.set(runId, facts);
		this.#changed();
	}

	setRun(view: RunView): void {
		this.#runs.set(view.runId, view);
		this.#changed();
	}

	failureEntries(
		_batchId: string,
		kind: 'submission' | 'run',
		key: string,
		start: number,
		count: number,
	): FailureEntryWindow {
		const all = this.#entries.get(`${kind}|${key}`) ?? [];
		return {entries: all.slice(start, start + count), loaded: all.length};
	}

	wantEntryFacts(_batchId: string, runIds: readonly string[]): void {
		this.requests.push(`facts:${runIds.join(',')}`);
	}

	entryFacts(runId: string): RunEntryFacts | undefined {
		return this.#facts.get(runId);
	}

	openRun(_batchId: string, runId: string): void {
		this.requests.push(`open:${runId}`);
	}

	closeRun(runId: string): void {
		this.requests.push(`close:${runId}`);
	}

	runView(runId: string): RunView | undefined {
		return this.#runs.get(runId);
	}

	loadOlderLines(runId: string, streamArn: string): void {
		this.requests.push(`older:${runId}:${streamArn}`);
	}

	#changed(): void {
		this.#version += 1;
		for (const listener of this.#listeners) listener();
	}
}
