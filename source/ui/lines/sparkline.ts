const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII_BLOCKS = ['_', '.', '-', '~', '=', '+', '*', '#'];

/**
 * Values as a row of block glyphs, one per value, scaled to the largest (`▁▂▅█`; `_.=#` in ASCII).
 * A zero is the lowest block, so a stalled stretch still shows as a line on the floor.
 */
export function sparkline(values: readonly number[], ascii = false): string {
	const blocks = ascii ? ASCII_BLOCKS : BLOCKS;
	let top = 0;
	for (const value of values) top = Math.max(top, value);
	return values
		.map((value) => {
			if (top <= 0) return blocks[0];
			const level = Math.round((Math.max(0, value) / top) * (blocks.length - 1));
			return blocks[Math.min(blocks.length - 1, level)];
		})
		.join('');
}
