/**
 * GetBatch's runSummary is eventually consistent in the service; this keeps recent count
 * snapshots so the emulator can report the counts of a moment `ms` ago.
 */
export class RunSummaryLag {
	readonly #snapshots: Array<{time: number; counts: Int32Array}> = [];

	constructor(readonly ms: number) {}

	get enabled(): boolean {
		return this.ms > 0;
	}

	/** Remembers the counts at `time` (only when lag is on). */
	record(time: number, counts: Int32Array): void {
		if (!this.enabled) return;
		const last = this.#snapshots.at(-1);
		if (last && last.time === time) {
			last.counts = counts.slice();
		} else {
			this.#snapshots.push({time, counts: counts.slice()});
		}
		// Keep only what a read at `time` or later can still need: the newest snapshot at or before time - ms, and after.
		const horizon = time - this.ms;
		while (this.#snapshots.length > 1 && (this.#snapshots[1]?.time ?? Infinity) <= horizon)
			this.#snapshots.shift();
	}

	/** The newest remembered counts at or before `now - ms` (all zero when none is that old). */
	countsAsOf(now: number): Int32Array {
		const horizon = now - this.ms;
		let found: Int32Array | undefined;
		for (const snapshot of this.#snapshots) {
			if (snapshot.time <= horizon) found = snapshot.counts;
			else break;
		}
		return found ? found.slice() : new Int32Array(9);
	}
}
