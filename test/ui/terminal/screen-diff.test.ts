import {describe, expect, it} from 'vitest';
import xterm from '@xterm/headless';
import {replayScreen, visibleRows} from '../../helpers/terminal-screen.js';
import {paintFrame, type PaintedFrame} from '../../../source/ui/terminal/screen-diff.js';

const COLUMNS = 60;
const ROWS = 12;

/** What a terminal shows after these bytes; a written space and a never-written cell look the same. */
async function screenAfter(bytes: string): Promise<string[]> {
	return (await replayScreen(bytes, COLUMNS, ROWS)).map((row) => row.trimEnd());
}

const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
const red = (text: string) => `\u001b[31m${text}\u001b[39m`;
const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;

/** A pseudo-random frame of `height` lines: coloured words, wide characters, lines of any length. */
function randomFrame(seed: number, height: number): string {
	let state = seed;
	const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
	const words = ['batch', '42/96', '100k', '日本', 'INPROGRESS', '█▓░', 'failed', ' ', 'ok'];
	return Array.from({length: height}, () => {
		let line = '';
		let width = 0;
		const target = Math.floor(next() * COLUMNS);
		while (width < target) {
			const word = words[Math.floor(next() * words.length)] ?? '';
			const wide = [...word].filter((character) => /\p{Script=Han}/u.test(character)).length;
			if (width + word.length + wide > COLUMNS) break;
			width += word.length + wide;
			const style = next();
			line += style < 0.3 ? red(word) : style < 0.5 ? bold(word) : word;
		}
		return line;
	}).join('\n');
}

describe('paintFrame', () => {
	it('leaves the screen exactly as a fresh paint would, frame after frame (no ghost cells)', async () => {
		let painted: PaintedFrame | undefined;
		let stream = '';
		let frame = '';
		for (let step = 0; step < 60; step++) {
			frame = randomFrame(step * 7 + 1, ROWS - 1);
			const result = paintFrame(painted, frame, {alternateScreen: false, columns: COLUMNS, rows: ROWS});
			stream += result.bytes;
			painted = result.painted;
		}
		const expected = plain(frame).map((line) => line.trimEnd());
		expect((await screenAfter(stream)).slice(0, ROWS - 1)).toEqual(expected);
	});

	it('rewrites only the changed cells: one digit costs a cursor move and the digit', () => {
		const before = `header\n  cohort-1   ${red('41/96')}  now\nfooter`;
		const after = `header\n  cohort-1   ${red('42/96')}  now\nfooter`;
		const first = paintFrame(undefined, before, {alternateScreen: false, columns: COLUMNS, rows: ROWS});
		const {bytes} = paintFrame(first.painted, after, {alternateScreen: false, columns: COLUMNS, rows: ROWS});
		expect(bytes).toContain('2');
		expect(bytes).not.toContain('cohort');
		expect(Buffer.byteLength(bytes)).toBeLessThan(30);
		expect(
			paintFrame(first.painted, before, {alternateScreen: false, columns: COLUMNS, rows: ROWS}).bytes,
		).toBe('');
	});

	it('erases the rest of a line that got shorter, and repaints whole when the height changes', async () => {
		const first = paintFrame(undefined, 'a long line here\nsecond', {
			alternateScreen: false,
			columns: COLUMNS,
			rows: ROWS,
		});
		const shorter = paintFrame(first.painted, 'a long\nsecond', {
			alternateScreen: false,
			columns: COLUMNS,
			rows: ROWS,
		});
		expect(await screenAfter(first.bytes + shorter.bytes)).toEqual([
			'a long',
			'second',
			...Array(ROWS - 2).fill(''),
		]);
		const taller = paintFrame(shorter.painted, 'one\ntwo\nthree', {
			alternateScreen: false,
			columns: COLUMNS,
			rows: ROWS,
		});
		expect(taller.bytes).toContain('\u001b[J');
		expect((await screenAfter(first.bytes + shorter.bytes + taller.bytes)).slice(0, 3)).toEqual([
			'one',
			'two',
			'three',
		]);
	});

	it('on the alternate screen a whole repaint starts from the top-left corner', () => {
		const first = paintFrame(undefined, 'x\ny', {alternateScreen: true, columns: COLUMNS, rows: ROWS});
		expect(first.bytes.startsWith('\u001b[H\u001b[J')).toBe(true);
		const again = paintFrame(first.painted, 'x\ny', {
			alternateScreen: true,
			whole: true,
			columns: COLUMNS,
			rows: ROWS,
		});
		expect(again.bytes).toBe('\u001b[H\u001b[Jx\ny\n');
	});

	it('never erases after writing the last column (the erase would take the character just written)', async () => {
		const options = {alternateScreen: true, columns: 10, rows: 4};
		const first = paintFrame(undefined, 'abcdefghij\nx', options);
		const next = paintFrame(first.painted, 'abcdefghiZ\nx', options);
		expect(next.bytes).not.toContain('\u001b[K');
		// A terminal that erases from the cursor while it waits to wrap (xterm, VT100) would lose the Z.
		expect((await replayScreen(first.bytes + next.bytes, 10, 4))[0]).toBe('abcdefghiZ');
	});

	it('cuts lines at the terminal width and frames at its height, so nothing wraps or scrolls', async () => {
		const options = {alternateScreen: true, columns: 8, rows: 4};
		const first = paintFrame(undefined, '0123456789\nsecond\nthird\nfourth\nfifth', options);
		const next = paintFrame(first.painted, '0123456789\nSECOND\nthird\nfourth\nfifth', options);
		expect((await replayScreen(first.bytes + next.bytes, 8, 4)).map((row) => row.trimEnd())).toEqual([
			'01234567',
			'SECOND',
			'third',
			'',
		]);
	});

	it('draws graphemes terminals measure differently as "?" in the columns Ink gave them', async () => {
		const options = {alternateScreen: true, columns: 30, rows: 4};
		// A ZWJ sequence (2 columns for Ink, 4 for xterm), a flag, a decomposed accent (composed), CJK (kept).
		const first = paintFrame(undefined, '👩\u200d🔬|🇯🇵|cafe\u0301|日本|end', options);
		const next = paintFrame(first.painted, '👩\u200d🔬|🇯🇵|cafe\u0301|日本|END', options);
		const screen = await replayScreen(first.bytes + next.bytes, 30, 4);
		expect(screen[0]?.trimEnd()).toBe('??|??|café|日本|END');
	});

	it('on the normal screen, a repaint after a resize starts from the top-left corner (the terminal may have reflowed)', async () => {
		const wide = {alternateScreen: false, columns: 20, rows: 6};
		const first = paintFrame(undefined, 'a line of twenty cha\nsecond\nthird', wide);
		const terminal = new xterm.Terminal({cols: 20, rows: 6, allowProposedApi: true, convertEol: true});
		await new Promise<void>((resolve) => terminal.write(`shell prompt\n${first.bytes}`, resolve));
		terminal.resize(10, 6);
		const narrow = paintFrame(first.painted, 'a line of \nsecond\nthird', {
			...wide,
			columns: 10,
			whole: true,
		});
		await new Promise<void>((resolve) => terminal.write(narrow.bytes, resolve));
		expect(visibleRows(terminal).map((row) => row.trimEnd())).toEqual([
			'a line of',
			'second',
			'third',
			'',
			'',
			'',
		]);
		terminal.dispose();
	});
});
