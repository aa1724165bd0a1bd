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

/** Whether to draw ASCII only: `--ascii`, or a terminal (TERM=dumb or linux) that cannot be trusted with box-drawing and braille characters. */
export function wantsAscii(flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
	return flag || env['TERM'] === 'dumb' || env['TERM'] === 'linux';
}

/**
 * Whether to colour: the flag decides when given (`--color` / `--no-color`); then FORCE_COLOR (a
 * non-empty value other than 0 or false) turns colour on, and NO_COLOR (any non-empty value),
 * FORCE_COLOR=0|false or TERM=dumb turn it off; when the environment says nothing, `fallback` (the
 * config file's `color`, else on).
 */
export function wantsColor(
	flag: boolean | undefined,
	env: NodeJS.ProcessEnv = process.env,
	fallback = true,
): boolean {
	if (flag !== undefined) return flag;
	const force = env['FORCE_COLOR'];
	if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	if (force === '0' || force === 'false') return false;
	// A dumb terminal understands no escape sequences, SGR colour included.
	if (env['TERM'] === 'dumb') return false;
	return fallback;
}
