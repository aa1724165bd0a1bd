import {describe, expect, it} from 'vitest';
import {visibleBatches} from '../../../source/ui/state/visible-batches.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const batch = (id: string, completed: number, cancelled: number) =>
	batchSnapshot({
		id,
		name: `batch-${id}`,
		status: 'CANCELLED',
		totalRuns: 100,
		runSummary: {completedRunCount: completed, cancelledRunCount: cancelled},
	});

describe('visibleBatches', () => {
	it('sorts by progress as the list shows it: cancelled runs are not done', () => {
		// 90 cancelled + 5 completed reads 5/100 in the list; 40 completed reads 40/100.
		const order = visibleBatches([batch('1', 5, 90), batch('2', 40, 0)], '', false, 'progress');
		expect(order.map((each) => each.id)).toEqual(['1', '2']);
	});

	it('filters by name, id or status, and by failures', () => {
		const batches = [batch('7', 1, 0), batch('8', 2, 0)];
		expect(visibleBatches(batches, 'batch-8', false, 'name').map((each) => each.id)).toEqual(['8']);
		expect(visibleBatches(batches, 'cancel', false, 'name')).toHaveLength(2);
		expect(visibleBatches(batches, '', true, 'name')).toHaveLength(0);
	});
});
