import stringWidth from 'string-width';
import {batchVerdict} from '../domain/batch-verdict.js';
import {doneRuns, type BatchView} from '../domain/batch-view.js';
import {batchRecord} from './json-events.js';
import {guardJson} from './output-guard.js';
import {groupThousands} from '../domain/thousands.js';
import type {FailureGroup} from '../domain/failure-groups.js';
import {countedGroupText, kindNoun, type FailureKind} from './failure-text.js';

/** Failure reasons --once read for one kind: the groups, out of how many read and how many failed. */
export interface OnceFailures {
	readonly kind: FailureKind;
	readonly groups: readonly FailureGroup[];
	readonly loaded: number;
	readonly failed: number;
}

/** A --once result per batch: its view (with the failure reasons read, if any), or why it could not be read. */
export type OnceRow =
	| {
			readonly id: string;
			readonly view: BatchView;
			readonly failures?: readonly OnceFailures[];
			/** Why the failure reasons could not be read. */
			readonly failuresError?: string;
	  }
	| {readonly id: string; readonly error: string};

/** Failure groups --once prints per kind under the table. */
const ONCE_GROUPS = 3;

const count = groupThousands;

/** --once as an aligned table. */
export function onceTable(rows: readonly OnceRow[]): string[] {
	const header = ['ID', 'NAME', 'STATUS', 'RUNS DONE', 'FAILED', 'STARTS', 'VERDICT'];
	const body = rows.map((row) => {
		if (!('view' in row)) return [row.id, '', 'ERROR', '', '', '', row.error];
		const view = row.view;
		const s = view.submissions;
		return [
			view.id,
			view.name || '-',
			view.status,
			`${count(doneRuns(view))}/${count(view.totalRuns)}`,
			count(view.runs.failed + s.failed),
			`${count(s.successful + s.failed)}/${count(view.totalRuns)}`,
			batchVerdict(view).label,
		];
	});
	// Display width, not .length: names can hold wide characters. A loop: rows can be many.
	const widths = header.map((title, column) => {
		let width = stringWidth(title);
		for (const cells of body) width = Math.max(width, stringWidth(cells[column] ?? ''));
		return width;
	});
	const format = (cells: string[]) =>
		cells
			.map((cell, column) =>
				column === cells.length - 1
					? cell
					: cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - stringWidth(cell))),
			)
			.join('  ')
			.trimEnd();
	// What did not add up is said under the table, never dropped.
	const anomalies = rows.flatMap((row) =>
		'view' in row ? row.view.anomalies.map((anomaly) => `${row.id}: anomaly: ${anomaly}`) : [],
	);
	return [format(header), ...body.map(format), ...anomalies, ...rows.flatMap(failureLines)];
}

/** Under the table: a batch's failure reason, whole, and the largest failure groups read. */
function failureLines(row: OnceRow): string[] {
	if (!('view' in row)) return [];
	const lines: string[] = [];
	if (row.view.failureReason) lines.push(`${row.id}: failure reason: ${row.view.failureReason}`);
	for (const read of row.failures ?? []) {
		if (read.groups.length === 0) continue;
		const of = `${kindNoun(read.kind)}, ${count(read.loaded)} of ${count(read.failed)} read`;
		for (const group of read.groups.slice(0, ONCE_GROUPS))
			lines.push(`${row.id}: ${of}: ${countedGroupText(group, read.kind)}`);
		if (read.groups.length > ONCE_GROUPS)
			lines.push(
				`${row.id}: ${of}: and ${count(read.groups.length - ONCE_GROUPS)} more group${read.groups.length - ONCE_GROUPS === 1 ? '' : 's'}`,
			);
	}
	if (row.failuresError) lines.push(`${row.id}: failure reasons not read: ${row.failuresError}`);
	return lines;
}

/** --once --json: one object per batch per line, with `failureGroups` when failure reasons were read. */
export function onceJsonLines(rows: readonly OnceRow[]): string[] {
	return rows.map((row) =>
		guardJson(
			'view' in row
				? {
						...batchRecord(row.view),
						...(row.failures
							? {
									failureGroups: row.failures.flatMap((read) =>
										read.groups.map((group) => ({
											kind: read.kind,
											reason: group.reason,
											message: group.message,
											count: group.count,
											examples: [...group.examples],
											loaded: read.loaded,
											failed: read.failed,
										})),
									),
								}
							: {}),
					}
				: {id: row.id, status: null, verdict: 'unknown', error: row.error},
		),
	);
}
