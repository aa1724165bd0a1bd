import type {BatchSnapshot, FailureList} from '../../poller/poller-state.js';
import {formatCount, formatDuration} from '../text/format.js';
import {ageMs} from '../../domain/age.js';
import {clipLine, fit, type Line} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

export interface DetailContext {
	readonly width: number;
	readonly glyphs: Glyphs;
	/** The failure groups as table text (built outside React's render: see useFailureTables). */
	readonly tables: FailureTables;
}

export interface FailureTables {
	readonly submissions: readonly string[];
	readonly runs: readonly string[];
}

export const NO_TABLES: FailureTables = {submissions: [], runs: []};

function failureSection(
	title: string,
	total: number,
	list: FailureList | undefined,
	loading: boolean,
	table: readonly string[],
	context: DetailContext,
): Line[] {
	if (total === 0 && !(list && list.loaded > 0)) return [[{text: `${title}: none`, dim: true}]];
	const state = failureListState(total, list, loading, context.glyphs.ellipsis);
	const lines: Line[] = [
		[
			{text: `${title}: ${formatCount(total)} failed`, bold: true, color: 'red'},
			{text: `  (${state})`, dim: true},
		],
	];
	for (const text of table) lines.push([{text}]);
	return lines;
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
): string {
	if (!list || (list.loaded === 0 && loading)) return `loading${ellipsis}`;
	const loaded = formatCount(list.loaded);
	if (loading) return `${loaded} loaded, loading more${ellipsis}`;
	if (!list.complete) return `${loaded} loaded, press l for more`;
	if (list.loaded === total) return `all ${loaded} loaded`;
	if (list.loaded < total)
		return `${loaded} loaded; ${formatCount(total - list.loaded)} more failed since, press l to load`;
	return `${loaded} listed; the batch's count lags behind`;
}

/** The detail pane: failures grouped by reason, then everything else the API says about the batch. */
export function detailLines(batch: BatchSnapshot, now: number, context: DetailContext): Line[] {
	const view = batch.view;
	if (!view) return [[{text: `${batch.id}: no data yet`, dim: true}]];
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
	add(
		failureSection(
			'Submissions',
			view.submissions.failed,
			failures?.submissions,
			failures?.loading ?? true,
			context.tables.submissions,
			context,
		),
	);
	lines.push([]);
	add(
		failureSection(
			'Runs',
			view.runs.failed,
			failures?.runs,
			failures?.loading ?? true,
			context.tables.runs,
			context,
		),
	);
	if (failures?.error)
		lines.push([{text: `Could not load failures: ${failures.error.message}`, color: 'red'}]);
	lines.push([]);
	const field = (label: string, value: string | undefined): Line[] =>
		value ? [[{text: fit(label, 16), dim: true}, {text: value}]] : [];
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
	for (const line of field('Failure reason', view.failureReason)) lines.push(line);
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
	lines.push([]);
	lines.push([{text: 'Default run setting', bold: true}]);
	for (const [key, value] of view.settings)
		lines.push([{text: fit(`  ${key}`, 24), dim: true}, {text: value}]);
	const tags = Object.entries(view.tags);
	lines.push([]);
	lines.push([
		{text: 'Tags', bold: true},
		{text: tags.length === 0 ? '  none' : '', dim: true},
	]);
	for (const [key, value] of tags) lines.push([{text: fit(`  ${key}`, 24), dim: true}, {text: value}]);
	if (view.anomalies.length > 0) {
		lines.push([]);
		lines.push([{text: 'Anomalies', bold: true, color: 'magenta'}]);
		for (const anomaly of view.anomalies) lines.push([{text: `  ${anomaly}`, color: 'magenta'}]);
	}
	return lines.map((line) => clipLine(line, context.width, context.glyphs.ellipsis));
}
