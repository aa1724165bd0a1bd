import {batchVerdict} from '../domain/batch-verdict.js';
import {doneRuns, type BatchView} from '../domain/batch-view.js';
import type {BatchSnapshot, PollerEvent, PollerSnapshot} from '../poller/poller-state.js';
import {groupThousands} from '../domain/thousands.js';

const count = groupThousands;
const stamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * "starts 147/400 (6 failed)  runs 21/400 done (2 failed), 110 live": done as the monitor's list counts
 * it (completed or failed), cancelled runs said apart ("runs 258/800 done, 542 cancelled").
 */
export function progressText(view: BatchView): string {
	const {submissions: s, runs: r} = view;
	const live = r.pending + r.starting + r.running + r.stopping;
	const starts = `starts ${count(s.successful + s.failed)}/${count(view.totalRuns)}${s.failed ? ` (${count(s.failed)} failed)` : ''}`;
	const runs = `runs ${count(doneRuns(view))}/${count(view.totalRuns)} done${r.failed ? ` (${count(r.failed)} failed)` : ''}${r.cancelled ? `, ${count(r.cancelled)} cancelled` : ''}${live ? `, ${count(live)} live` : ''}`;
	return `${starts}  ${runs}`;
}

const who = (view: BatchView | undefined, id: string): string => (view ? `${view.id} ${view.label}` : id);

/**
 * The plain lines for one notification's events: at most one line per batch per change, a status
 * change absorbing the count change that came with it.
 */
export function plainLines(events: readonly PollerEvent[], snapshot: PollerSnapshot): string[] {
	const byId = new Map<string, BatchSnapshot>(snapshot.batches.map((batch) => [batch.id, batch]));
	const statusChanged = new Set(
		events.filter((event) => event.type === 'status-changed').map((event) => ('id' in event ? event.id : '')),
	);
	const lines: string[] = [];
	for (const event of events) {
		const id = 'id' in event ? (event.id ?? '') : '';
		const view = byId.get(id)?.view;
		const at = stamp(event.at);
		switch (event.type) {
			case 'batch-seen':
				if (view) lines.push(`${at} ${who(view, id)} ${view.status}  ${progressText(view)}`);
				break;
			case 'counts-changed':
				if (view && !statusChanged.has(id))
					lines.push(`${at} ${who(view, id)} ${view.status}  ${progressText(view)}`);
				break;
			case 'status-changed':
				lines.push(
					`${at} ${who(view, id)} ${event.from} -> ${event.to}${view ? `  ${progressText(view)}` : ''}`,
				);
				break;
			case 'failure-appeared': {
				const parts = [
					event.runs ? `${count(event.runs)} new run failure${event.runs === 1 ? '' : 's'}` : '',
					event.submissions
						? `${count(event.submissions)} new failed submission${event.submissions === 1 ? '' : 's'}`
						: '',
				].filter(Boolean);
				lines.push(`${at} ${who(view, id)} ${parts.join(', ')}`);
				break;
			}
			case 'batch-finished':
				lines.push(`${at} ${who(view, id)} finished: ${event.status}, ${event.verdict.label}`);
				break;
			case 'batch-discovered':
				break; // its "seen" line follows with the first poll
			case 'anomaly':
				lines.push(`${at} ${who(view, id)} anomaly: ${event.anomalies.join('; ')}`);
				break;
			case 'error':
				lines.push(
					`${at} ${event.id ? `${who(view, event.id)} ` : ''}error${event.error.action && !event.id ? ` (${event.error.action})` : ''}: ${event.error.message}${event.error.requestId ? ` (request id ${event.error.requestId})` : ''}`,
				);
				break;
			case 'recovered':
				lines.push(`${at} ${event.id ? who(view, id) : 'ListBatch'} reachable again`);
				break;
			case 'credentials-problem':
				lines.push(`${at} error: ${event.error.message}`);
				break;
		}
	}
	return lines;
}

/** The closing summary: one line per batch, then the verdict. */
export function plainSummary(snapshot: PollerSnapshot, exitCode: number, reason: string): string[] {
	const lines = snapshot.batches.map((batch) => {
		if (!batch.view)
			return `  ${batch.id}  ${batch.lastError ? `error: ${batch.lastError.message}` : 'no data'}`;
		return `  ${batch.view.id} ${batch.view.label}  ${batch.view.status}  ${batchVerdict(batch.view).label}  ${progressText(batch.view)}`;
	});
	return [
		`summary (${snapshot.batches.length} batch${snapshot.batches.length === 1 ? '' : 'es'}):`,
		...lines,
		`exit ${exitCode}: ${reason}`,
	];
}
