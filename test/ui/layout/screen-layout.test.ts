import {describe, expect, it} from 'vitest';
import {listColumns} from '../../../source/ui/layout/list-columns.js';
import {paneRows, screenLayout} from '../../../source/ui/layout/screen-layout.js';
import {listHeaderLine} from '../../../source/ui/lines/list-header-line.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';

const text = (line: readonly {text: string}[]) => line.map((span) => span.text).join('');
// The demo's widest name: germline-trio-2026-11 and methylation-reprocess.
const DEMO_WIDEST = 21;

describe('the list gets the width its names need', () => {
	it.each([120, 160, 200])('at %i columns the demo names are whole', (columns) => {
		const layout = screenLayout(columns, 40, 12, {widestName: DEMO_WIDEST});
		const list = listColumns(layout.listColumns, DEMO_WIDEST);
		expect(list.nameWidth).toBeGreaterThanOrEqual(DEMO_WIDEST);
		expect(layout.listColumns + 1 + layout.panelColumns).toBe(columns);
	});

	it('draws the mini-bar where the names fit beside it, and gives its room to the names where not', () => {
		expect(
			listColumns(screenLayout(200, 55, 12, {widestName: DEMO_WIDEST}).listColumns, DEMO_WIDEST).bar,
		).toBe(true);
		expect(
			listColumns(screenLayout(120, 40, 12, {widestName: DEMO_WIDEST}).listColumns, DEMO_WIDEST).bar,
		).toBe(false);
	});

	it('never takes more than 45% of the columns: long names are then shortened', () => {
		const layout = screenLayout(120, 40, 40, {widestName: 60});
		expect(layout.listColumns).toBe(54);
		expect(listColumns(layout.listColumns, 60).nameWidth).toBe(24);
	});

	it('beside an open detail pane the list is a strip of 16-24 columns and the pane has the rest', () => {
		const layout = screenLayout(120, 40, 12, {widestName: DEMO_WIDEST, detailOpen: true});
		expect(layout.listColumns).toBe(24);
		expect(layout.panelColumns).toBe(95);
		expect(screenLayout(120, 40, 1, {widestName: 3, detailOpen: true}).listColumns).toBe(16);
		// Stacked (medium), the list is above the pane: no strip.
		expect(screenLayout(80, 24, 12, {widestName: DEMO_WIDEST, detailOpen: true}).listColumns).toBe(80);
	});

	it('takes a row for the header where at least two batch rows stay', () => {
		const wide = paneRows(screenLayout(120, 40, 12), false);
		expect(wide.listHeader).toBe(true);
		expect(wide.listRows).toBe(36);
		const open = paneRows(screenLayout(120, 40, 12), true);
		expect(open).toMatchObject({listTitle: true, listHeader: true, listRows: 35});
	});
});

describe('the list header row', () => {
	it('names the columns and marks the sort key and its direction', () => {
		const columns = listColumns(60, 21);
		expect(text(listHeaderLine(columns, 'status', UNICODE_GLYPHS))).toMatch(
			/^ {2}BATCH +STATUS↓ +PROGRESS +DONE SEEN$/,
		);
		expect(text(listHeaderLine(columns, 'name', UNICODE_GLYPHS))).toMatch(/BATCH↑ +STATUS /);
		expect(text(listHeaderLine(columns, 'progress', UNICODE_GLYPHS))).toMatch(/DONE↑ SEEN$/);
		expect(text(listHeaderLine(columns, 'age', UNICODE_GLYPHS))).toMatch(/BATCH↓new/);
		expect(text(listHeaderLine(columns, 'status', ASCII_GLYPHS))).toMatch(/STATUSDn/);
		expect(text(listHeaderLine(columns, 'status', UNICODE_GLYPHS)).length).toBe(60);
	});

	it('in the strip, says the short status and the name', () => {
		expect(text(listHeaderLine(listColumns(22, 15, true), 'status', UNICODE_GLYPHS))).toMatch(
			/^ {2}ST↓ {2}BATCH/,
		);
	});
});
