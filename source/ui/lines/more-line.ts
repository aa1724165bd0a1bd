import {clipLine, type Line} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';
import {formatCount} from '../text/format.js';

/** The `↑ N more` / `↓ N more` row of a list or text that does not fit; the keys that scroll it when given. */
export function moreLine(
	direction: 'up' | 'down',
	count: number,
	glyphs: Glyphs,
	width: number,
	keys = '',
): Line {
	const arrow = direction === 'up' ? glyphs.up : glyphs.down;
	return clipLine(
		[{text: `  ${arrow} ${formatCount(count)} more${keys ? `  (${keys})` : ''}`, dim: true}],
		width,
		glyphs.ellipsis,
	);
}
