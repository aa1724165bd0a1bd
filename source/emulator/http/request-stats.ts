/** Request counters behind `GET /__emulator/stats`: per operation and per status code since start or reset. */
export class RequestStats {
	#since = Date.now();
	#total = 0;
	#byOperation = new Map<string, Map<number, number>>();
	#byStatus = new Map<number, number>();

	/** Counts one answered (or abandoned) request. */
	record(operation: string, statusCode: number): void {
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
	}

	/** A JSON-ready copy. */
	toJSON(): {
		since: string;
		total: number;
		byOperation: Record<string, {total: number; byStatus: Record<string, number>}>;
		byStatus: Record<string, number>;
	} {
		const byOperation: Record<string, {total: number; byStatus: Record<string, number>}> = {};
		for (const [operation, statuses] of this.#byOperation) {
			let total = 0;
			for (const count of statuses.values()) total += count;
			byOperation[operation] = {total, byStatus: Object.fromEntries(statuses)};
		}
		return {
			since: new Date(this.#since).toISOString(),
			total: this.#total,
			byOperation,
			byStatus: Object.fromEntries(this.#byStatus),
		};
	}
}
