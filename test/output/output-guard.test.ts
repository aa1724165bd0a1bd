import {describe, expect, it} from 'vitest';
import {
	guardFrame,
	guardJson,
	guardLine,
	guardedLineWriter,
	guardStyledLine,
	writeErrorLine,
} from '../../source/output/output-guard.js';
import {HOSTILE_MARKERS, HOSTILE_STRING, unsafeOutput} from '../helpers/hostile-service.js';

const strings = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: Array.isArray(value)
			? value.flatMap(strings)
			: typeof value === 'object' && value !== null
				? Object.entries(value).flatMap(([key, entry]) => [key, ...strings(entry)])
				: [];

const clean = (text: string) => {
	expect(unsafeOutput(text, {allowSgr: false})).toEqual([]);
	for (const marker of HOSTILE_MARKERS) expect(text).not.toContain(marker);
};

describe('the output guard', () => {
	it('leaves nothing unsafe in a plain line and keeps layout spaces', () => {
		clean(guardLine(`id  ${HOSTILE_STRING}  end`));
		expect(guardLine('a    b')).toBe('a    b');
	});

	it('keeps SGR styling in frames and drops every other sequence, line by line', () => {
		const frame = `\u001b[1mbold\u001b[22m ${HOSTILE_STRING.replaceAll('\n', '')}\n\u001b[31mred\u001b[39m\u001b]52;c;Zm9v\u0007`;
		const guarded = guardFrame(frame);
		expect(guarded.split('\n')).toHaveLength(2);
		expect(unsafeOutput(guarded, {allowSgr: true})).toEqual([]);
		expect(guarded).toContain('\u001b[1mbold\u001b[22m');
		expect(guarded.split('\n')[1]).toBe('\u001b[31mred\u001b[39m');
		expect(guardStyledLine('plain')).toBe('plain');
	});

	it('guards every decoded string in a JSON record, keys included, and drops non-finite numbers', () => {
		const line = guardJson({
			message: HOSTILE_STRING,
			nested: [{[`k${HOSTILE_STRING}`]: `\u009b2J\u009d0;x\u009c`}],
			count: Number.POSITIVE_INFINITY,
			ok: 7,
		});
		expect(line).not.toContain('\n');
		const decoded: unknown = JSON.parse(line);
		for (const text of strings(decoded)) clean(text);
		expect((decoded as {count: unknown}).count).toBeNull();
		expect((decoded as {ok: unknown}).ok).toBe(7);
		// JSON.stringify alone escapes C0 but leaves C1 and U+2028 raw: `jq -r` would print them.
		expect(strings(JSON.parse(JSON.stringify({m: HOSTILE_STRING}))).join('')).toMatch(/[\u0080-\u009f]/);
	});

	it('writes stdout lines and stderr messages through the guard', () => {
		const written: string[] = [];
		const stream = {write: (text: string) => written.push(text)};
		guardedLineWriter(stream)(`line ${HOSTILE_STRING}`);
		writeErrorLine(`oops ${HOSTILE_STRING}`, stream);
		expect(written).toHaveLength(2);
		for (const text of written) {
			expect(text.endsWith('\n')).toBe(true);
			clean(text.slice(0, -1));
		}
		expect(written[1]?.startsWith('batchtop: oops ')).toBe(true);
	});
});
