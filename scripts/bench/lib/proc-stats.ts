// Readings of another process from /proc: CPU time, resident memory, open file descriptors.
import {readFileSync, readdirSync} from 'node:fs';

const TICKS_PER_SECOND = 100;

/** User + system CPU time of a process, in ms. */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resident set size of a process, in bytes. */
export function rssBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /VmRSS:\s+(\d+) kB/.exec(status);
	if (!match) throw new Error(`no VmRSS for ${pid}`);
	return Number(match[1]) * 1024;
}

/** Open file descriptors (sockets, pipes, files) of a process. */
export function openFds(pid: number): number {
	return readdirSync(`/proc/${pid}/fd`).length;
}
