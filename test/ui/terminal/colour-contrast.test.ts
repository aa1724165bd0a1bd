import {afterEach, describe, expect, it} from 'vitest';
import {CLI, cliEnv} from '../../helpers/run-cli.js';
import {PtyCapture} from '../../helpers/pty-capture.js';

// xterm's standard 16-colour palette (its defaults, as most terminals ship them unless a theme changes them).
const XTERM_PALETTE = [
	'#000000',
	'#cd0000',
	'#00cd00',
	'#cdcd00',
	'#0000ee',
	'#cd00cd',
	'#00cdcd',
	'#e5e5e5',
	'#7f7f7f',
	'#ff0000',
	'#00ff00',
	'#ffff00',
	'#5c5cff',
	'#ff00ff',
	'#00ffff',
	'#ffffff',
];
const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray'];
/** A light and a dark theme: what the default foreground is drawn on. */
const BACKGROUNDS = {light: '#ffffff', dark: '#000000'} as const;

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((at) => {
		const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
	const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (high + 0.05) / (low + 0.05);
}

let pty: PtyCapture | undefined;
afterEach(async () => {
	await pty?.dispose();
	pty = undefined;
});

/** The palette colours of the demo's screen, split into cells of text (letters, digits) and of glyphs. */
function usedColours(terminal: PtyCapture['terminal']): {text: Set<number>; glyphs: Set<number>} {
	const text = new Set<number>();
	const glyphs = new Set<number>();
	const buffer = terminal.buffer.active;
	for (let row = 0; row < terminal.rows; row++) {
		const line = buffer.getLine(buffer.viewportY + row);
		for (let column = 0; line && column < terminal.cols; column++) {
			const cell = line.getCell(column);
			if (!cell || cell.getChars().trim() === '') continue;
			// An inverse cell shows its background colour as the foreground.
			const colour = cell.isInverse()
				? cell.isBgPalette()
					? cell.getBgColor()
					: -1
				: cell.isFgPalette()
					? cell.getFgColor()
					: -1;
			if (colour === -1) continue;
			(/[\p{L}\p{N}]/u.test(cell.getChars()) ? text : glyphs).add(colour);
		}
	}
	return {text, glyphs};
}

describe('colours on light and dark backgrounds', () => {
	it('draws text only in colours of at least 3:1 on white and on black, and never white or yellow', async () => {
		pty = new PtyCapture({
			command: [process.execPath, CLI, '--demo', '--speed', '20'],
			columns: 120,
			rows: 40,
			env: cliEnv({TERM: 'xterm-256color', FORCE_COLOR: '1', BATCHTOP_CONFIG: '/nonexistent/batchtop.json'}),
		});
		await pty.waitForScreen((screen) => /FAILED/.test(screen) && /CANCELLED/.test(screen), 'the demo list');
		const list = usedColours(pty.terminal);
		// The FAILED batch's detail pane: failure titles and reasons.
		pty.send('/');
		pty.send('variant');
		await pty.waitForScreen((screen) => /\/variant/.test(screen), 'the filter');
		pty.send('\r');
		await pty.waitForScreen((screen) => !/\/variant_/.test(screen), 'the kept filter');
		pty.send('d');
		await pty.waitForScreen((screen) => /DETAIL/.test(screen), 'the detail pane');
		const detail = usedColours(pty.terminal);
		const text = new Set([...list.text, ...detail.text]);
		const glyphs = new Set([...list.glyphs, ...detail.glyphs]);
		expect(text.size).toBeGreaterThan(0);
		for (const colour of text) {
			const hex = XTERM_PALETTE[colour]!;
			for (const background of Object.values(BACKGROUNDS))
				expect({colour: NAMES[colour] ?? colour, background, ratio: contrast(hex, background) >= 3}).toEqual({
					colour: NAMES[colour] ?? colour,
					background,
					ratio: true,
				});
		}
		for (const colour of [...text, ...glyphs]) expect(['white', 'yellow']).not.toContain(NAMES[colour]);
		pty.send('q');
	}, 30_000);

	it('computes WCAG ratios as the README gives them', () => {
		expect(contrast('#cdcd00', '#ffffff')).toBeCloseTo(1.7, 1);
		expect(contrast('#cd00cd', '#ffffff')).toBeCloseTo(4.69, 2);
		expect(contrast('#cd00cd', '#000000')).toBeCloseTo(4.48, 2);
		expect(contrast('#cd0000', '#000000')).toBeCloseTo(3.6, 2);
	});
});
