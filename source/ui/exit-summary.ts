import type {PollerSnapshot} from '../poller/poller-state.js';

/** The one line printed on the normal screen after the TUI closes. */
export function exitSummary(snapshot: PollerSnapshot, target: string): string {
	const counts = new Map<string, number>();
	for (const batch of snapshot.batches) {
		const status = batch.view?.status ?? (batch.lastError ? 'unreachable' : 'unknown');
		counts.set(status, (counts.get(status) ?? 0) + 1);
	}
	const parts = [...counts.entries()]
		.sort((a, b) => b[1] - a[1])
		.map(([status, count]) => `${count} ${status}`);
	// A problem that kept batches from being read at all is said here too: the screen is gone now.
	const problem = snapshot.credentialsError ?? snapshot.discoveryError;
	return `batchtop: watched ${snapshot.batches.length} batch${snapshot.batches.length === 1 ? '' : 'es'} on ${target}${parts.length ? `: ${parts.join(', ')}` : ''}${problem ? `; last error: ${problem.message}` : ''}`;
}

/** The line under it: the exit code and why the watch ended, worded as the plain summary's last line. */
export function exitReasonLine(end: {readonly code: number; readonly reason: string}): string {
	return `exit ${end.code}: ${end.reason}`;
}
