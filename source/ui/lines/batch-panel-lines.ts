import {batchVerdict, failureCount} from '../../domain/batch-verdict.js';
import {doneRuns, type BatchView} from '../../domain/batch-view.js';
import {elapsedOf, runEnd, throughputOf, type Elapsed, type Throughput} from '../../domain/batch-timing.js';
import {runSegments, submissionSegments} from '../../domain/progress-segments.js';
import {estimateRemainingMs, isStalled, unchangedForMs} from '../../domain/throughput.js';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {statusColor} from '../theme/palette.js';
import {clipLine, fit, lineWidth, widthOf, type Line, type Span} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap-line.js';
import {formatClock, formatCount, formatDuration, formatPercent, formatTimestamp} from '../text/format.js';
import type {Glyphs} from '../theme/glyphs.js';
import {barSpans, legendLines} from './progress-bar.js';
import {staleNotice} from './stale-notice.js';
import {submissionRateLines} from './submission-rate-lines.js';
import {labelledLines} from './wrapped-lines.js';

export interface PanelContext {
	readonly width: number;
	readonly now: number;
	/** Whether the status spinner turns (live data, polling on); otherwise a still glyph stands there. */
	readonly spinning: boolean;
	readonly glyphs: Glyphs;
	readonly stallMs: number;
	readonly throughputWindowMs: number;
}

const LABEL = 12;

/** The main panel for one batch, as lines no wider than `width` (the caller slices to its height). */
export function batchPanelLines(batch: BatchSnapshot, context: PanelContext): Line[] {
	const {width, glyphs, now} = context;
	const view = batch.view;
	if (!view) {
		const why = batch.lastError
			? [{text: `${batch.id}: ${batch.lastError.message}`, color: 'red' as const}]
			: batch.listing
				? [
						{text: batch.listing.name || batch.id, bold: true},
						{
							text: `  ${batch.listing.status}  id ${batch.id}  (from the batch list; details loading${glyphs.ellipsis})`,
							dim: true,
						},
					]
				: [{text: `${batch.id}: loading${glyphs.ellipsis}`, dim: true}];
		return [why, ...(batch.lastError ? [staleNotice(batch, now)] : [])].map((line) =>
			clipLine(line, width, glyphs.ellipsis),
		);
	}
	const stale = batch.lastError !== undefined;
	const dim = stale;
	const active = view.statusClass === 'active';
	const failures = failureCount(view);
	const verdict = batchVerdict(view);
	const idText = `id ${view.id}`;
	const title: Span[] = [
		{text: view.label, bold: true},
		{text: '  '},
		...(active
			? [
					{
						text: glyphs.active,
						color: statusColor(view.status, view.statusClass, failures),
						...(context.spinning ? {spinner: true} : {}),
					},
					{text: ' '},
				]
			: []),
		{
			text: view.status,
			color: statusColor(view.status, view.statusClass, failures),
			bold: true,
			dim,
		},
	];
	const titleWidth = lineWidth(title);
	const lines: Line[] = [
		// The id is shown whole, two columns clear of the status, or on a line of its own.
		...(width - titleWidth >= widthOf(idText) + 2
			? [[...title, {text: fit(idText, width - titleWidth, 'right'), dim: true}]]
			: [clipLine(title, width, glyphs.ellipsis), [{text: idText, dim: true}]]),
		[
			{
				text: verdict.label,
				color:
					verdict.kind === 'succeeded'
						? undefined
						: verdict.kind === 'running'
							? 'gray'
							: verdict.kind === 'unknown'
								? 'magenta'
								: failures > 0 || verdict.kind === 'batch-failed'
									? 'red'
									: 'magenta',
				dim,
			},
		],
		[],
	];

	const barWidth = Math.max(10, width - LABEL - 22);
	const attempted = view.submissions.successful + view.submissions.failed;
	const submissions = submissionSegments(view, barWidth);
	lines.push([
		{text: fit('Submissions', LABEL)},
		...barSpans(submissions, glyphs, dim),
		{
			text: ` ${formatCount(attempted)}/${formatCount(view.totalRuns)} ${formatPercent(attempted, view.totalRuns)}`,
			dim,
		},
	]);
	for (const line of legendLines(submissions, view.totalRuns, glyphs, width, dim)) lines.push(line);
	// Done = completed or failed: cancelled runs are in the bar and its legend, not in the count.
	const done = doneRuns(view);
	const runs = runSegments(view, barWidth);
	lines.push([
		{text: fit('Runs', LABEL)},
		...barSpans(runs, glyphs, dim),
		{
			text: ` ${formatCount(done)}/${formatCount(view.totalRuns)} ${formatPercent(done, view.totalRuns)}`,
			dim,
		},
	]);
	for (const line of legendLines(runs, view.totalRuns, glyphs, width, dim)) lines.push(line);
	lines.push([]);

	const time = (date: Date | undefined) => (date ? formatTimestamp(date, now) : glyphs.dash);
	lines.push([
		{text: fit('Created', LABEL)},
		...timesText(view, batch.history, now, time).map((text, index) => ({
			text: index > 0 ? `   ${text}` : text,
		})),
	]);
	const rate = throughputOf(view, batch.history, now, context.throughputWindowMs);
	const remaining = estimateRemainingMs(view, rate && !rate.average ? rate.perMinute : undefined);
	lines.push([
		{text: fit('Elapsed', LABEL)},
		{text: elapsedText(elapsedOf(view, batch.history, now), glyphs.dash)},
		{text: `   Throughput ${throughputText(rate, glyphs.dash)}`},
		{text: `   ETA ${remaining === undefined ? glyphs.dash : formatDuration(remaining)}`},
	]);
	for (const line of submissionRateLines(view, batch.history, now, context.throughputWindowMs, glyphs))
		lines.push(line);
	if (isStalled(view, batch.history, now, context.stallMs)) {
		lines.push([
			{
				text: `${glyphs.warning} Stalled: no change for ${formatDuration(unchangedForMs(batch.history, now))}`,
				color: 'magenta',
				bold: true,
			},
		]);
	}
	const workflow = [
		view.workflowId ? `Workflow ${view.workflowId}` : '',
		view.workflowVersionName ? `version ${view.workflowVersionName}` : '',
		view.runGroupId ? `run group ${view.runGroupId}` : '',
	]
		.filter(Boolean)
		.join('   ');
	if (workflow) lines.push([{text: fit('', LABEL)}, {text: workflow, dim: true}]);
	if (view.status === 'FAILED' || view.failureReason) {
		// Whole, wrapped without cutting its URI (no line cap: the detail pane scrolls where this is cut by the height).
		for (const line of labelledLines('Failure', view.failureReason ?? '(no reason given)', width, {
			labelColumns: LABEL,
			underIndent: 2,
			labelStyle: {color: 'red', bold: true},
			valueStyle: {color: 'red'},
		}))
			lines.push(line);
	}
	if (stale) lines.push(staleNotice(batch, now));
	if (view.anomalies.length > 0) {
		lines.push([
			{
				text: `${glyphs.warning} ${view.anomalies[0]}${view.anomalies.length > 1 ? ` (+${view.anomalies.length - 1} more)` : ''}`,
				color: 'magenta',
			},
		]);
	}
	if (batch.lastUpdated !== undefined && !stale)
		lines.push([{text: `updated ${formatClock(batch.lastUpdated)}`, dim: true}]);
	// Wrapped, never cut: what does not fit goes on under its label.
	return lines.flatMap((line) => wrapLine(line, width, Math.min(LABEL, Math.floor(width / 3))));
}

/** "Created …", "Submitted …", "Processed …" (one part each, kept whole when wrapped): the end as the API reports it, or as the polls saw it. */
function timesText(
	view: BatchView,
	history: BatchSnapshot['history'],
	now: number,
	time: (date: Date | undefined) => string,
): string[] {
	const head = [time(view.createdAt), `Submitted ${time(view.submittedAt)}`];
	if (view.failedAt) return [...head, `Failed ${time(view.failedAt)}`];
	if (view.processedAt) return [...head, `Processed ${time(view.processedAt)}`];
	const end = runEnd(view, history);
	if (!end) return [...head, `Processed ${time(undefined)}`];
	return [...head, `Ended ${end.known === 'at-most' ? 'by ' : ''}${time(new Date(end.at))}`];
}

/** "2h 06m", "at most 2h 06m" (the end is only bounded), or the dash when unknown. */
export function elapsedText(elapsed: Elapsed | undefined, dash: string): string {
	if (!elapsed) return dash;
	return `${elapsed.atMost ? 'at most ' : ''}${formatDuration(elapsed.ms)}`;
}

/** "12 runs/min" (recent), "12 runs/min avg" (whole run), "at least 12 runs/min avg", or the dash. */
export function throughputText(rate: Throughput | undefined, dash: string): string {
	if (!rate) return dash;
	const value = rate.perMinute < 10 ? rate.perMinute.toFixed(1) : String(Math.round(rate.perMinute));
	return `${rate.atLeast ? 'at least ' : ''}${value} runs/min${rate.average ? ' avg' : ''}`;
}

/** Splits text into at most `maxLines` lines of `width` columns, on spaces where possible. */
export function wrap(text: string, width: number, maxLines: number, ellipsis = '…'): string[] {
	const room = Math.max(1, width);
	const lines: string[] = [];
	let rest = text;
	while (rest.length > 0 && lines.length < maxLines) {
		if (rest.length <= room) {
			lines.push(rest);
			rest = '';
			break;
		}
		const space = rest.lastIndexOf(' ', room);
		const cut = space > room / 2 ? space : room;
		lines.push(rest.slice(0, cut));
		rest = rest.slice(cut).trimStart();
	}
	if (rest.length > 0 && lines.length > 0)
		lines[lines.length - 1] =
			`${(lines.at(-1) ?? '').slice(0, Math.max(0, room - ellipsis.length))}${ellipsis}`;
	return lines;
}
