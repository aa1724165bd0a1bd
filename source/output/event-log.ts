import {closeSync, constants, fstatSync, openSync, readSync, statSync, writeSync, type Stats} from 'node:fs';
import {sanitizeText} from '../domain/sanitize-text.js';
import {guardJson} from './output-guard.js';

// The --log file: NDJSON, one record per line, appended across runs. It must survive anything: a FIFO,
// a device or a directory given by mistake, a full disk, a crash halfway through a line, a log grown to
// gigabytes, and whatever a hostile backend (or a hand edit) managed to put in it.

/** The most readPreviousRun reads, counted back from the end of the log. */
export const PREVIOUS_RUN_MAX_BYTES = 8 * 1024 * 1024;
/** readPreviousRun reads the tail backwards in chunks of this size. */
export const PREVIOUS_RUN_CHUNK_BYTES = 64 * 1024;

const MAX_NAME_LENGTH = 128;
const MAX_STATUS_LENGTH = 64;
const MAX_TIME_LENGTH = 64;
const MAX_SHOWN_PATH_LENGTH = 256;
const BATCH_ID = /^\d{1,18}$/;
const NEWLINE = 0x0a;

// O_NONBLOCK: opening a FIFO never waits for the other end (a read open returns at once, a write open
// with no reader fails with ENXIO); regular files ignore the flag. O_NOCTTY: a terminal swapped in
// behind our back never becomes the controlling terminal. Both are 0 where the platform lacks them.
const NONBLOCK = (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const READ_FLAGS = constants.O_RDONLY | NONBLOCK;
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NONBLOCK;

/** The last state of one batch that a previous run wrote to the log. */
export interface LoggedBatch {
	readonly id: string;
	readonly name: string | null;
	readonly status: string;
	readonly totalRuns: number;
	/** Runs done (completed, failed or deleted; cancelled runs are not done): see doneRuns. */
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

export interface ReadPreviousRunOptions {
	/** At most this many bytes are read, from the end of the file (default PREVIOUS_RUN_MAX_BYTES). */
	readonly maxBytes?: number;
	/** Bytes per read call (default PREVIOUS_RUN_CHUNK_BYTES). */
	readonly chunkBytes?: number;
	/** The read call, injectable for tests (default fs.readSync). */
	readonly readSync?: (
		fd: number,
		buffer: Buffer,
		offset: number,
		length: number,
		position: number,
	) => number;
}

export interface EventLogOptions {
	/** Called once, with one line, when a write fails or comes up short; the log then writes nothing more. */
	readonly onWriteError?: (message: string) => void;
	/** The write call, injectable for tests (default fs.writeSync); it must return the bytes written. */
	readonly writeSync?: (fd: number, buffer: Buffer) => number;
}

type Json = Record<string, unknown>;

function closeQuietly(fd: number): void {
	try {
		closeSync(fd);
	} catch {
		// nothing to do: the descriptor is gone either way
	}
}

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);

/** A count read back from the log: a non-negative safe integer, anything else is 0. */
const count = (value: unknown): number =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value || 0 : 0;

/** A time read back from the log, or undefined when it is not a string of at most 64 that parses as a date. */
function loggedTime(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.length > 4 * MAX_TIME_LENGTH) return undefined;
	const time = sanitizeText(value);
	return time && time.length <= MAX_TIME_LENGTH && !Number.isNaN(Date.parse(time)) ? time : undefined;
}

/** One batch record read back from the log (untrusted), or undefined when it has no valid id or status. */
function logged(record: unknown, time: string): LoggedBatch | undefined {
	const id = field(record, 'id');
	const rawStatus = field(record, 'status');
	if (typeof id !== 'string' || !BATCH_ID.test(id) || typeof rawStatus !== 'string') return undefined;
	const status = sanitizeText(rawStatus, MAX_STATUS_LENGTH);
	if (!status) return undefined;
	const rawName = field(record, 'name');
	const runs = field(record, 'runSummary');
	const run = (key: string): number => count(field(runs, key));
	return {
		id,
		name: (typeof rawName === 'string' && sanitizeText(rawName, MAX_NAME_LENGTH)) || null,
		status,
		totalRuns: count(field(record, 'totalRuns')),
		// Done as doneRuns counts it (cancelled runs are not done), so "+N runs done" compares like with like.
		finished: count(run('completedRunCount') + run('failedRunCount') + run('deletedRunCount')),
		failed: count(
			run('failedRunCount') + count(field(field(record, 'submissionSummary'), 'failedStartSubmissionCount')),
		),
		time,
	};
}

function parseLine(text: string): Json | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return isObject(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

const positive = (value: number | undefined, fallback: number): number =>
	value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;

/**
 * The last state of every batch an earlier run logged, read from the tail of the NDJSON log only:
 * backwards in chunks from the end, at most `maxBytes` (PREVIOUS_RUN_MAX_BYTES) of it, into one buffer
 * of that size at most, so a 700 MB log costs no more. Complete lines only: the unterminated end of a
 * write cut short and the line the cap cuts through are skipped, as are lines that do not parse. The
 * newest record for a batch wins. Reading stops at the newest `summary` record: it holds every batch of
 * the run that wrote it, and everything older is that run's own events or earlier runs'. (So a batch
 * that only an earlier run watched is forgotten once a later run ends cleanly without it: the price of
 * not scanning megabytes at every start.) Everything read back is untrusted and sanitised. A missing
 * path, or one that is not a regular file (FIFO, device, directory), gives an empty result and is never
 * opened for reading; a read error keeps what was read before it. Never throws.
 */
export function readPreviousRun(path: string, options: ReadPreviousRunOptions = {}): PreviousRun {
	const batches = new Map<string, LoggedBatch>();
	let lastTime: string | undefined;
	const result = (): PreviousRun => ({...(lastTime ? {lastTime} : {}), batches});

	let stats: Stats | undefined;
	try {
		stats = statSync(path, {throwIfNoEntry: false});
	} catch {
		return result();
	}
	// Not a regular file: never opened here; the writer (EventLog) reports what it is.
	if (!stats?.isFile()) return result();
	let fd: number;
	try {
		fd = openSync(path, READ_FLAGS);
	} catch {
		return result();
	}

	/** Takes one complete line (newest first); true once reading can stop. */
	const take = (text: string): boolean => {
		const record = parseLine(text);
		if (!record) return false;
		const time = loggedTime(record['time']);
		if (time && !lastTime) lastTime = time;
		const list = record['batches'];
		const candidates = [record['batch'], ...(Array.isArray(list) ? (list as unknown[]) : [])];
		// Within one record a later entry wins, as it would have reading forwards.
		for (const candidate of candidates.reverse()) {
			const entry = logged(candidate, time ?? '');
			if (entry && !batches.has(entry.id)) batches.set(entry.id, entry);
		}
		return record['type'] === 'summary' && Array.isArray(list);
	};

	try {
		// Swapped for something else between stat and open: still nothing to read.
		const opened = fstatSync(fd);
		if (!opened.isFile()) return result();
		const read =
			options.readSync ??
			((file: number, into: Buffer, offset: number, length: number, position: number) =>
				readSync(file, into, offset, length, position));
		const chunkBytes = positive(options.chunkBytes, PREVIOUS_RUN_CHUNK_BYTES);
		const size = opened.size;
		const window = Math.min(size, positive(options.maxBytes, PREVIOUS_RUN_MAX_BYTES));
		// buffer[i] holds file byte base + i; chunks fill it from the end down to `filled`.
		const base = size - window;
		const buffer = Buffer.alloc(window);
		let filled = window;
		// The end (exclusive) of what is not yet consumed: everything from it on has been taken.
		let cursor = window;
		// Whether the newline that ends the last complete line has been found; bytes after it are torn.
		let ended = false;
		while (filled > 0) {
			const length = Math.min(chunkBytes, filled);
			const offset = filled - length;
			let got = 0;
			while (got < length) {
				const n = read(fd, buffer, offset + got, length - got, base + offset + got);
				if (!(n > 0)) break;
				got += n;
			}
			// The file shrank under us: keep what was taken from the part already read.
			if (got < length) return result();
			// Only the new chunk is searched: what lies between it and the cursor holds no newline.
			let limit = filled;
			filled = offset;
			for (;;) {
				const newline = limit > filled ? buffer.lastIndexOf(NEWLINE, limit - 1) : -1;
				if (newline < filled) break;
				if (ended && take(buffer.toString('utf8', newline + 1, cursor))) return result();
				ended = true;
				cursor = limit = newline;
			}
		}
		// The oldest line in the buffer is complete only if it starts the file; else the cap cut it.
		if (ended && base === 0 && cursor > 0) take(buffer.toString('utf8', 0, cursor));
	} catch {
		// A read error: what was taken before it stands.
	} finally {
		closeQuietly(fd);
	}
	return result();
}

/** Why a path is no log file, for a file that is not regular; undefined for a regular file. */
function notRegular(stats: Stats): string | undefined {
	if (stats.isFile()) return undefined;
	if (stats.isFIFO()) return 'it is a FIFO; give a regular file';
	if (stats.isDirectory()) return 'it is a directory';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device; give a regular file';
	if (stats.isSocket()) return 'it is a socket; give a regular file';
	return 'it is not a regular file';
}

function isNullDevice(stats: Stats): boolean {
	if (!stats.isCharacterDevice()) return false;
	try {
		const devNull = statSync('/dev/null');
		return devNull.isCharacterDevice() && devNull.rdev === stats.rdev;
	} catch {
		return false;
	}
}

const errorCode = (error: unknown): string => {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return sanitizeText(
		typeof code === 'string' && code ? code : error instanceof Error ? error.name : 'unknown error',
		32,
	);
};

function openReason(code: string): string {
	switch (code) {
		case 'ENOENT':
		case 'ENOTDIR':
			return 'its directory does not exist';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'it is a directory';
		case 'ENXIO':
			return 'it is a FIFO or socket; give a regular file';
		case 'EROFS':
			return 'its file system is read-only';
		case 'ELOOP':
			return 'too many symbolic links';
		case 'ENAMETOOLONG':
			return 'the name is too long';
		default:
			return `cannot open it (${code})`;
	}
}

/** True when the file's last byte is a newline (or cannot be read: then nothing is assumed). */
function endsWithNewline(path: string, written: Stats): boolean {
	let fd: number | undefined;
	try {
		fd = openSync(path, READ_FLAGS);
		const stats = fstatSync(fd);
		if (!stats.isFile() || stats.ino !== written.ino || stats.dev !== written.dev || stats.size === 0)
			return true;
		const last = Buffer.alloc(1);
		return readSync(fd, last, 0, 1, stats.size - 1) !== 1 || last[0] === NEWLINE;
	} catch {
		return true;
	} finally {
		if (fd !== undefined) closeQuietly(fd);
	}
}

/** Bytes read from the start of an existing file to see whether batchtop wrote it. */
const FIRST_LINE_MAX_BYTES = 64 * 1024;

/**
 * Whether a non-empty file starts with a batchtop record (a JSON object with a numeric `v` and a
 * string `type`). `--log /etc/passwd` by a slip of the keyboard must not append NDJSON to it.
 */
function startsAsBatchtopLog(path: string, written: Stats): boolean {
	let fd: number | undefined;
	try {
		fd = openSync(path, READ_FLAGS);
		const stats = fstatSync(fd);
		if (!stats.isFile() || stats.ino !== written.ino || stats.dev !== written.dev) return false;
		const head = Buffer.alloc(Math.min(FIRST_LINE_MAX_BYTES, stats.size));
		const read = readSync(fd, head, 0, head.length, 0);
		const text = head.subarray(0, read).toString('utf8');
		const newline = text.indexOf('\n');
		const record: unknown = JSON.parse(newline === -1 ? text : text.slice(0, newline));
		return (
			typeof record === 'object' &&
			record !== null &&
			typeof (record as {v?: unknown}).v === 'number' &&
			typeof (record as {type?: unknown}).type === 'string'
		);
	} catch {
		return false;
	} finally {
		if (fd !== undefined) closeQuietly(fd);
	}
}

/**
 * Appends events as NDJSON to a regular file. Opening never blocks: the path is checked before it is
 * opened (O_NONBLOCK, so a FIFO swapped in meanwhile cannot hang it either) and the open file again,
 * and anything but a regular file is refused with a LogFileError of one line. `/dev/null` is accepted
 * and means no log: nothing is opened or written. Each record goes out as one line in one write() on a
 * file opened for appending, so a crash or SIGKILL can cut the log short but never interleave lines. A
 * write that fails or comes up short (a full disk) is reported once through `onWriteError` and ends
 * the log: nothing more is written, so a half line is never followed by more lines. A log whose last
 * line was cut short by an earlier run gets a newline first, so the first new record stays whole. A
 * non-empty file whose first line is not a batchtop record is refused: it is someone else's file.
 * append() and close() never throw.
 */
export class EventLog {
	#fd: number | undefined;
	#failure: string | undefined;
	readonly #shownPath: string;
	readonly #write: (fd: number, buffer: Buffer) => number;
	readonly #onWriteError: ((message: string) => void) | undefined;

	constructor(
		readonly path: string,
		options: EventLogOptions = {},
	) {
		this.#shownPath = sanitizeText(path, MAX_SHOWN_PATH_LENGTH) || '""';
		this.#write = options.writeSync ?? ((fd, buffer) => writeSync(fd, buffer));
		this.#onWriteError = options.onWriteError;
		const refuse = (why: string) => new LogFileError(`cannot write --log ${this.#shownPath}: ${why}`);

		let before: Stats | undefined;
		try {
			before = statSync(path, {throwIfNoEntry: false});
		} catch (error) {
			throw refuse(openReason(errorCode(error)));
		}
		if (before && isNullDevice(before)) return;
		const wrong = before && notRegular(before);
		if (wrong) throw refuse(wrong);

		let fd: number;
		try {
			fd = openSync(path, APPEND_FLAGS);
		} catch (error) {
			throw refuse(openReason(errorCode(error)));
		}
		let opened: Stats;
		try {
			opened = fstatSync(fd);
		} catch (error) {
			closeQuietly(fd);
			throw refuse(`cannot open it (${errorCode(error)})`);
		}
		const swapped = notRegular(opened);
		if (swapped) {
			closeQuietly(fd);
			if (isNullDevice(opened)) return;
			throw refuse(swapped);
		}
		if (opened.size > 0 && !startsAsBatchtopLog(path, opened)) {
			closeQuietly(fd);
			throw refuse(
				'it holds something else (its first line is not a batchtop record); give a new file or one batchtop wrote',
			);
		}
		this.#fd = fd;
		if (opened.size > 0 && !endsWithNewline(path, opened)) this.#put(Buffer.from('\n'));
	}

	/** The one-line message of the write error that ended the log, if one did. */
	get writeError(): string | undefined {
		return this.#failure;
	}

	/** Appends one record as one line; after a write error, or once closed, does nothing. */
	append(record: Record<string, unknown>): void {
		if (this.#fd === undefined) return;
		let line: Buffer;
		try {
			line = Buffer.from(`${guardJson(record)}\n`);
		} catch {
			// A record JSON cannot carry (a cycle, a BigInt) is a bug upstream; the log skips it.
			return;
		}
		this.#put(line);
	}

	close(): void {
		const fd = this.#fd;
		this.#fd = undefined;
		// Closing an append-only log loses nothing that a failed close could save: errors are ignored.
		if (fd !== undefined) closeQuietly(fd);
	}

	#put(buffer: Buffer): void {
		const fd = this.#fd;
		if (fd === undefined) return;
		let problem: string | undefined;
		try {
			const written = this.#write(fd, buffer);
			if (written !== buffer.length) problem = `short write, ${String(written)} of ${buffer.length} bytes`;
		} catch (error) {
			problem = errorCode(error);
		}
		if (problem === undefined) return;
		this.close();
		this.#failure = sanitizeText(
			`--log ${this.#shownPath}: write failed (${problem}); nothing more is written to it, monitoring goes on`,
		);
		try {
			this.#onWriteError?.(this.#failure);
		} catch {
			// The reporter failing must not make append throw.
		}
	}
}
