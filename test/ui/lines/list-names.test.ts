import {describe, expect, it} from 'vitest';
import {listNames, rowName} from '../../../source/ui/lines/batch-names.js';
import {ListNames} from '../../../source/ui/lines/list-names.js';
import {NameWidths} from '../../../source/ui/lines/name-widths.js';
import {widthOf} from '../../../source/ui/text/styled-line.js';
import {batchListSequence} from '../../helpers/batch-list-sequence.js';
import {batchSnapshot} from '../../helpers/static-poller.js';
import {seededRandom} from '../../helpers/seeded-random.js';

describe('list names kept from one list to the next', () => {
	it('each row reads as listNames computes it for the whole list, over random sequences and widths', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const random = seededRandom(seed * 7919);
			const names = new ListNames();
			const widths = new NameWidths();
			let width = 16;
			batchListSequence(seed, 150).forEach((batches, step) => {
				if (random() < 0.1) width = [4, 8, 12, 16, 24, 40][Math.floor(random() * 6)]!;
				const ellipsis = random() < 0.1 ? '~' : '…';
				names.update(batches, width, ellipsis);
				const plain = listNames(batches, width, ellipsis);
				for (const batch of batches)
					expect(names.nameOf(batch), `seed ${seed}, step ${step}, ${batch.id}`).toBe(plain.get(batch.id));
				const widest = batches.reduce((most, batch) => Math.max(most, widthOf(rowName(batch))), 0);
				expect(widths.widest(batches), `seed ${seed}, step ${step}`).toBe(widest);
			});
		}
	});

	it('shows the id once two rows would read the same, and drops it when one of them goes', () => {
		const make = (id: string, name: string) => batchSnapshot({id, name, status: 'INPROGRESS', totalRuns: 10});
		const alpha = make('1111111', 'cohort-alpha-lane-final');
		const gamma = make('2222222', 'cohort-gamma-lane-final');
		const names = new ListNames();
		expect(names.update([alpha], 16).nameOf(alpha)).not.toMatch(/1111111/);
		expect(names.update([alpha, gamma], 16).nameOf(alpha)).toMatch(/ 1111111$/);
		expect(names.update([gamma], 16).nameOf(gamma)).not.toMatch(/2222222/);
	});
});
