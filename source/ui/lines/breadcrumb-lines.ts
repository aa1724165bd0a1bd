import {wrapText} from '../text/wrap-text.js';
import type {Line} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

/**
 * Where the drill-down is, `batch › TASK_FAILED (9) › run 3628869 › task haplotype_caller`, wrapped
 * whole (an id is never cut); the last part, where the user is, in bold.
 */
export function breadcrumbLines(parts: readonly string[], width: number, glyphs: Glyphs): Line[] {
	const separator = glyphs.selected;
	const text = parts.join(` ${separator} `);
	const last = parts.at(-1) ?? '';
	const wrapped = wrapText(text, width);
	return wrapped.map((part, index) => {
		if (index !== wrapped.length - 1 || !part.endsWith(last)) return [{text: part, dim: true}];
		return [
			{text: part.slice(0, part.length - last.length), dim: true},
			{text: last, bold: true},
		];
	});
}
