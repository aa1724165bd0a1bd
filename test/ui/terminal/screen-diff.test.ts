import {describe, expect, it} from 'vitest';
import {replayScreen} from '../../helpers/terminal-screen.js';
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
			const result = paintFrame(painted, frame, {alternateScreen: false});
			stream += result.bytes;
			painted = result.painted;
		}
		const expected = plain(frame).map((line) => line.trimEnd());
		expect((await screenAfter(stream)).slice(0, ROWS - 1)).toEqual(expected);
	});

	it('rewrites only the changed cells: one digit costs a cursor move and the digit', () => {
		const before = `header\n  cohort-1   ${red('41/96')}  now\nfooter`;
		const after = `header\n  cohort-1   ${red('42/96')}  now\nfooter`;
		const first = paintFrame(undefined, before, {alternateScreen: false});
		const {bytes} = paintFrame(first.painted, after, {alternateScreen: false});
		expect(bytes).toContain('2');
		expect(bytes).not.toContain('cohort');
		expect(Buffer.byteLength(bytes)).toBeLessThan(30);
		expect(paintFrame(first.painted, before, {alternateScreen: false}).bytes).toBe('');
	});

	it('erases the rest of a line that got shorter, and repaints whole when the height changes', async () => {
		const first = paintFrame(undefined, 'a long line here\nsecond', {alternateScreen: false});
		const shorter = paintFrame(first.painted, 'a long\nsecond', {alternateScreen: false});
		expect(await screenAfter(first.bytes + shorter.bytes)).toEqual([
			'a long',
			'second',
			...Array(ROWS - 2).fill(''),
		]);
		const taller = paintFrame(shorter.painted, 'one\ntwo\nthree', {alternateScreen: false});
		expect(taller.bytes).toContain('\u001b[J');
		expect((await screenAfter(first.bytes + shorter.bytes + taller.bytes)).slice(0, 3)).toEqual([
			'one',
			'two',
			'three',
		]);
	});

	it('on the alternate screen a whole repaint starts from the top-left corner', () => {
		const first = paintFrame(undefined, 'x\ny', {alternateScreen: true});
		expect(first.bytes.startsWith('\u001b[H\u001b[J')).toBe(true);
		const again = paintFrame(first.painted, 'x\ny', {alternateScreen: true, whole: true});
		expect(again.bytes).toBe('\u001b[H\u001b[Jx\ny\n');
	});
});
