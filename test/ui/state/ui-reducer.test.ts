import {describe, expect, it} from 'vitest';
import type {BatchSnapshot} from '../../../source/poller/poller-state.js';
import type {UiAction} from '../../../source/ui/state/ui-action.js';
import {uiStep, type ScreenFacts} from '../../../source/ui/state/ui-reducer.js';
import {createUiStore} from '../../../source/ui/state/ui-store.js';
import {INITIAL_UI_STATE, keyContext, type UiState} from '../../../source/ui/state/ui-state.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const batch = (id: string, name: string, runsFailed = 0) =>
	batchSnapshot({
		id,
		name,
		status: 'INPROGRESS',
		totalRuns: 10,
		runSummary: {failedRunCount: runsFailed, runningRunCount: 10 - runsFailed},
	});
const batches = [batch('1', 'alpha'), batch('2', 'bravo', 3), batch('3', 'charlie')];
const facts = (extra: Partial<ScreenFacts> = {}): ScreenFacts => ({
	batches,
	paused: false,
	listRows: 10,
	detailRows: 10,
	detailLines: 30,
	helpRows: 10,
	helpLines: 25,
	timelineRows: 0,
	timelineLines: 0,
	...extra,
});
const run = (actions: UiAction[], extra: Partial<ScreenFacts> = {}, from: UiState = INITIAL_UI_STATE) =>
	actions.reduce((state, action) => uiStep(state, action, facts(extra)).state, from);

describe('uiStep', () => {
	it('j moves the selection in the list, scrolls the detail pane when it has focus, and the help when open', () => {
		expect(run([{type: 'move', delta: 1}]).selectedId).toBe('2');
		const detail = run([{type: 'toggle-detail'}, {type: 'move', delta: 1}, {type: 'move', delta: 1}]);
		expect(keyContext(detail)).toBe('detail');
		expect([detail.selectedId, detail.detailScroll]).toEqual([undefined, 2]);
		const list = run([{type: 'toggle-focus'}, {type: 'move', delta: 1}], {}, detail);
		expect([keyContext(list), list.selectedId, list.detailScroll]).toEqual(['list', '2', 0]);
		const help = run([{type: 'toggle-help'}, {type: 'page', delta: 1}, {type: 'page', delta: 5}]);
		// 25 lines in 10 rows: scrolled until the last line shows under the "↑ N more" row.
		expect([keyContext(help), help.helpScroll, help.selectedId]).toEqual(['help', 16, undefined]);
	});

	it('r while paused refreshes nothing and says why; p resumes', () => {
		const paused = uiStep(INITIAL_UI_STATE, {type: 'refresh'}, facts({paused: true}));
		expect(paused.effects).toEqual([]);
		expect(paused.state.notice).toBe('paused: r does not refresh; p resumes polling');
		expect(uiStep(paused.state, {type: 'toggle-pause'}, facts({paused: true})).effects).toEqual([
			{type: 'resume'},
		]);
		expect(uiStep(INITIAL_UI_STATE, {type: 'refresh'}, facts()).effects).toEqual([{type: 'refresh'}]);
	});

	it('a notice answers one key: the next one clears it', () => {
		const noticed = uiStep(INITIAL_UI_STATE, {type: 'refresh'}, facts({paused: true})).state;
		expect(uiStep(noticed, {type: 'move', delta: 1}, facts()).state.notice).toBeUndefined();
	});

	it('l loads the next page, or says that all are loaded, that one is loading, or that there are none', () => {
		const on = (snapshot: BatchSnapshot) => {
			const step = uiStep(
				{...INITIAL_UI_STATE, selectedId: snapshot.id},
				{type: 'load-more-failures'},
				facts({
					batches: [snapshot],
				}),
			);
			return step.effects.length > 0 ? step.effects : step.state.notice;
		};
		const failing = batch('2', 'bravo', 3);
		const list = (loaded: number, complete: boolean) => ({groups: [], loaded, complete});
		expect(on(failing)).toEqual([{type: 'load-failures', id: '2'}]);
		expect(
			on({...failing, failures: {submissions: list(0, false), runs: list(2, false), loading: false}}),
		).toEqual([{type: 'load-failures', id: '2'}]);
		expect(
			on({...failing, failures: {submissions: list(0, false), runs: list(2, false), loading: true}}),
		).toBe('l: a page is loading (2 loaded so far)');
		expect(
			on({...failing, failures: {submissions: list(0, false), runs: list(3, true), loading: false}}),
		).toBe('l: all failures loaded (3 of 3)');
		// Read to its end when 2 had failed; 3 have now: l reads the list again (found by a new user: it said "all loaded (2 of 3)").
		expect(
			on({...failing, failures: {submissions: list(0, false), runs: list(2, true), loading: false}}),
		).toEqual([{type: 'load-failures', id: '2'}]);
		expect(on(batch('1', 'alpha'))).toBe('l: no failed runs or submissions to load');
	});

	it('applies the keys of one read each to the state the one before left (the store)', () => {
		const store = createUiStore(INITIAL_UI_STATE, facts());
		// "/", "c", Enter, "j" typed in one read: "c" is filter text, and j moves within what it leaves.
		for (const action of [
			{type: 'start-filter'},
			{type: 'filter-text', text: 'c'},
			{type: 'commit-filter'},
			{type: 'move', delta: 1},
		] as UiAction[])
			store.dispatch(action);
		expect(store.get().filter).toBe('c');
		// Only charlie matches, so j lands on it (from the unfiltered list it would have gone to bravo).
		expect(store.get().selectedId).toBe('3');
		expect(store.dispatch({type: 'load-more-failures'})).toEqual([]);
		expect(store.get().notice).toBe('l: no failed runs or submissions to load');
	});

	it('clearing a filter keeps the batch it showed as selected (found by a new user: it jumped back)', () => {
		const filtered = run([
			{type: 'jump', index: 0},
			{type: 'start-filter'},
			{type: 'filter-text', text: 'char'},
			{type: 'commit-filter'},
		]);
		expect(filtered.selectedId).toBe('3');
		expect(run([{type: 'escape'}], {}, filtered).selectedId).toBe('3');
		const failuresOnly = run([{type: 'jump', index: 0}, {type: 'toggle-failures-only'}]);
		expect(run([{type: 'toggle-failures-only'}], {}, failuresOnly).selectedId).toBe('2');
	});

	it('Ctrl-L keeps the notice on screen: a redraw repaints, it is no answer to the notice', () => {
		const noticed = uiStep(INITIAL_UI_STATE, {type: 'refresh'}, facts({paused: true})).state;
		const redrawn = uiStep(noticed, {type: 'redraw'}, facts());
		expect([redrawn.state.notice, redrawn.effects]).toEqual([noticed.notice, [{type: 'redraw'}]]);
	});

	it('on a screen too small to show anything, keys change nothing unseen; quitting still works', () => {
		const small = facts({tooSmall: true});
		for (const action of [
			{type: 'move', delta: 1},
			{type: 'toggle-help'},
			{type: 'toggle-detail'},
			{type: 'start-filter'},
		] as const)
			expect(uiStep(INITIAL_UI_STATE, action, small)).toEqual({state: INITIAL_UI_STATE, effects: []});
		expect(uiStep(INITIAL_UI_STATE, {type: 'quit'}, small).effects).toEqual([{type: 'quit', reason: 'quit'}]);
	});
});
