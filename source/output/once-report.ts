import stringWidth from 'string-width';
import {batchVerdict} from '../domain/batch-verdict.js';
import {doneRuns, type BatchView} from '../domain/batch-view.js';
import {batchRecord} from './json-events.js';
import {guardJson} from './output-guard.js';
import {groupThousands} from '../domain/thousands.js';

/** A --once result per batch: its view, or why it could not be read. */
export type OnceRow =
	{readonly id: string; readonly view: BatchView} | {readonly id: string; readonly error: string};

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
	return [format(header), ...body.map(format), ...anomalies];
}

/** --once --json: one object per batch per line. */
export function onceJsonLines(rows: readonly OnceRow[]): string[] {
	return rows.map((row) =>
		guardJson(
			'view' in row
				? batchRecord(row.view)
				: {id: row.id, status: null, verdict: 'unknown', error: row.error},
		),
	);
}
