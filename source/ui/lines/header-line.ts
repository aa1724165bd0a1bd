import type {PollerSnapshot} from '../../poller/poller-state.js';
import {BatchCounts, type HeaderCounts} from '../state/batch-counts.js';
import {clipLine, lineWidth, type Line, type Span} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

export type {HeaderCounts} from '../state/batch-counts.js';

const COUNTS = new BatchCounts();

/** Counts the snapshot's batches: failed (the batch, or its run deletion), done (other ends), active, stale. */
export function headerCounts(snapshot: PollerSnapshot): HeaderCounts {
	return COUNTS.counts(snapshot.batches);
}

/**
 * The busiest operation's requests in the last minute against the most its own budget allows in a
 * minute (its rate for 60 s plus the burst it may save up): one window for both, so the first never
 * exceeds the second. Each operation has its own quota, so the one nearest its budget is what says
 * how close the monitor is to being throttled; a total against a sum of budgets would not.
 */
export function requestRateText(snapshot: PollerSnapshot): string {
	const used = Math.round(snapshot.requestsPerSecond * 60);
	const allowed = Math.round(snapshot.budgetPerSecond * 60 + (snapshot.requestBurst ?? 0));
	const operation = snapshot.busiestOperation ? `${snapshot.busiestOperation} ` : '';
	return `${operation}${used}/${allowed} req/min`;
}

/**
 * Parts of the header, least important first, in the order they give way to a narrow terminal:
 * the target, the request rate, the batch total, the done count, the app name, the active count.
 * The failed count, PAUSED, the stale count and a credentials problem never give way.
 */
export const HEADER_DROP_ORDER = ['target', 'rate', 'total', 'done', 'name', 'active'] as const;
type Droppable = (typeof HEADER_DROP_ORDER)[number];

/** The header: app, where it looks, batches by state, request use, paused/stale flags; fits `width`. */
export function headerLine(snapshot: PollerSnapshot, target: string, width: number, glyphs: Glyphs): Line {
	const counts = headerCounts(snapshot);
	const build = (dropped: ReadonlySet<Droppable>): Span[] => {
		const has = (part: Droppable) => !dropped.has(part);
		const states: Span[][] = [
			...(has('active') ? [[{text: `${counts.active} active`}]] : []),
			...(has('done') ? [[{text: `${counts.done} done`}]] : []),
			[{text: `${counts.failed} failed`, color: counts.failed > 0 ? 'red' : 'gray'}],
		];
		const lead: Span[] = [
			...(has('name') ? [{text: 'batchtop', bold: true}] : []),
			...(has('target') ? [{text: `  ${target}`, dim: true}] : []),
		];
		const spans: Span[] = [...lead];
		if (lead.length > 0) spans.push({text: '  '});
		if (has('total')) spans.push({text: `${counts.total} ${counts.total === 1 ? 'batch' : 'batches'}: `});
		states.forEach((state, index) => {
			if (index > 0) spans.push({text: ` ${glyphs.dot} `});
			for (const span of state) spans.push(span);
		});
		// While paused nothing is sent and no snapshot comes to update a last-minute count: none is shown.
		if (has('rate') && !snapshot.paused) spans.push({text: `  ${requestRateText(snapshot)}`, dim: true});
		if (snapshot.paused) spans.push({text: '  PAUSED', color: 'magenta', bold: true});
		if (counts.stale > 0)
			spans.push({text: `  ${glyphs.warning} ${counts.stale} stale`, color: 'magenta', bold: true});
		if (snapshot.credentialsError)
			spans.push({
				text: `  ${glyphs.warning} ${snapshot.credentialsError.message}`,
				color: 'red',
				bold: true,
			});
		return spans;
	};
	const dropped = new Set<Droppable>();
	let line = build(dropped);
	for (const part of HEADER_DROP_ORDER) {
		if (lineWidth(line) <= width) return line;
		dropped.add(part);
		line = build(dropped);
	}
	// Only the kept parts are left: a long credentials message, last on the line, is what gets cut.
	return clipLine(line, width, glyphs.ellipsis);
}
