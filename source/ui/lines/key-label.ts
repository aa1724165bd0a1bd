import type {Glyphs} from '../theme/glyphs.js';

/** A binding's keys as drawn: arrows become the glyph set's (Up/Dn in ASCII). */
export const keyLabel = (keys: string, glyphs: Glyphs): string =>
	keys.replace('↑', glyphs.up).replace('↓', glyphs.down);
