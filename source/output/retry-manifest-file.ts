import {randomBytes} from 'node:crypto';
import {open, rename, stat, unlink, type FileHandle} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

/**
 * A JSON array written one element per line into a temporary file beside `path`, renamed over `path`
 * only once complete and flushed: a reader (or a StartRunBatch started from it) never sees half a
 * manifest, and an interrupted write leaves the previous file, if any, as it was.
 */
export interface AtomicJsonArray {
	/** Appends one element, already JSON. */
	add(json: string): Promise<void>;
	/** Closes the array, flushes it to disk and renames it into place. */
	commit(): Promise<void>;
	/** Drops the temporary file; `path` is left untouched. */
	abort(): Promise<void>;
}

/** Why `path` cannot take the manifest (a missing directory, a directory in its place), or undefined. */
export async function manifestPathProblem(path: string): Promise<string | undefined> {
	const directory = dirname(path);
	try {
		if (!(await stat(directory)).isDirectory()) return `${directory} is not a directory`;
	} catch {
		return `directory ${directory} does not exist`;
	}
	try {
		if ((await stat(path)).isDirectory()) return `${path} is a directory`;
	} catch {
		// Absent: it will be created.
	}
	return undefined;
}

/** Opens the temporary file of `path`'s next version; fs errors (EACCES, ENOSPC…) reject as they are. */
export async function openAtomicJsonArray(path: string): Promise<AtomicJsonArray> {
	const temporary = join(
		dirname(path),
		`.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
	);
	const file: FileHandle = await open(temporary, 'wx', 0o644);
	let count = 0;
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		await file.close();
	};
	try {
		await file.write('[');
	} catch (error) {
		await close();
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
	return {
		async add(json) {
			await file.write(`${count === 0 ? '\n' : ',\n'}\t${json}`);
			count++;
		},
		async commit() {
			try {
				await file.write(count === 0 ? ']\n' : '\n]\n');
				await file.sync();
				await close();
				await rename(temporary, path);
			} catch (error) {
				await close().catch(() => undefined);
				await unlink(temporary).catch(() => undefined);
				throw error;
			}
		},
		async abort() {
			await close().catch(() => undefined);
			await unlink(temporary).catch(() => undefined);
		},
	};
}
