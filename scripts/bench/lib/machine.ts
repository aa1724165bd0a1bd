// What the figures were measured on.
import {cpus, release, totalmem} from 'node:os';

/** One line: CPU model and count, memory, kernel, Node.js version. */
export function machineDescription(): string {
	const cpu = cpus();
	return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node.js ${process.version}`;
}
