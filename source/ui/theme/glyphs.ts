import type {SegmentKey} from '../../domain/progress-segments.js';

/** Every glyph the UI draws, in a Unicode set and an ASCII set (for --ascii, TERM=dumb/linux, and no colour). */
export interface Glyphs {
	readonly spinner: readonly string[];
	/** Marks an active batch in the list (the spinner turns only in the panel: one moving glyph, one line repainted). */
	readonly active: string;
	readonly selected: string;
	readonly separator: string;
	readonly ellipsis: string;
	readonly warning: string;
	readonly bullet: string;
	readonly up: string;
	readonly down: string;
	readonly enter: string;
	/** Stands for a missing value. */
	readonly dash: string;
	readonly dot: string;
	readonly times: string;
	readonly rule: string;
	readonly segment: Readonly<Record<SegmentKey, string>>;
}

export const UNICODE_GLYPHS: Glyphs = {
	spinner: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
	active: '•',
	selected: '›',
	separator: '│',
	ellipsis: '…',
	warning: '!',
	bullet: '■',
	up: '↑',
	down: '↓',
	enter: '⏎',
	dash: '—',
	dot: '·',
	times: '×',
	rule: '─',
	segment: {
		successful: '█',
		failed: '█',
		pending: '░',
		completed: '█',
		runFailed: '█',
		cancelled: '█',
		deleted: '▒',
		stopping: '▓',
		running: '▓',
		starting: '▒',
		runPending: '░',
		notStarted: '·',
	},
};

/** Distinct characters per segment, so bars still read without colour. */
export const ASCII_GLYPHS: Glyphs = {
	spinner: ['|', '/', '-', '\\'],
	active: '+',
	selected: '>',
	separator: '|',
	ellipsis: '~',
	warning: '!',
	bullet: '*',
	up: 'Up',
	down: 'Dn',
	enter: 'Enter',
	dash: '-',
	dot: '.',
	times: 'x',
	rule: '-',
	segment: {
		successful: '#',
		failed: 'X',
		pending: '.',
		completed: '#',
		runFailed: 'X',
		cancelled: 'C',
		deleted: 'D',
		stopping: 'S',
		running: '=',
		starting: '~',
		runPending: '-',
		notStarted: '.',
	},
};

/** Whether the terminal can be trusted with box-drawing and braille characters. */
export function wantsAscii(flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
	return flag || env['TERM'] === 'dumb' || env['TERM'] === 'linux';
}

/** NO_COLOR (any non-empty value) turns colour off unless FORCE_COLOR asks for it. */
export function wantsColor(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
	if (flag === false) return false;
	const force = env['FORCE_COLOR'];
	if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	return force !== '0' && force !== 'false';
}
