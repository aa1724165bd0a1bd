import {batchVerdict} from '../domain/batch-verdict.js';
import {doneRuns, type BatchView} from '../domain/batch-view.js';
import type {BatchSnapshot, PollerEvent, PollerSnapshot} from '../poller/poller-state.js';
import {groupThousands} from '../domain/thousands.js';
import {countChanges} from './count-changes.js';
import {countedGroupText, failureGroupText, kindNoun} from './failure-text.js';
import type {NewFailureGroup} from './failure-follow.js';

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
	const runs = `runs ${count(doneRuns(view))}/${count(view.totalRuns)} done${r.failed ? ` (${count(r.failed)} failed)` : ''}${r.cancelled ? `, ${count(r.cancelled)} cancelled` : ''}${r.deleted ? `, ${count(r.deleted)} deleted` : ''}${live ? `, ${count(live)} live` : ''}`;
	return `${starts}  ${runs}`;
}

const who = (view: BatchView | undefined, id: string): string => (view ? `${view.id} ${view.label}` : id);

const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

/** "1 new run failure (12 so far), 2 new failed submissions (8 so far)". */
function newFailuresText(event: Extract<PollerEvent, {type: 'failure-appeared'}>, view?: BatchView): string {
	return [
		event.runs
			? `${plural(event.runs, 'new run failure', 'new run failures')}${view ? ` (${count(view.runs.failed)} so far)` : ''}`
			: '',
		event.submissions
			? `${plural(event.submissions, 'new failed submission', 'new failed submissions')}${view ? ` (${count(view.submissions.failed)} so far)` : ''}`
			: '',
	]
		.filter(Boolean)
		.join(', ');
}

export interface PlainLogOptions {
	/** ASCII only: "->" between a count's old and new value instead of "→". */
	readonly ascii?: boolean;
}

/**
 * The --plain log of one watch: a line per change, each saying what changed. It remembers, per
 * batch, the view its last line described (so a progress line names the counts that moved:
 * "deleted 2,204→2,996"), the last line printed (a line identical to it, time aside, is never
 * printed again), and the failure reason already printed (a FAILED batch's reason gets a line of
 * its own, whole, once).
 */
export class PlainLog {
	readonly #arrow: string;
	readonly #views = new Map<string, BatchView>();
	readonly #lastLine = new Map<string, string>();
	readonly #reasons = new Map<string, string>();

	constructor(options: PlainLogOptions = {}) {
		this.#arrow = options.ascii ? '->' : '→';
	}

	/** The lines for one notification's events: at most one per batch per change, a status change absorbing the count change that came with it. */
	lines(events: readonly PollerEvent[], snapshot: PollerSnapshot): string[] {
		const byId = new Map<string, BatchSnapshot>(snapshot.batches.map((batch) => [batch.id, batch]));
		const statusChanged = new Set(
			events
				.filter((event) => event.type === 'status-changed')
				.map((event) => ('id' in event ? event.id : '')),
		);
		const lines: string[] = [];
		const put = (key: string, at: string, text: string) => {
			if (this.#lastLine.get(key) === text) return;
			this.#lastLine.set(key, text);
			lines.push(`${at} ${text}`);
		};
		/** The batch's line with its progress and the counts that moved since its last line. */
		const progress = (view: BatchView): string => {
			const before = this.#views.get(view.id);
			const changes = before ? countChanges(before, view, this.#arrow) : '';
			this.#views.set(view.id, view);
			return `${progressText(view)}${changes ? `  (${changes})` : ''}`;
		};
		const reason = (view: BatchView | undefined, at: string) => {
			if (!view?.failureReason || this.#reasons.get(view.id) === view.failureReason) return;
			this.#reasons.set(view.id, view.failureReason);
			put(view.id, at, `${who(view, view.id)} failure reason: ${view.failureReason}`);
		};
		for (const event of events) {
			const id = 'id' in event ? (event.id ?? '') : '';
			const view = byId.get(id)?.view;
			const at = stamp(event.at);
			switch (event.type) {
				case 'batch-seen':
				case 'counts-changed':
					if (view && (event.type === 'batch-seen' || !statusChanged.has(id))) {
						put(id, at, `${who(view, id)} ${view.status}  ${progress(view)}`);
						reason(view, at);
					}
					break;
				case 'status-changed':
					put(id, at, `${who(view, id)} ${event.from} -> ${event.to}${view ? `  ${progress(view)}` : ''}`);
					reason(view, at);
					break;
				case 'failure-appeared':
					put(id, at, `${who(view, id)} ${newFailuresText(event, view)}`);
					break;
				case 'batch-finished':
					put(id, at, `${who(view, id)} finished: ${event.status}, ${event.verdict.label}`);
					reason(view, at);
					break;
				case 'batch-discovered':
					break; // its "seen" line follows with the first poll
				case 'anomaly':
					put(id, at, `${who(view, id)} anomaly: ${event.anomalies.join('; ')}`);
					break;
				case 'error':
					put(
						id,
						at,
						`${event.id ? `${who(view, event.id)} ` : ''}error${event.error.action && !event.id ? ` (${event.error.action})` : ''}: ${event.error.message}${event.error.requestId ? ` (request id ${event.error.requestId})` : ''}`,
					);
					break;
				case 'recovered':
					put(id, at, `${event.id ? who(view, id) : 'ListBatch'} reachable again`);
					break;
				case 'credentials-problem':
					put('', at, `error: ${event.error.message}`);
					break;
				case 'failure-group':
					// Logged as groupLine, with the script watch's caps (output/failure-follow.ts).
					break;
			}
		}
		return lines;
	}

	/** A line for a failure group seen for the first time (see failure-follow.ts), stamped `at`. */
	groupLine(found: NewFailureGroup, snapshot: PollerSnapshot, at: number): string {
		const view = snapshot.batches.find((batch) => batch.id === found.id)?.view;
		const text =
			'overflow' in found
				? `${who(view, found.id)} more new groups of ${kindNoun(found.kind)} are not logged (${count(found.overflow)} logged)`
				: `${who(view, found.id)} new ${found.kind} failure group: ${failureGroupText(found.group, found.kind)}  (${count(found.group.count)} of ${count(found.loaded)} ${kindNoun(found.kind)} read)`;
		this.#lastLine.set(found.id, text);
		return `${stamp(at)} ${text}`;
	}
}

/** Failure groups listed under a batch in the summary, per kind. */
const SUMMARY_GROUPS = 5;

/** The summary's indented lines under one batch: its failure reason, and the failure groups read. */
function summaryDetail(batch: BatchSnapshot, ascii: boolean): string[] {
	const lines: string[] = [];
	if (batch.view?.failureReason) lines.push(`    failure reason: ${batch.view.failureReason}`);
	for (const [kind, list] of [
		['submission', batch.failures?.submissions],
		['run', batch.failures?.runs],
	] as const) {
		if (!list || list.groups.length === 0) continue;
		lines.push(`    ${kindNoun(kind)}, ${count(list.loaded)} read:`);
		for (const group of list.groups.slice(0, SUMMARY_GROUPS))
			lines.push(`      ${countedGroupText(group, kind, ascii)}`);
		if (list.groups.length > SUMMARY_GROUPS)
			lines.push(`      and ${plural(list.groups.length - SUMMARY_GROUPS, 'more group', 'more groups')}`);
	}
	return lines;
}

/** The closing summary: one line per batch (with its failure reason and groups read under it), then the verdict. */
export function plainSummary(
	snapshot: PollerSnapshot,
	exitCode: number,
	reason: string,
	options: PlainLogOptions = {},
): string[] {
	const lines = snapshot.batches.flatMap((batch) => {
		if (!batch.view)
			return [`  ${batch.id}  ${batch.lastError ? `error: ${batch.lastError.message}` : 'no data'}`];
		return [
			`  ${batch.view.id} ${batch.view.label}  ${batch.view.status}  ${batchVerdict(batch.view).label}  ${progressText(batch.view)}`,
			...summaryDetail(batch, options.ascii ?? false),
		];
	});
	return [
		`summary (${snapshot.batches.length} batch${snapshot.batches.length === 1 ? '' : 'es'}):`,
		...lines,
		`exit ${exitCode}: ${reason}`,
	];
}
