import {failureCount} from '../../domain/batch-verdict.js';
import {doneRuns} from '../../domain/batch-view.js';
import {runSegments} from '../../domain/progress-segments.js';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {statusColor} from '../theme/palette.js';
import {fit, type Line, type Span} from '../text/styled-line.js';
import {formatAge} from '../text/format.js';
import {ageMs} from '../../domain/age.js';
import type {Glyphs} from '../theme/glyphs.js';
import {barSpans, compactCount} from './progress-bar.js';
import type {ListColumns} from '../layout/list-columns.js';

/** Short badge text so every status fits ten columns. */
export function statusBadge(status: string): string {
	const short: Record<string, string> = {
		RUNS_DELETING: 'DELETING',
		RUNS_DELETED: 'DELETED',
		RUNS_DELETE_FAILED: 'DEL-FAILED',
	};
	return short[status] ?? status;
}

export interface RowContext {
	/** The list's columns (listColumns): name width, bar, strip. */
	readonly columns: ListColumns;
	/** The name as the row shows it (listNames: shortened in the middle, the id added on a collision). */
	readonly name: string;
	/** The age of the row's data as shown (rowAge): rows re-render when it changes, not every second. */
	readonly age: string;
	readonly glyphs: Glyphs;
	readonly selected: boolean;
	readonly focused: boolean;
}

/** How old a row's data looks at `now`: "now", "20s", "3m"; empty before the first answer; never negative. */
export function rowAge(batch: BatchSnapshot, now: number): string {
	return batch.lastUpdated === undefined ? '' : formatAge(ageMs(now, batch.lastUpdated));
}

/** Four letters for a status in the strip beside the detail pane. */
export function shortStatus(status: string): string {
	const short: Record<string, string> = {
		CREATING: 'CRE',
		PENDING: 'PEND',
		SUBMITTING: 'SUBM',
		INPROGRESS: 'RUN',
		STOPPING: 'STOP',
		CANCELLED: 'CANC',
		FAILED: 'FAIL',
		PROCESSED: 'DONE',
		RUNS_DELETING: 'DEL',
		RUNS_DELETED: 'DELD',
		RUNS_DELETE_FAILED: 'DELF',
	};
	return short[status] ?? status.slice(0, 4);
}

/** One fixed-width list row: marker, name, status, mini progress, runs done/total, data age; or the strip's marker, short status and name. */
export function batchRowLine(batch: BatchSnapshot, context: RowContext): Line {
	const {columns, glyphs, selected} = context;
	const {width, nameWidth} = columns;
	const view = batch.view;
	const withBar = columns.bar;
	const marker: Span = {text: selected ? `${glyphs.selected} ` : '  ', bold: true};
	const stale = batch.lastError !== undefined;
	const nameSpan: Span = {
		text: fit(context.name, nameWidth, 'left', glyphs.ellipsis),
		bold: selected,
		...(selected && context.focused ? {inverse: true} : {}),
	};
	if (columns.strip) {
		const status = view?.status ?? batch.listing?.status;
		const short: Span = view
			? {
					text: fit(shortStatus(view.status), 4) + ' ',
					color: statusColor(view.status, view.statusClass, failureCount(view)),
					dim: stale,
				}
			: {
					text: fit(batch.lastError ? 'ERR' : status ? shortStatus(status) : glyphs.ellipsis, 4) + ' ',
					...(batch.lastError ? {color: 'red' as const} : {dim: true}),
				};
		return [marker, short, nameSpan];
	}
	const age: Span =
		batch.lastUpdated === undefined
			? {text: fit(batch.lastError ? 'err' : glyphs.ellipsis, 5, 'right'), color: 'red'}
			: {
					text: fit(context.age, 5, 'right'),
					...(stale ? {color: 'magenta' as const} : {dim: true}),
				};
	if (!view && batch.listing && !batch.lastError) {
		const {status, totalRuns} = batch.listing;
		return [
			marker,
			{...nameSpan, inverse: false},
			{text: ' '},
			{text: fit(` ${statusBadge(status)}`, 11) + ' ', dim: true},
			...(withBar ? [{text: ' '.repeat(9)}] : []),
			{text: fit(`?/${compactCount(totalRuns)}`, 10, 'right'), dim: true},
			age,
		];
	}
	if (!view) {
		return [
			marker,
			{...nameSpan, inverse: false},
			{
				text: fit(batch.lastError ? ` ${batch.lastError.kind}` : ' loading', width - 2 - nameWidth - 5),
				color: batch.lastError ? 'red' : 'gray',
			},
			age,
		];
	}
	const active = view.statusClass === 'active';
	const badge: Span = {
		text: fit(`${active ? glyphs.active : ' '}${statusBadge(view.status)}`, 11) + ' ',
		color: statusColor(view.status, view.statusClass, failureCount(view)),
		dim: stale,
	};
	// Runs done (completed or failed) of total: a cancelled batch reads 258/800, not 800/800.
	const counts = `${compactCount(doneRuns(view))}/${compactCount(view.totalRuns)}`;
	return [
		marker,
		nameSpan,
		{text: ' '},
		badge,
		...(withBar ? [...barSpans(runSegments(view, 8), glyphs, stale), {text: ' '}] : []),
		{text: fit(counts, 10, 'right'), dim: stale},
		age,
	];
}
