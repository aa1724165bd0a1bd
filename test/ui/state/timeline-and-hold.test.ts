import {describe, expect, it} from 'vitest';
import type {UiAction} from '../../../source/ui/state/ui-action.js';
import {uiStep, type ScreenFacts} from '../../../source/ui/state/ui-reducer.js';
import {INITIAL_UI_STATE, keyContext, type UiState} from '../../../source/ui/state/ui-state.js';
import {visibleBatches} from '../../../source/ui/state/visible-batches.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const T0 = Date.parse('2026-11-29T08:00:00Z');
const batch = (id: string, status: string) =>
	batchSnapshot({id, name: `batch-${id}`, status, totalRuns: 10}, {}, T0);
const facts = (
	batches = [batch('1', 'INPROGRESS'), batch('2', 'PENDING'), batch('3', 'CREATING')],
	extra: Partial<ScreenFacts> = {},
): ScreenFacts => ({
	batches,
	paused: false,
	listRows: 10,
	detailRows: 10,
	detailLines: 0,
	helpRows: 10,
	helpLines: 0,
	timelineRows: 5,
	timelineLines: 20,
	...extra,
});
const run = (actions: UiAction[], on: ScreenFacts = facts(), from: UiState = INITIAL_UI_STATE) =>
	actions.reduce((state, action) => uiStep(state, action, on).state, from);

describe('the event timeline’s focus', () => {
	it('t focuses the timeline, j/k and PgDn scroll it, t, Tab or Esc give the list the keys back', () => {
		const focused = run([{type: 'toggle-timeline'}, {type: 'move', delta: 1}, {type: 'move', delta: 1}]);
		expect([keyContext(focused), focused.timelineScroll, focused.selectedId]).toEqual([
			'timeline',
			2,
			undefined,
		]);
		// 20 entries in 5 rows: scrolled until the last shows under the "↑ N more" row.
		expect(run([{type: 'page', delta: 9}], facts(), focused).timelineScroll).toBe(16);
		for (const back of [{type: 'toggle-timeline'}, {type: 'toggle-focus'}, {type: 'escape'}] as UiAction[])
			expect(keyContext(run([back], facts(), focused))).toBe('list');
	});

	it('says why when there is no timeline on screen, or the detail pane covers it', () => {
		const none = uiStep(INITIAL_UI_STATE, {type: 'toggle-timeline'}, facts(undefined, {timelineRows: 0}));
		expect([keyContext(none.state), none.state.notice]).toEqual([
			'list',
			't: no room for the timeline at this size',
		]);
		const detail = run([{type: 'toggle-detail'}, {type: 'toggle-timeline'}]);
		expect(keyContext(detail)).toBe('detail');
		expect(detail.notice).toMatch(/close the detail pane first/);
	});
});

describe('rows do not jump under the reader', () => {
	it('while keys move the selection, the order holds although statuses change; release-order sorts again', () => {
		const before = facts();
		const moved = run([{type: 'move', delta: 1}], before);
		expect(moved.heldOrder).toEqual(['1', '2', '3']);
		expect(moved.selectedId).toBe('2');
		// Batch 3 starts submitting: the status sort would put it first.
		const after = facts([batch('1', 'INPROGRESS'), batch('2', 'PENDING'), batch('3', 'SUBMITTING')]);
		const ids = (state: UiState) =>
			visibleBatches(after.batches, state.filter, state.failuresOnly, state.sort, state.heldOrder).map(
				(each) => each.id,
			);
		expect(ids(moved)).toEqual(['1', '2', '3']);
		// The next key acts on the rows as shown: j from batch 2 lands on batch 3.
		expect(run([{type: 'move', delta: 1}], after, moved).selectedId).toBe('3');
		const released = run([{type: 'release-order'}], after, moved);
		expect(ids(released)).toEqual(['3', '1', '2']);
		expect(released.selectedId).toBe('2');
	});

	it('a new sort is the user’s own reorder: it drops the hold', () => {
		const moved = run([{type: 'move', delta: 1}]);
		expect(run([{type: 'cycle-sort'}], facts(), moved).heldOrder).toBeUndefined();
	});

	it('batches that appear during a hold go after the held rows, in sort order', () => {
		const batches = [batch('4', 'SUBMITTING'), batch('1', 'INPROGRESS'), batch('2', 'PENDING')];
		expect(visibleBatches(batches, '', false, 'status', ['2', '1']).map((each) => each.id)).toEqual([
			'2',
			'1',
			'4',
		]);
	});
});
