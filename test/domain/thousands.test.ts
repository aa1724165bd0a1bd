import {describe, expect, it} from 'vitest';
import {groupThousands} from '../../source/domain/thousands.js';
import {seededRandom} from '../helpers/seeded-random.js';

const intl = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

describe('groupThousands', () => {
	it('groups exactly as en-US Intl does, for every size, sign and edge', () => {
		const random = seededRandom(7);
		const values = [0, -0, 0.4, -0.4, 0.5, -0.5, 1.5, -2.5, 999, 1_000, -1_000, 999_999, 1_000_000, 100_000];
		values.push(
			Number.MAX_SAFE_INTEGER,
			-Number.MAX_SAFE_INTEGER,
			2 ** 53 + 2,
			1e21,
			-1e21,
			NaN,
			Infinity,
			-Infinity,
		);
		for (let index = 0; index < 5_000; index++) {
			const magnitude = 10 ** Math.floor(random() * 17);
			values.push((random() - 0.3) * magnitude);
		}
		for (const value of values)
			expect([value, groupThousands(value)]).toEqual([value, intl.format(Math.round(value))]);
	});
});
