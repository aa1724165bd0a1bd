import {describe, expect, it} from 'vitest';
import {footerLine} from '../../../source/ui/lines/footer-line.js';
import {INITIAL_UI_STATE} from '../../../source/ui/state/ui-state.js';
import {lineWidth} from '../../../source/ui/text/styled-line.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';

const text = (width: number, state = INITIAL_UI_STATE, glyphs = UNICODE_GLYPHS) => {
	const line = footerLine(state, {width, glyphs, shown: 12, total: 12, paused: false});
	expect(lineWidth(line)).toBeLessThanOrEqual(width);
	return line.map((span) => span.text).join('');
};

describe('footerLine', () => {
	it('drops whole hints, timeline first, then refresh, then failures, sort, filter, move; help and quit always stay', () => {
		expect(text(120)).toBe(
			'↑/↓ j/k move  Enter/d detail  t timeline  / filter  f failures  s sort:status  r refresh  p pause  ? help  q quit  ',
		);
		expect(text(90)).toBe('↑/↓ j/k move  Enter/d detail  / filter  s sort:status  p pause  ? help  q quit  ');
		expect(text(60)).toBe('↑/↓ j/k move  Enter/d detail  / filter  ? help  q quit  ');
		expect(text(40)).toBe('Enter/d detail  ? help  q quit  ');
		expect(text(20)).toBe('? help  q quit  ');
		expect(text(40, INITIAL_UI_STATE, ASCII_GLYPHS)).toBe('Enter/d detail  ? help  q quit  ');
	});

	it('puts the last key’s notice first and keeps help and quit', () => {
		const shown = text(64, {...INITIAL_UI_STATE, notice: 'paused: r does not refresh; p resumes polling'});
		expect(shown).toBe('paused: r does not refresh; p resumes polling  ? help  q quit  ');
	});

	it('shows the focus keys once the detail pane is open', () => {
		expect(text(100, {...INITIAL_UI_STATE, detailOpen: true, focus: 'detail'})).toContain('Tab focus');
		expect(text(100, {...INITIAL_UI_STATE, detailOpen: true, focus: 'detail'})).toContain('j/k scroll');
	});

	it('with the detail pane open shows every key that works there, Esc close included (found by a new user)', () => {
		const detail = {...INITIAL_UI_STATE, detailOpen: true, focus: 'detail' as const};
		const wide = text(200, detail);
		for (const hint of [
			'Esc close',
			'/ filter',
			'f failures',
			's sort:status',
			'Tab focus',
			'PgUp/PgDn page',
		])
			expect(wide).toContain(hint);
		expect(text(200, {...detail, filter: 'germ'})).toContain('Esc clear filter');
		// Short of room, Esc outlasts refresh, failures, sort, pause, filter, more failures and move.
		expect(text(60, detail)).toContain('Esc close');
		expect(text(60, detail)).not.toContain('r refresh');
		// At 40 columns Esc is the last of the keys to go, after Enter/d and Tab.
		expect(text(40, detail)).toBe('Esc close  ? help  q quit  ');
	});
});
