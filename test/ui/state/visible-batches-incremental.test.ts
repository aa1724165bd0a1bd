import {describe, expect, it} from 'vitest';
import {failureCount} from '../../../source/domain/batch-verdict.js';
import {doneRuns} from '../../../source/domain/batch-view.js';
import type {BatchSnapshot} from '../../../source/poller/poller-state.js';
import type {SortMode} from '../../../source/ui/state/ui-state.js';
import {visibleBatches} from '../../../source/ui/state/visible-batches.js';
import {batchSnapshot} from '../../helpers/static-poller.js';
import {seededRandom} from '../../helpers/seeded-random.js';

// The order as it was computed before it was kept incrementally: filter and sort everything, every time.
const COLLATOR = new Intl.Collator('en');
const RANK: Record<string, number> = {
	RUNS_DELETING: 0,
	STOPPING: 1,
	SUBMITTING: 2,
	INPROGRESS: 3,
	PENDING: 4,
	CREATING: 5,
	FAILED: 6,
	RUNS_DELETE_FAILED: 7,
	PROCESSED: 8,
	CANCELLED: 9,
	RUNS_DELETED: 10,
};
const progressOf = (b: BatchSnapshot) =>
	b.view && b.view.totalRuns > 0 ? doneRuns(b.view) / b.view.totalRuns : 0;
const nameOf = (b: BatchSnapshot) => b.view?.label ?? b.id;
const BY: Record<SortMode, (a: BatchSnapshot, b: BatchSnapshot) => number> = {
	status: (a, b) => (RANK[a.view?.status ?? ''] ?? -1) - (RANK[b.view?.status ?? ''] ?? -1),
	name: (a, b) => COLLATOR.compare(nameOf(a), nameOf(b)),
	progress: (a, b) => progressOf(a) - progressOf(b),
	age: (a, b) => (b.view?.createdAt?.getTime() ?? 0) - (a.view?.createdAt?.getTime() ?? 0),
};

function plainOrder(
	batches: readonly BatchSnapshot[],
	filter: string,
	failuresOnly: boolean,
	sort: SortMode,
	held?: readonly string[],
): string[] {
	const needle = filter.trim().toLowerCase();
	const sorted = batches
		.filter((b) => {
			if (failuresOnly && !(b.view && (failureCount(b.view) > 0 || b.view.status === 'FAILED'))) return false;
			if (!needle) return true;
			return [b.id, b.view?.name ?? '', b.view?.status ?? ''].some((f) => f.toLowerCase().includes(needle));
		})
		.sort((a, b) => BY[sort](a, b) || COLLATOR.compare(nameOf(a), nameOf(b)) || COLLATOR.compare(a.id, b.id));
	if (!held) return sorted.map((b) => b.id);
	const place = new Map(held.map((id, index) => [id, index]));
	const kept = sorted.filter((b) => place.has(b.id)).sort((a, b) => place.get(a.id)! - place.get(b.id)!);
	return [...kept, ...sorted.filter((b) => !place.has(b.id))].map((b) => b.id);
}

/** A seeded generator, so that a failing sequence can be run again. */
const random = seededRandom;

// Few values, so that keys tie and the name and id decide; names equal to the collator but not as strings.
const STATUSES = [
	'SUBMITTING',
	'INPROGRESS',
	'INPROGRESS',
	'INPROGRESS',
	'PROCESSED',
	'FAILED',
	'CANCELLED',
	'ODD',
];
const NAMES = [
	'alpha',
	'Alpha',
	'beta',
	'b-eta',
	'caf\u00e9',
	'cafe\u0301',
	'delta 2',
	'delta 10',
	'',
	'zeta',
];
const FILTERS = ['', '', '', 'a', 'ALPHA', ' progress ', 'fail', '1'];
const SORTS: SortMode[] = ['status', 'name', 'progress', 'age'];

describe('visibleBatches kept incrementally', () => {
	it('gives the plain sort’s order over random snapshot sequences, in every mode, filter and hold', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const next = random(seed);
			const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
			let serial = 0;
			const make = (id = `b-${++serial}`): BatchSnapshot => {
				if (next() < 0.1) return {id, polling: true, done: false, history: []};
				const total = pick([0, 10, 100]);
				const completed = Math.floor(next() * (total + 1));
				return batchSnapshot({
					id,
					name: pick(NAMES),
					status: pick(STATUSES),
					totalRuns: total,
					runSummary: {completedRunCount: completed, failedRunCount: next() < 0.2 ? 1 : 0},
					...(next() < 0.8
						? {creationTime: new Date(1_700_000_000_000 + Math.floor(next() * 5) * 1000)}
						: {}),
				});
			};
			let batches: BatchSnapshot[] = Array.from({length: Math.floor(next() * 30)}, () => make());
			let filter = '';
			let failuresOnly = false;
			let sort: SortMode = 'status';
			let held: string[] | undefined;
			for (let step = 0; step < 150; step++) {
				const roll = next();
				if (roll < 0.55) {
					// A poll result: a few batches change, some appear (appended, as the poller does, or not).
					batches = [...batches];
					for (let change = Math.floor(next() * 4); change > 0 && batches.length > 0; change--) {
						const index = Math.floor(next() * batches.length);
						batches[index] = make(batches[index]!.id);
					}
					if (next() < 0.3) batches.push(make());
					if (next() < 0.1) batches.splice(Math.floor(next() * batches.length), 0, make());
				} else if (roll < 0.65) {
					batches = batches.filter(() => next() > 0.15);
				} else if (roll < 0.7) {
					batches = [...batches].reverse();
				} else if (roll < 0.75) {
					batches = batches.map((batch) => (next() < 0.5 ? make(batch.id) : batch));
				} else if (roll < 0.8) {
					filter = pick(FILTERS);
				} else if (roll < 0.84) {
					failuresOnly = !failuresOnly;
				} else if (roll < 0.9) {
					sort = pick(SORTS);
				} else if (roll < 0.96) {
					held = [...visibleBatches(batches, filter, failuresOnly, sort, held)].map((batch) => batch.id);
				} else {
					held = undefined;
				}
				const shown = visibleBatches(batches, filter, failuresOnly, sort, held).map((batch) => batch.id);
				expect(shown, `seed ${seed}, step ${step}`).toEqual(
					plainOrder(batches, filter, failuresOnly, sort, held),
				);
			}
		}
	});

	it('gives the plain order when many batches change at once (merged in one pass, not spliced)', () => {
		for (let seed = 1; seed <= 10; seed++) {
			const next = random(seed * 31);
			const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
			const make = (id: string): BatchSnapshot =>
				batchSnapshot({
					id,
					name: pick(NAMES),
					status: pick(STATUSES),
					totalRuns: 10,
					runSummary: {completedRunCount: Math.floor(next() * 11)},
				});
			let batches = Array.from({length: 200}, (_, index) => make(`m-${index}`));
			const sort = pick(SORTS);
			const filter = pick(['', 'a']);
			for (let step = 0; step < 30; step++) {
				batches = [...batches];
				// More than a splice takes, fewer than a whole sort: 20 to 45 of 200.
				for (let change = 20 + Math.floor(next() * 26); change > 0; change--) {
					const index = Math.floor(next() * batches.length);
					batches[index] = make(batches[index]!.id);
				}
				const shown = visibleBatches(batches, filter, false, sort).map((batch) => batch.id);
				expect(shown, `seed ${seed}, step ${step}`).toEqual(plainOrder(batches, filter, false, sort));
			}
		}
	});

	it('moves a changed batch to its new place and keeps the rest where they were', () => {
		const make = (id: string, status: string) => batchSnapshot({id, name: `n-${id}`, status, totalRuns: 10});
		const first = [make('1', 'INPROGRESS'), make('2', 'INPROGRESS'), make('3', 'PROCESSED')];
		expect(visibleBatches(first, '', false, 'status').map((b) => b.id)).toEqual(['1', '2', '3']);
		const second = [make('1', 'PROCESSED'), first[1]!, first[2]!];
		expect(visibleBatches(second, '', false, 'status').map((b) => b.id)).toEqual(['2', '1', '3']);
	});
});
