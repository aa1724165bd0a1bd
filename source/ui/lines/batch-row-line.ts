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
	readonly width: number;
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

/** One fixed-width list row: marker, name, status, mini progress, runs done/total, data age. */
export function batchRowLine(batch: BatchSnapshot, context: RowContext): Line {
	const {width, glyphs, selected} = context;
	const view = batch.view;
	const withBar = width >= 56;
	const marker: Span = {text: selected ? `${glyphs.selected} ` : '  ', bold: true};
	const stale = batch.lastError !== undefined;
	const age: Span =
		batch.lastUpdated === undefined
			? {text: fit(batch.lastError ? 'err' : glyphs.ellipsis, 5, 'right'), color: 'red'}
			: {
					text: fit(context.age, 5, 'right'),
					...(stale ? {color: 'magenta' as const} : {dim: true}),
				};
	// marker 2 + space 1 + badge 12 + bar 9 + counts 10 + space-and-age 5; the name takes what is left.
	const fixed = 2 + 1 + 12 + (withBar ? 9 : 0) + 10 + 5;
	const nameWidth = Math.max(4, width - fixed);
	if (!view && batch.listing && !batch.lastError) {
		const {name, status, totalRuns} = batch.listing;
		return [
			marker,
			{text: fit(name || batch.id, nameWidth, 'left', glyphs.ellipsis), bold: selected},
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
			{text: fit(batch.id, nameWidth, 'left', glyphs.ellipsis), bold: selected},
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
		{
			text: fit(view.label, nameWidth, 'left', glyphs.ellipsis),
			bold: selected,
			inverse: selected && context.focused,
		},
		{text: ' '},
		badge,
		...(withBar ? [...barSpans(runSegments(view, 8), glyphs, stale), {text: ' '}] : []),
		{text: fit(counts, 10, 'right'), dim: stale},
		age,
	];
}
