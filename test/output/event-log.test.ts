import {execFileSync, spawn} from 'node:child_process';
import {
	appendFileSync,
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readSync,
	statSync,
	writeFileSync,
	writeSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {
	EventLog,
	LogFileError,
	PREVIOUS_RUN_MAX_BYTES,
	readPreviousRun,
	type ReadPreviousRunOptions,
} from '../../source/output/event-log.js';

const root = mkdtempSync(join(tmpdir(), 'batchtop-event-log-'));
let fileCount = 0;
const tempPath = (name = 'log.ndjson'): string => {
	fileCount += 1;
	const dir = join(root, String(fileCount));
	mkdirSync(dir);
	return join(dir, name);
};

afterAll(() => {
	execFileSync('rm', ['-rf', root]);
});

// An OSC 52 clipboard write, an 8-bit CSI, an 8-bit OSC and a right-to-left override.
const HOSTILE = '\u001b]52;c;SGVsbG8=\u0007evil\u009b31m\u009d0;pwned\u0007\u202Egnp.exe';
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/;

const batch = (
	id: unknown,
	status: unknown,
	extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
	id,
	name: `batch ${String(id)}`,
	status,
	totalRuns: 10,
	runSummary: {completedRunCount: 3, failedRunCount: 1, cancelledRunCount: 0, deletedRunCount: 0},
	submissionSummary: {failedStartSubmissionCount: 2},
	...extra,
});
const event = (time: string, record: Record<string, unknown>) =>
	JSON.stringify({v: 1, time, type: 'progress', batch: record});
const summary = (time: string, records: Array<Record<string, unknown>>) =>
	JSON.stringify({v: 1, time, type: 'summary', exitCode: 0, reason: 'quit', batches: records});
const writeLines = (path: string, lines: string[]): void =>
	writeFileSync(path, lines.map((l) => `${l}\n`).join(''));

/** readPreviousRun with a counter of the bytes it read. */
function countingRead(path: string, options: ReadPreviousRunOptions = {}) {
	let bytes = 0;
	const spy: NonNullable<ReadPreviousRunOptions['readSync']> = (fd, buffer, offset, length, position) => {
		const n = readSync(fd, buffer, offset, length, position);
		bytes += n;
		return n;
	};
	const previous = readPreviousRun(path, {...options, readSync: spy});
	return {previous, bytes};
}

/** Appends into a FIFO would block forever without O_NONBLOCK; this rescuer ends such a hang after 2 s. */
function fifoWithRescuer(): {path: string; stop: () => void} {
	const path = tempPath('fifo');
	execFileSync('mkfifo', [path]);
	// Opening read-write never blocks on Linux and unblocks any blocked reader or writer; a blocked
	// reader then waits for EOF until the rescuer exits.
	const rescuer = spawn('sh', ['-c', 'sleep 2; exec 3<>"$1"; sleep 1', 'sh', path], {stdio: 'ignore'});
	return {path, stop: () => rescuer.kill()};
}

describe('EventLog.append', () => {
	it('writes each record as one complete line in exactly one write call', () => {
		const path = tempPath();
		const write = vi.fn((fd: number, buffer: Buffer) => writeSync(fd, buffer));
		const log = new EventLog(path, {writeSync: write});
		const records = [
			{type: 'seen', n: 1},
			{type: 'progress', text: 'x'.repeat(100_000)},
			{type: 'summary', batches: []},
		];
		for (const record of records) log.append(record);
		log.close();
		expect(write).toHaveBeenCalledTimes(records.length);
		write.mock.calls.forEach(([, buffer], index) => {
			const text = buffer.toString('utf8');
			expect(text.indexOf('\n')).toBe(text.length - 1);
			expect(JSON.parse(text)).toEqual(records[index]);
		});
		expect(readFileSync(path, 'utf8')).toBe(write.mock.calls.map(([, buffer]) => buffer.toString()).join(''));
	});

	it('appends lines to a real file that parse back, with hostile text removed', () => {
		const path = tempPath();
		writeFileSync(path, `${JSON.stringify({v: 1, type: 'old'})}\n`);
		const log = new EventLog(path);
		log.append({type: 'seen', batch: batch('1234567', 'RUNNING', {name: HOSTILE}), [HOSTILE]: HOSTILE});
		log.append({type: 'status', id: '1234567', from: 'RUNNING', to: 'PROCESSED'});
		log.close();
		const text = readFileSync(path, 'utf8');
		expect(text.endsWith('\n')).toBe(true);
		const lines = text.trimEnd().split('\n');
		expect(lines).toHaveLength(3);
		const decoded = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(decoded[0]).toEqual({v: 1, type: 'old'});
		const dump = JSON.stringify(decoded);
		expect(dump).not.toMatch(UNSAFE);
		expect(dump).not.toContain('52;c');
		expect(dump).not.toContain('pwned');
		expect((decoded[1]?.['batch'] as Record<string, unknown>)['name']).toBe('evilgnp.exe');
		expect(decoded[2]).toMatchObject({to: 'PROCESSED'});
	});

	it('reports a short write once, then writes nothing more and never throws', () => {
		const path = tempPath();
		const onWriteError = vi.fn();
		const write = vi.fn((_fd: number, buffer: Buffer) => buffer.length - 1);
		const log = new EventLog(path, {writeSync: write, onWriteError});
		expect(() => {
			log.append({n: 1});
			log.append({n: 2});
			log.append({n: 3});
		}).not.toThrow();
		expect(write).toHaveBeenCalledTimes(1);
		expect(onWriteError).toHaveBeenCalledTimes(1);
		const message = String(onWriteError.mock.calls[0]?.[0]);
		expect(message).toMatch(/^--log .*log\.ndjson: write failed \(short write.*nothing more is written/);
		expect(message).not.toMatch(/[\n\r]/);
		expect(log.writeError).toBe(message);
		expect(() => {
			log.close();
			log.close();
		}).not.toThrow();
	});

	it('reports a failing write (ENOSPC) once, then writes nothing more and never throws', () => {
		const path = tempPath();
		const onWriteError = vi.fn(() => {
			throw new Error('the reporter itself fails');
		});
		const write = vi.fn((): number => {
			throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
		});
		const log = new EventLog(path, {writeSync: write, onWriteError});
		expect(() => {
			for (let n = 0; n < 5; n += 1) log.append({n});
		}).not.toThrow();
		expect(write).toHaveBeenCalledTimes(1);
		expect(onWriteError).toHaveBeenCalledTimes(1);
		const message = String((onWriteError.mock.calls[0] as unknown[] | undefined)?.[0]);
		expect(message).toContain('write failed (ENOSPC)');
		expect(message).not.toMatch(/[\n\r]/);
		expect(readFileSync(path, 'utf8')).toBe('');
		expect(() => {
			log.close();
			log.close();
		}).not.toThrow();
	});

	it.each([
		['a password file', 'root:x:0:0:root:/root:/bin/bash\nhello\n'],
		['JSON that is not a batchtop record', '{"name": "package"}\n'],
		['text with no newline', 'notes'],
	])('refuses a file that holds something else (%s) and leaves it as it was', (_what, content) => {
		const path = tempPath();
		writeFileSync(path, content);
		expect(() => new EventLog(path)).toThrow(
			new LogFileError(
				`cannot write --log ${path}: it holds something else (its first line is not a batchtop record); give a new file or one batchtop wrote`,
			),
		);
		expect(readFileSync(path, 'utf8')).toBe(content);
	});

	it('starts on a new line after a line an earlier run left cut short', () => {
		const path = tempPath();
		writeFileSync(
			path,
			`${event('2026-01-01T00:00:00.000Z', batch('1111', 'RUNNING'))}\n{"v":1,"time":"2026-01-0`,
		);
		const log = new EventLog(path);
		log.append(
			JSON.parse(event('2026-01-02T00:00:00.000Z', batch('2222', 'PROCESSED'))) as Record<string, unknown>,
		);
		log.close();
		const lines = readFileSync(path, 'utf8').split('\n');
		expect(lines.at(-1)).toBe('');
		expect(JSON.parse(lines.at(-2) ?? '')).toMatchObject({batch: {id: '2222'}});
		expect(readPreviousRun(path).batches.get('2222')?.status).toBe('PROCESSED');
	});

	it('close is idempotent and append after close writes nothing', () => {
		const write = vi.fn((fd: number, buffer: Buffer) => writeSync(fd, buffer));
		const log = new EventLog(tempPath(), {writeSync: write});
		log.close();
		expect(() => log.close()).not.toThrow();
		log.append({n: 1});
		expect(write).not.toHaveBeenCalled();
	});
});

describe('EventLog opening', () => {
	it('refuses a FIFO at once, without waiting for a reader', () => {
		const fifo = fifoWithRescuer();
		try {
			const started = Date.now();
			expect(() => new EventLog(fifo.path)).toThrow(LogFileError);
			expect(() => new EventLog(fifo.path)).toThrow(
				/^cannot write --log .*fifo: it is a FIFO; give a regular file$/,
			);
			expect(Date.now() - started).toBeLessThan(1_000);
		} finally {
			fifo.stop();
		}
	});

	it('refuses a directory, a device and a path whose directory is missing', () => {
		const dir = tempPath('a-directory');
		mkdirSync(dir);
		expect(() => new EventLog(dir)).toThrow(LogFileError);
		expect(() => new EventLog(dir)).toThrow(/it is a directory$/);
		expect(() => new EventLog(join(root, 'missing', 'log.ndjson'))).toThrow(
			/^cannot write --log .*log\.ndjson: its directory does not exist$/,
		);
		expect(() => new EventLog(join(dir, 'missing', 'log.ndjson'))).toThrow(LogFileError);
	});

	it.skipIf(!existsSync('/dev/full'))(
		'refuses /dev/full (a character device; skipped where there is none)',
		() => {
			expect(() => new EventLog('/dev/full')).toThrow(LogFileError);
			expect(() => new EventLog('/dev/full')).toThrow(
				'cannot write --log /dev/full: it is a device; give a regular file',
			);
		},
	);

	it.skipIf(!existsSync('/dev/null'))(
		'accepts /dev/null as no log and writes nothing (skipped where there is none)',
		() => {
			const write = vi.fn((fd: number, buffer: Buffer) => writeSync(fd, buffer));
			const log = new EventLog('/dev/null', {writeSync: write});
			log.append({n: 1});
			log.close();
			expect(write).not.toHaveBeenCalled();
		},
	);

	it.skipIf(process.getuid?.() === 0)(
		'refuses a file it may not write (skipped as root, who may write any file)',
		() => {
			const path = tempPath();
			writeFileSync(path, '');
			chmodSync(path, 0o400);
			expect(() => new EventLog(path)).toThrow(/permission denied$/);
		},
	);

	it('shows a hostile path safely in the message', () => {
		const dir = tempPath(`logs\u001b]0;title\u0007\u009b2J\u202e`);
		mkdirSync(dir);
		let message = '';
		try {
			new EventLog(dir);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/it is a directory$/);
		expect(message).not.toMatch(UNSAFE);
	});
});

describe('readPreviousRun', () => {
	it('returns nothing for a missing path, a directory, /dev/null and an empty file', () => {
		const empty = tempPath();
		writeFileSync(empty, '');
		for (const path of [join(root, 'nope.ndjson'), root, '/dev/null', empty]) {
			const previous = readPreviousRun(path);
			expect(previous.batches.size).toBe(0);
			expect(previous.lastTime).toBeUndefined();
		}
	});

	it('returns nothing for a FIFO at once', () => {
		const fifo = fifoWithRescuer();
		try {
			const started = Date.now();
			const previous = readPreviousRun(fifo.path);
			expect(Date.now() - started).toBeLessThan(1_000);
			expect(previous.batches.size).toBe(0);
		} finally {
			fifo.stop();
		}
	});

	it('never opens a FIFO for reading, not even without blocking', async () => {
		const path = tempPath('fifo');
		execFileSync('mkfifo', [path]);
		// A witness waits to open the FIFO for writing: any open for reading would let it through.
		const witness = spawn('sh', ['-c', 'exec 3>"$1"; echo opened', 'sh', path], {
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		let said = '';
		witness.stdout.on('data', (data: Buffer) => (said += data.toString()));
		try {
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(readPreviousRun(path).batches.size).toBe(0);
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(said).toBe('');
			expect(witness.exitCode).toBeNull();
		} finally {
			witness.kill();
		}
	});

	it('finds the latest state per batch from events and the newest summary', () => {
		const path = tempPath();
		writeLines(path, [
			// run 1: events, then its summary
			event('2026-01-01T00:00:00.000Z', batch('4444', 'RUNNING')),
			event('2026-01-01T00:01:00.000Z', batch('1111', 'RUNNING')),
			summary('2026-01-01T00:02:00.000Z', [
				batch('1111', 'PROCESSED', {runSummary: {completedRunCount: 9, failedRunCount: 1}, totalRuns: 10}),
				batch('2222', 'INPROGRESS'),
				{id: '3333', status: null, verdict: 'unknown'},
			]),
			// run 2, cut off without a summary
			event('2026-01-02T00:00:00.000Z', batch('2222', 'RUNNING')),
			JSON.stringify({
				v: 1,
				time: '2026-01-02T00:01:00.000Z',
				type: 'finished',
				id: '2222',
				status: 'FAILED',
				batch: batch('2222', 'FAILED', {
					runSummary: {completedRunCount: 5, failedRunCount: 4, cancelledRunCount: 1},
				}),
			}),
			JSON.stringify({v: 1, time: '2026-01-02T00:02:00.000Z', type: 'error', id: null, message: 'throttled'}),
		]);
		const previous = readPreviousRun(path);
		expect(previous.lastTime).toBe('2026-01-02T00:02:00.000Z');
		expect([...previous.batches.keys()].sort()).toEqual(['1111', '2222']);
		expect(previous.batches.get('1111')).toEqual({
			id: '1111',
			name: 'batch 1111',
			status: 'PROCESSED',
			totalRuns: 10,
			finished: 10,
			failed: 3,
			time: '2026-01-01T00:02:00.000Z',
		});
		expect(previous.batches.get('2222')).toMatchObject({
			status: 'FAILED',
			// Done: 5 completed + 4 failed; the cancelled run is not done.
			finished: 9,
			failed: 6,
			time: '2026-01-02T00:01:00.000Z',
		});
	});

	it('stops at the newest summary without reading what is before it', () => {
		const path = tempPath();
		writeLines(path, [
			event('2026-01-01T00:00:00.000Z', batch('4444', 'RUNNING')),
			...Array.from({length: 2_000}, () => JSON.stringify({pad: 'p'.repeat(1_000)})),
			summary('2026-01-01T00:02:00.000Z', [batch('1111', 'PROCESSED')]),
			event('2026-01-02T00:00:00.000Z', batch('2222', 'RUNNING')),
		]);
		const {previous, bytes} = countingRead(path);
		expect([...previous.batches.keys()].sort()).toEqual(['1111', '2222']);
		expect(bytes).toBeLessThan(statSync(path).size / 10);
	});

	it('takes complete lines only and skips garbage', () => {
		const path = tempPath();
		writeFileSync(
			path,
			[
				'not json at all',
				'',
				'   ',
				'[1, 2, 3]',
				'null',
				'{"batch": "a string"}',
				'{"batches": {"id": "1"}}',
				`${event('2026-01-01T00:00:00.000Z', batch('1111', 'RUNNING')).slice(0, 40)}`,
				event('2026-01-01T00:01:00.000Z', batch('1111', 'SUBMITTED')),
				'\u0000\u00ff\u001b[2J',
				event('2026-01-01T00:02:00.000Z', batch('2222', 'RUNNING')),
				// the last line, cut short (no newline): not taken
				`${event('2026-01-01T00:03:00.000Z', batch('2222', 'PROCESSED'))}`,
			].join('\n'),
		);
		const previous = readPreviousRun(path);
		expect(previous.batches.get('1111')?.status).toBe('SUBMITTED');
		expect(previous.batches.get('2222')?.status).toBe('RUNNING');
		expect(previous.lastTime).toBe('2026-01-01T00:02:00.000Z');
		expect(previous.batches.size).toBe(2);
	});

	it('gives the same answer whatever the chunk size, lines longer than a chunk included', () => {
		const path = tempPath();
		writeLines(path, [
			event('2026-01-01T00:00:00.000Z', batch('4444', 'RUNNING')),
			summary(
				'2026-01-01T00:02:00.000Z',
				Array.from({length: 3_000}, (_, i) => batch(String(100_000 + i), 'PROCESSED')),
			),
			event('2026-01-01T00:03:00.000Z', batch('2222', 'RUNNING', {note: 'n'.repeat(200_000)})),
			event('2026-01-01T00:04:00.000Z', batch('1111', 'RUNNING')),
			event('2026-01-01T00:05:00.000Z', batch('2222', 'FAILED')),
		]);
		const reference = readPreviousRun(path);
		expect(reference.batches.size).toBe(3_002);
		expect(reference.batches.get('1111')?.status).toBe('RUNNING');
		expect(reference.batches.get('2222')?.status).toBe('FAILED');
		expect(reference.batches.get('100000')?.status).toBe('PROCESSED');
		expect(reference.batches.get('102999')?.status).toBe('PROCESSED');
		expect(reference.lastTime).toBe('2026-01-01T00:05:00.000Z');
		for (const chunkBytes of [13, 4096, 65_537, 10_000_000]) {
			const previous = readPreviousRun(path, {chunkBytes});
			expect(previous).toEqual(reference);
		}
	});

	it('sanitises what it reads back: ids, names, statuses, times and counts', () => {
		const path = tempPath();
		const huge = {completedRunCount: 1e300, failedRunCount: -5, cancelledRunCount: '7', deletedRunCount: 1.5};
		writeLines(path, [
			event(
				'2026-01-01T00:00:00.000Z',
				batch('1111', `RUN${HOSTILE}NING`, {name: `${HOSTILE}${'n'.repeat(500)}`}),
			),
			event('2026-01-01T00:00:01.000Z', batch('2222', 'RUNNING', {totalRuns: -1, runSummary: huge})),
			event('2026-01-01T00:00:02.000Z', batch('3333', 'RUNNING', {totalRuns: 2 ** 60, runSummary: 'lots'})),
			event(
				'2026-01-01T00:00:03.000Z',
				batch('4444', 'RUNNING', {totalRuns: '12', name: 42, submissionSummary: []}),
			),
			event(
				'2026-01-01T00:00:04.000Z',
				batch('5555', 'RUNNING', {
					runSummary: {failedRunCount: Number.MAX_SAFE_INTEGER, completedRunCount: Number.MAX_SAFE_INTEGER},
				}),
			),
			event('2026-01-01T00:00:05.000Z', batch('6666', `\u001b]0;x\u0007\u202e`)),
			event('2026-01-01T00:00:06.000Z', batch('7777', 's'.repeat(500))),
			...['abc', '12a', '', ' 1234', '1234567890123456789', '../1', '１２３'].map((id) =>
				event('2026-01-01T00:00:07.000Z', batch(id, 'RUNNING')),
			),
			JSON.stringify({time: '2026-01-01T00:00:08.000Z', batch: batch(1234, 'RUNNING')}),
			JSON.stringify({time: 'not a date', batch: batch('8888', 'RUNNING')}),
			JSON.stringify({
				time: `2026-01-01T00:00:09.000Z${' '.repeat(10)}${'Z'.repeat(60)}`,
				batch: batch('9999', 'RUNNING'),
			}),
			JSON.stringify({time: 12345, batch: batch('123456789012345678', 'RUNNING')}),
		]);
		const previous = readPreviousRun(path);
		expect([...previous.batches.keys()].sort()).toEqual(
			['1111', '123456789012345678', '2222', '3333', '4444', '5555', '7777', '8888', '9999'].sort(),
		);
		const first = previous.batches.get('1111');
		expect(first?.status).toBe('RUNevilgnp.exeNING');
		expect(first?.name?.startsWith('evilgnp.exe')).toBe(true);
		expect(first?.name?.length).toBeLessThanOrEqual(128);
		expect(previous.batches.get('7777')?.status.length).toBeLessThanOrEqual(64);
		for (const entry of previous.batches.values()) {
			expect(JSON.stringify(entry)).not.toMatch(UNSAFE);
			for (const value of [entry.totalRuns, entry.finished, entry.failed]) {
				expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
			}
		}
		expect(previous.batches.get('2222')).toMatchObject({totalRuns: 0, finished: 0, failed: 2});
		expect(previous.batches.get('3333')).toMatchObject({totalRuns: 0, finished: 0, failed: 2});
		expect(previous.batches.get('4444')).toMatchObject({totalRuns: 0, name: null, failed: 1});
		expect(previous.batches.get('5555')).toMatchObject({finished: 0});
		// a time that is no date, or longer than 64, is dropped; the batch is kept
		expect(previous.batches.get('8888')?.time).toBe('');
		expect(previous.batches.get('9999')?.time).toBe('');
		expect(previous.batches.get('123456789012345678')?.time).toBe('');
		// the newest record with a valid time gives lastTime, even if its batch was dropped
		expect(previous.lastTime).toBe('2026-01-01T00:00:08.000Z');
	});

	it('finds the last records of a log larger than the cap, reading at most the cap', () => {
		const path = tempPath();
		// Early records that would change the answer if they were read.
		writeLines(path, [
			event('2026-01-01T00:00:00.000Z', batch('5555', 'RUNNING')),
			event('2026-01-01T00:00:01.000Z', batch('1111', 'EARLY')),
		]);
		const pad = `${JSON.stringify({v: 1, type: 'padding', pad: 'p'.repeat(1_000)})}\n`.repeat(1_024);
		for (let megabyte = 0; megabyte < 20; megabyte += 1) appendFileSync(path, pad);
		appendFileSync(
			path,
			[
				event('2026-01-03T00:00:00.000Z', batch('1111', 'LATE')),
				event('2026-01-03T00:00:01.000Z', batch('2222', 'RUNNING')),
				'',
			].join('\n'),
		);
		expect(statSync(path).size).toBeGreaterThan(2 * PREVIOUS_RUN_MAX_BYTES);

		const {previous, bytes} = countingRead(path);
		expect(bytes).toBeLessThanOrEqual(PREVIOUS_RUN_MAX_BYTES);
		expect(previous.lastTime).toBe('2026-01-03T00:00:01.000Z');
		expect(previous.batches.get('1111')?.status).toBe('LATE');
		expect(previous.batches.get('2222')?.status).toBe('RUNNING');
		expect(previous.batches.has('5555')).toBe(false);

		// The same file read without the cap does see the early records.
		const whole = countingRead(path, {maxBytes: 64 * 1024 * 1024});
		expect(whole.bytes).toBe(statSync(path).size);
		expect(whole.previous.batches.get('5555')?.status).toBe('RUNNING');
		expect(whole.previous.batches.get('1111')?.status).toBe('LATE');
	});

	it('skips the line the cap cuts through', () => {
		const path = tempPath();
		const last = event('2026-01-02T00:00:00.000Z', batch('2222', 'RUNNING'));
		writeLines(path, [event('2026-01-01T00:00:00.000Z', batch('1111', 'RUNNING')), last]);
		for (const slack of [0, 1, 5, 40]) {
			const {previous, bytes} = countingRead(path, {maxBytes: last.length + 1 + slack});
			expect(bytes).toBe(last.length + 1 + slack);
			// With no slack the window starts exactly at the last line, but the reader cannot know that
			// line is whole without the byte before it, so it skips it too.
			expect([...previous.batches.keys()]).toEqual(slack === 0 ? [] : ['2222']);
		}
		expect([...readPreviousRun(path).batches.keys()].sort()).toEqual(['1111', '2222']);
	});
});
