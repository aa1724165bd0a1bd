import type {ListColumns} from '../layout/list-columns.js';
import type {SortMode} from '../state/ui-state.js';
import {clipLine, fit, type Line, type Span} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

/**
 * The list's header row: what each column is (BATCH, STATUS, the PROGRESS mini-bar, runs DONE of
 * total, SEEN: how old the row's data is), with the sort key marked by its direction (`STATUS↓`, `BATCH↑`, `DONE↑`; the age
 * sort, newest first, marks BATCH as `BATCH↓new`). The sorted column is bold, the rest dim.
 */
export function listHeaderLine(columns: ListColumns, sort: SortMode, glyphs: Glyphs): Line {
	const arrow = (mode: SortMode) => {
		if (mode !== sort) return '';
		if (mode === 'name') return glyphs.up;
		if (mode === 'progress') return glyphs.up;
		if (mode === 'age') return `${glyphs.down}new`;
		return glyphs.down;
	};
	const nameKey: SortMode = sort === 'age' ? 'age' : 'name';
	const cell = (text: string, mode: SortMode | undefined): Span =>
		mode !== undefined && mode === sort ? {text, bold: true} : {text, dim: true};
	if (columns.strip) {
		return clipLine(
			[
				{text: '  '},
				cell(fit(`ST${arrow('status')}`, 4) + ' ', 'status'),
				cell(fit(`BATCH${arrow(nameKey)}`, columns.nameWidth, 'left', glyphs.ellipsis), nameKey),
			],
			columns.width,
			glyphs.ellipsis,
		);
	}
	const spans: Span[] = [
		{text: '  '},
		cell(fit(`BATCH${arrow(nameKey)}`, columns.nameWidth, 'left', glyphs.ellipsis), nameKey),
		{text: ' '},
		cell(fit(` STATUS${arrow('status')}`, 11) + ' ', 'status'),
	];
	if (columns.bar) spans.push(cell(fit('PROGRESS', 8) + ' ', undefined));
	spans.push(
		cell(fit(`DONE${arrow('progress')}`, 10, 'right'), 'progress'),
		cell(fit('SEEN', 5, 'right'), undefined),
	);
	return clipLine(spans, columns.width, glyphs.ellipsis);
}
