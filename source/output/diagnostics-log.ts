import {appendFileSync} from 'node:fs';
import {guardJson} from './output-guard.js';

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

let diagnosticsFile: string | undefined;

/**
 * A line from a library (the AWS SDK's logger) that must not reach the terminal: appended to the
 * diagnostics log when there is one, else dropped. Never throws.
 */
export function diagnosticsNote(level: 'warn' | 'error', message: string, now = Date.now()): void {
	if (!diagnosticsFile) return;
	try {
		appendFileSync(
			diagnosticsFile,
			`${guardJson({time: new Date(now).toISOString(), type: 'library-log', level, message})}\n`,
		);
	} catch {
		// A diagnostics log that cannot be written must not stop the monitor.
	}
}

/**
 * With BATCHTOP_DIAGNOSTICS=FILE, appends a sample to FILE every `everyMs` (NDJSON): for finding out
 * whether a monitor that has run for days grows, and what it holds. Returns a stop function.
 */
export function startDiagnosticsLog(file: string | undefined, everyMs = 10_000): () => void {
	diagnosticsFile = file || undefined;
	if (!file) return () => {};
	const write = () => appendFileSync(file, `${JSON.stringify(diagnosticsSample())}\n`);
	write();
	const timer = setInterval(write, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}

/**
 * Node's process warnings (deprecations, listener leaks) would be printed to stderr, over the TUI:
 * they go to the diagnostics log instead. Called once at start-up.
 */
export function routeProcessWarnings(): void {
	process.emitWarning = ((warning: string | Error) => {
		diagnosticsNote(
			'warn',
			warning instanceof Error ? `${warning.name}: ${warning.message}` : String(warning),
		);
	}) as typeof process.emitWarning;
}
