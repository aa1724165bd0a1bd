import {closeSync, existsSync, openSync, readFileSync, writeSync} from 'node:fs';

/** The last state of one batch that a previous run wrote to the log. */
export interface LoggedBatch {
	readonly id: string;
	readonly name: string | null;
	readonly status: string;
	readonly totalRuns: number;
	readonly finished: number;
	readonly failed: number;
	readonly time: string;
}

/** What an earlier run left in the log. */
export interface PreviousRun {
	readonly lastTime?: string;
	readonly batches: ReadonlyMap<string, LoggedBatch>;
}

/** Thrown when the log file cannot be opened for appending; the message names the file. */
export class LogFileError extends Error {}

type BatchRecordShape = {
	id?: string;
	name?: string | null;
	status?: string;
	totalRuns?: number;
	runSummary?: Record<string, number>;
	submissionSummary?: Record<string, number>;
};

function logged(record: BatchRecordShape, time: string): LoggedBatch | undefined {
	if (typeof record.id !== 'string' || typeof record.status !== 'string') return undefined;
	const runs = record.runSummary ?? {};
	return {
		id: record.id,
		name: record.name ?? null,
		status: record.status,
		totalRuns: record.totalRuns ?? 0,
		finished:
			(runs['completedRunCount'] ?? 0) +
			(runs['failedRunCount'] ?? 0) +
			(runs['cancelledRunCount'] ?? 0) +
			(runs['deletedRunCount'] ?? 0),
		failed: (runs['failedRunCount'] ?? 0) + (record.submissionSummary?.['failedStartSubmissionCount'] ?? 0),
		time,
	};
}

/** Reads the last state of every batch from an NDJSON log; lines that do not parse are skipped. */
export function readPreviousRun(path: string): PreviousRun {
	if (!existsSync(path)) return {batches: new Map()};
	const batches = new Map<string, LoggedBatch>();
	let lastTime: string | undefined;
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		let record: {time?: string; batch?: BatchRecordShape; batches?: BatchRecordShape[]};
		try {
			record = JSON.parse(line) as typeof record;
		} catch {
			continue;
		}
		const time = typeof record.time === 'string' ? record.time : '';
		if (time) lastTime = time;
		for (const candidate of [record.batch, ...(record.batches ?? [])]) {
			const entry = candidate ? logged(candidate, time) : undefined;
			if (entry) batches.set(entry.id, entry);
		}
	}
	return {...(lastTime ? {lastTime} : {}), batches};
}

/**
 * Appends events as NDJSON. Each line goes out in one write() on a file opened for appending, so a
 * crash or SIGKILL can cut the log short but never leave half a line.
 */
export class EventLog {
	readonly #fd: number;

	constructor(readonly path: string) {
		try {
			this.#fd = openSync(path, 'a');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const why =
				code === 'ENOENT'
					? 'its directory does not exist'
					: code === 'EACCES'
						? 'permission denied'
						: code === 'EISDIR'
							? 'it is a directory'
							: String(code ?? error);
			throw new LogFileError(`cannot write --log ${path}: ${why}`);
		}
	}

	append(record: Record<string, unknown>): void {
		writeSync(this.#fd, Buffer.from(`${JSON.stringify(record)}\n`));
	}

	close(): void {
		closeSync(this.#fd);
	}
}
