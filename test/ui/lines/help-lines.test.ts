import {describe, expect, it} from 'vitest';
import {BINDINGS, MOUSE_BINDINGS} from '../../../source/ui/input/key-bindings.js';
import {helpLines} from '../../../source/ui/lines/help-lines.js';
import {UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';

const text = (width: number) =>
	helpLines(width, UNICODE_GLYPHS).map((line) => line.map((span) => span.text).join(''));

describe('helpLines', () => {
	it('lists every key binding and, under its own heading, every mouse gesture', () => {
		const help = text(200);
		for (const binding of BINDINGS)
			expect(help.some((line) => line.includes(binding.description))).toBe(true);
		const mouse = help.indexOf('Mouse (with --mouse)');
		expect(mouse).toBeGreaterThan(0);
		for (const binding of MOUSE_BINDINGS)
			expect(help.slice(mouse).some((line) => line.includes(binding.description))).toBe(true);
	});

	it('wraps descriptions under themselves at any width: nothing is cut with an ellipsis', () => {
		for (const width of [30, 49, 80]) {
			const help = text(width);
			for (const line of help) expect(line.length).toBeLessThanOrEqual(width);
			expect(help.join('\n')).not.toContain('…');
			const joined = help.map((line) => line.trim()).join(' ');
			for (const binding of BINDINGS) expect(joined).toContain(binding.description);
		}
	});
});
