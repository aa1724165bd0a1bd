import type {BatchSnapshot, FailureList} from '../../poller/poller-state.js';
import {formatCount, formatDuration} from '../text/format.js';
import {ageMs} from '../../domain/age.js';
import {clipLine, lineWidth, type Line, type Span} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';
import type {FailureBlock, FailureBlocks} from './failure-blocks.js';
import type {GroupFact} from '../state/drill-reducer.js';
import {labelledLines, wrappedLines} from './wrapped-lines.js';

export interface DetailContext {
	readonly width: number;
	readonly glyphs: Glyphs;
	/** The failure groups as blocks of whole text at `width` (failureBlocks; memoised by useFailureBlocks). */
	readonly tables: FailureBlocks;
	/** Polling is paused: a page being read waits, and says so. */
	readonly paused?: boolean;
}

/** A section's heading, `Runs: 9 failed  (all 9 loaded)`, the state under it when both do not fit one row. */
function sectionHeading(title: Span, state: string, width: number): Line[] {
	const line: Line = [title, {text: `  (${state})`, dim: true}];
	if (lineWidth(line) <= width) return [line];
	return [[title], ...wrappedLines(`(${state})`, width, 2, {dim: true})];
}

function failureSection(
	title: string,
	total: number,
	list: FailureList | undefined,
	loading: boolean,
	block: FailureBlock,
	context: DetailContext,
): {lines: Line[]; starts: readonly number[]} {
	// "Runs: none" read as no runs at all on a running batch: it means none failed.
	if (total === 0 && !(list && list.loaded > 0))
		return {lines: [[{text: `${title}: none failed`, dim: true}]], starts: []};
	const state = failureListState(total, list, loading, context.glyphs.ellipsis, context.paused);
	const heading: Span = {text: `${title}: ${formatCount(total)} failed`, bold: true, color: 'red'};
	const head = sectionHeading(heading, state, context.width);
	return {lines: [...head, ...block.lines], starts: block.starts.map((start) => start + head.length)};
}

/**
 * What the loaded list is, against the count GetBatch gives: all of them; some, more to page through;
 * all there were when listed, more failed since (a complete list is not "all" once the count grew);
 * or more than the count (runSummary trails the listing: eventually consistent).
 */
export function failureListState(
	total: number,
	list: FailureList | undefined,
	loading: boolean,
	ellipsis: string,
	paused = false,
): string {
	if (loading && paused) return `${formatCount(list?.loaded ?? 0)} loaded, loading paused (p resumes)`;
	if (!list || (list.loaded === 0 && loading)) return `loading${ellipsis}`;
	const loaded = formatCount(list.loaded);
	if (loading) return `${loaded} loaded, loading more${ellipsis}`;
	if (!list.complete) return `${loaded} loaded, press l for more`;
	if (list.loaded === total) return `all ${loaded} loaded`;
	if (list.loaded < total)
		return `${loaded} loaded; ${formatCount(total - list.loaded)} more failed since, press l to load`;
	return `${loaded} listed; the batch's count lags behind`;
}

/** Columns of the label beside a field's value (the value's later lines start there too). */
const FIELD_LABEL = 16;
const SETTING_LABEL = 24;

/** The detail pane's lines and its failure groups (the line each heading is on), in the order shown. */
export interface DetailDocument {
	readonly lines: readonly Line[];
	readonly groups: readonly GroupFact[];
}

/** The detail pane's lines (detailDocument without the groups). */
export function detailLines(batch: BatchSnapshot, now: number, context: DetailContext): Line[] {
	return [...detailDocument(batch, now, context).lines];
}

/**
 * The detail pane: failures grouped by reason and message, then everything else the API says about
 * the batch. Every value from the API is whole, wrapped to `width` (never cut): the pane scrolls.
 */
export function detailDocument(batch: BatchSnapshot, now: number, context: DetailContext): DetailDocument {
	const {width} = context;
	const view = batch.view;
	if (!view) return {lines: [[{text: `${batch.id}: no data yet`, dim: true}]], groups: []};
	const failures = batch.failures;
	const lines: Line[] = [
		[
			{text: `${view.label}  `, bold: true},
			{text: `details`, dim: true},
		],
		[],
	];
	// Appends groups of lines without spreading them into a call (see eslint.config.js).
	const add = (...groups: ReadonlyArray<readonly Line[]>): void => {
		for (const group of groups) for (const line of group) lines.push(line);
	};
	const groups: GroupFact[] = [];
	const section = (
		kind: GroupFact['kind'],
		title: string,
		total: number,
		list: FailureList | undefined,
		block: FailureBlock,
	) => {
		const shown = failureSection(title, total, list, failures?.loading ?? true, block, context);
		shown.starts.forEach((start, index) => {
			const group = list?.groups[index];
			if (group) groups.push({kind, key: group.key, reason: group.reason, line: lines.length + start});
		});
		add(shown.lines);
	};
	section(
		'submission',
		'Submissions',
		view.submissions.failed,
		failures?.submissions,
		context.tables.submissions,
	);
	lines.push([]);
	section('run', 'Runs', view.runs.failed, failures?.runs, context.tables.runs);
	if (failures?.error)
		add(wrappedLines(`Could not load failures: ${failures.error.message}`, width, 0, {color: 'red'}));
	lines.push([]);
	const field = (label: string, value: string | undefined, valueStyle: Omit<Span, 'text'> = {}): Line[] =>
		value
			? labelledLines(label, value, width, {
					labelColumns: FIELD_LABEL,
					underIndent: 2,
					labelStyle: {dim: true},
					valueStyle,
				})
			: [];
	lines.push([{text: 'Batch', bold: true}]);
	add(
		field('ARN', view.arn),
		field('UUID', view.uuid),
		field('Status', view.status),
		field('Total runs', formatCount(view.totalRuns)),
	);
	const iso = (date: Date | undefined) => date?.toISOString();
	add(
		field('Created', iso(view.createdAt)),
		field('Submitted', iso(view.submittedAt)),
		field('Processed', iso(view.processedAt)),
		field('Failed', iso(view.failedAt)),
	);
	add(field('Failure reason', view.failureReason, {color: 'red'}));
	const s = view.submissions;
	add(
		field(
			'Cancel calls',
			s.cancelSucceeded + s.cancelFailed > 0
				? `${formatCount(s.cancelSucceeded)} succeeded, ${formatCount(s.cancelFailed)} failed`
				: undefined,
		),
	);
	add(
		field(
			'Delete calls',
			s.deleteSucceeded + s.deleteFailed > 0
				? `${formatCount(s.deleteSucceeded)} succeeded, ${formatCount(s.deleteFailed)} failed`
				: undefined,
		),
	);
	if (batch.lastUpdated !== undefined)
		add(
			field(
				'Fetched',
				`${new Date(batch.lastUpdated).toISOString()} (${formatDuration(ageMs(now, batch.lastUpdated))} ago)`,
			),
		);
	if (batch.lastError)
		add(
			field(
				'Last error',
				`${batch.lastError.message}${batch.lastError.requestId ? ` (request id ${batch.lastError.requestId})` : ''}`,
			),
		);
	const setting = (key: string, value: string): Line[] =>
		labelledLines(`  ${key}`, value, width, {
			labelColumns: SETTING_LABEL,
			underIndent: 4,
			labelStyle: {dim: true},
		});
	lines.push([]);
	lines.push([{text: 'Default run setting', bold: true}]);
	for (const [key, value] of view.settings) add(setting(key, value));
	const tags = Object.entries(view.tags);
	lines.push([]);
	lines.push([
		{text: 'Tags', bold: true},
		{text: tags.length === 0 ? '  none' : '', dim: true},
	]);
	for (const [key, value] of tags) add(setting(key, value));
	if (view.anomalies.length > 0) {
		lines.push([]);
		lines.push([{text: 'Anomalies', bold: true, color: 'magenta'}]);
		for (const anomaly of view.anomalies) add(wrappedLines(anomaly, width, 2, {color: 'magenta'}));
	}
	// Only the title row (the batch's name) can be wider than the pane; everything else is wrapped.
	return {lines: lines.map((line) => clipLine(line, width, context.glyphs.ellipsis)), groups};
}
