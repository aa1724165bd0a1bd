/** Server-side times kept per operation: the most recent ones, enough for stable percentiles. */
const TIMES_KEPT = 4096;

/** Server time percentiles of one operation, in ms, over its last TIMES_KEPT requests. */
export interface ServerTimes {
	readonly p50: number;
	readonly p95: number;
	readonly max: number;
	readonly samples: number;
}

/**
 * Request counters behind `GET /__emulator/stats`: per operation and per status code since start or
 * reset, and how long the emulator took to answer (from request to response written, injected latency
 * excluded), so that benchmarks can tell the emulator's share from the client's.
 */
export class RequestStats {
	#since = Date.now();
	#total = 0;
	#byOperation = new Map<string, Map<number, number>>();
	#byStatus = new Map<number, number>();
	#times = new Map<string, {values: Float64Array; count: number}>();

	/** Counts one answered (or abandoned) request; `serverMs` is the time spent answering it. */
	record(operation: string, statusCode: number, serverMs?: number): void {
		if (serverMs !== undefined) {
			let times = this.#times.get(operation);
			if (!times) {
				times = {values: new Float64Array(TIMES_KEPT), count: 0};
				this.#times.set(operation, times);
			}
			times.values[times.count % TIMES_KEPT] = serverMs;
			times.count += 1;
		}
		this.#total += 1;
		let statuses = this.#byOperation.get(operation);
		if (!statuses) {
			statuses = new Map();
			this.#byOperation.set(operation, statuses);
		}
		statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
		this.#byStatus.set(statusCode, (this.#byStatus.get(statusCode) ?? 0) + 1);
	}

	reset(): void {
		this.#since = Date.now();
		this.#total = 0;
		this.#byOperation = new Map();
		this.#byStatus = new Map();
		this.#times = new Map();
	}

	/** A JSON-ready copy. */
	toJSON(): {
		since: string;
		total: number;
		byOperation: Record<string, {total: number; byStatus: Record<string, number>; serverMs?: ServerTimes}>;
		byStatus: Record<string, number>;
	} {
		const byOperation: Record<
			string,
			{total: number; byStatus: Record<string, number>; serverMs?: ServerTimes}
		> = {};
		for (const [operation, statuses] of this.#byOperation) {
			let total = 0;
			for (const count of statuses.values()) total += count;
			const times = this.#times.get(operation);
			byOperation[operation] = {
				total,
				byStatus: Object.fromEntries(statuses),
				...(times ? {serverMs: percentiles(times.values.slice(0, Math.min(times.count, TIMES_KEPT)))} : {}),
			};
		}
		return {
			since: new Date(this.#since).toISOString(),
			total: this.#total,
			byOperation,
			byStatus: Object.fromEntries(this.#byStatus),
		};
	}
}

function percentiles(values: Float64Array): ServerTimes {
	const sorted = values.sort();
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
	const round = (ms: number) => Math.round(ms * 1000) / 1000;
	return {p50: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)), samples: sorted.length};
}
