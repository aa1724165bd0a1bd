import {appendFileSync} from 'node:fs';

/** One sample: memory and the event loop's live resources (timers, sockets, ...) by kind. */
export interface DiagnosticsSample {
	readonly time: string;
	readonly rssBytes: number;
	readonly heapUsedBytes: number;
	/** What V8 has reserved for its heap: RSS minus this is code, buffers, Yoga's WebAssembly memory. */
	readonly heapTotalBytes: number;
	readonly externalBytes: number;
	readonly resources: Record<string, number>;
}

/** Counts `process.getActiveResourcesInfo()` by kind, e.g. {Timeout: 3, TCPSocketWrap: 1}. */
export function diagnosticsSample(now = Date.now()): DiagnosticsSample {
	const resources: Record<string, number> = {};
	for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
	const memory = process.memoryUsage();
	return {
		time: new Date(now).toISOString(),
		rssBytes: memory.rss,
		heapUsedBytes: memory.heapUsed,
		heapTotalBytes: memory.heapTotal,
		externalBytes: memory.external,
		resources,
	};
}

/**
 * With BATCHTOP_DIAGNOSTICS=FILE, appends a sample to FILE every `everyMs` (NDJSON): for finding out
 * whether a monitor that has run for days grows, and what it holds. Returns a stop function.
 */
export function startDiagnosticsLog(file: string | undefined, everyMs = 10_000): () => void {
	if (!file) return () => {};
	const write = () => appendFileSync(file, `${JSON.stringify(diagnosticsSample())}\n`);
	write();
	const timer = setInterval(write, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
