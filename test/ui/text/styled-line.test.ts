import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {widthOf} from '../../../source/ui/text/styled-line.js';
import {seededRandom} from '../../helpers/seeded-random.js';

const PIECES = [
	'a',
	' ',
	'█',
	'▓',
	'·',
	'日',
	'本',
	'é',
	'e\u0301',
	'👍',
	'👩‍👩‍👧',
	'🇫🇷',
	'\u200b',
	'⠋',
	'│',
	'±',
	'§',
];

describe('widthOf', () => {
	it('gives string-width’s answer, the first time and when remembered', () => {
		const random = seededRandom(42);
		const texts = Array.from({length: 2_000}, () =>
			Array.from(
				{length: 1 + Math.floor(random() * 12)},
				() => PIECES[Math.floor(random() * PIECES.length)],
			).join(''),
		);
		texts.push('x'.repeat(300), `${'日'.repeat(200)}a`);
		for (const round of [1, 2]) {
			for (const text of texts)
				expect([round, text, widthOf(text)]).toEqual([round, text, stringWidth(text)]);
		}
	});
});
