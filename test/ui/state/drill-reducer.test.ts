import {describe, expect, it} from 'vitest';
import type {DrillFacts} from '../../../source/ui/state/drill-reducer.js';
import type {UiAction} from '../../../source/ui/state/ui-action.js';
import {uiStep, type ScreenFacts} from '../../../source/ui/state/ui-reducer.js';
import {INITIAL_UI_STATE, keyContext, type UiState} from '../../../source/ui/state/ui-state.js';
import {batchSnapshot} from '../../helpers/static-poller.js';

const batches = ['1', '2'].map((id) =>
	batchSnapshot({id, name: `b${id}`, status: 'INPROGRESS', totalRuns: 10, runSummary: {failedRunCount: 4}}),
);
const groups: DrillFacts['groups'] = [
	{kind: 'submission', key: 's|x', reason: 'INVALID', line: 3},
	{kind: 'run', key: 'r|a', reason: 'TASK_FAILED', line: 12},
	{kind: 'run', key: 'r|b', reason: 'OOM', line: 20},
];
const facts = (drill: Partial<DrillFacts> = {}): ScreenFacts => ({
	batches,
	paused: false,
	listRows: 10,
	detailRows: 10,
	detailLines: 40,
	helpRows: 10,
	helpLines: 25,
	timelineRows: 0,
	timelineLines: 0,
	drill: {groups, ...drill},
});
const step = (state: UiState, action: UiAction, drill: Partial<DrillFacts> = {}) =>
	uiStep(state, action, facts(drill));
const run = (actions: UiAction[], drill: Partial<DrillFacts> = {}, from: UiState = INITIAL_UI_STATE) =>
	actions.reduce((state, action) => step(state, action, drill).state, from);
const inDetail = run([{type: 'toggle-detail'}]);
const entries = (loaded: number, selected?: {kind: 'submission' | 'run'; runId?: string}) => ({
	entries: {loaded, pageEntries: 4, ...(selected ? {selected} : {})},
});

describe('the drill-down keys', () => {
	it('n/N choose a failure group and scroll its heading to the top; Enter opens it', () => {
		const second = run([{type: 'next-group', delta: 1}], {}, inDetail);
		expect(second.group).toEqual({kind: 'run', key: 'r|a'});
		expect(second.detailScroll).toBe(11);
		const back = run([{type: 'next-group', delta: -1}], {}, second);
		expect(back.group).toEqual({kind: 'submission', key: 's|x'});
		// Past the last group it stays on the last.
		expect(run([{type: 'next-group', delta: 5}], {}, inDetail).group?.key).toBe('r|b');
		const opened = run([{type: 'open'}], {}, second);
		expect(keyContext(opened)).toBe('group');
		expect(opened.drill).toEqual([
			{type: 'group', kind: 'run', key: 'r|a', reason: 'TASK_FAILED', cursor: 0, top: 0},
		]);
	});

	it('Enter opens nothing in a monitor without drill-down data, and says so', () => {
		const result = step(inDetail, {type: 'open'}, {drillable: false});
		expect(result.state.drill).toEqual([]);
		expect(result.state.notice).toMatch(/cannot be opened/);
	});

	it('Enter with no group loaded says so and stays', () => {
		const result = step(inDetail, {type: 'open'}, {groups: []});
		expect(result.state.drill).toEqual([]);
		expect(result.state.notice).toMatch(/no failure group to open yet/);
	});

	it('in a group the cursor moves within the loaded entries, the page follows it, and Enter opens a run', () => {
		const group = run([{type: 'next-group', delta: 1}, {type: 'open'}], {}, inDetail);
		const moved = run(
			[
				{type: 'move', delta: 1},
				{type: 'move', delta: 1},
				{type: 'move', delta: 1},
				{type: 'move', delta: 1},
				{type: 'move', delta: 1},
			],
			entries(10),
			group,
		);
		expect(moved.drill.at(-1)).toMatchObject({cursor: 5, top: 2});
		expect(run([{type: 'last'}], entries(10), group).drill.at(-1)).toMatchObject({cursor: 9, top: 6});
		expect(run([{type: 'move', delta: -3}], entries(10), group).drill.at(-1)).toMatchObject({
			cursor: 0,
			top: 0,
		});
		const opened = run([{type: 'open'}], entries(10, {kind: 'run', runId: '1234567'}), group);
		expect(keyContext(opened)).toBe('run');
		expect(opened.drill.at(-1)).toEqual({type: 'run', runId: '1234567', fromEnd: 0, log: 'task'});
		// A failed submission started no run.
		const submission = step(group, {type: 'open'}, entries(10, {kind: 'submission'}));
		expect(submission.state.drill).toHaveLength(1);
		expect(submission.state.notice).toMatch(/started no run/);
	});

	it('in a run j/k scroll from the end, the top reads older lines, o swaps the log, Esc and Backspace go back', () => {
		const group = run([{type: 'open'}], {}, inDetail);
		const opened = run([{type: 'open'}], entries(3, {kind: 'run', runId: '42'}), group);
		const runFacts = {run: {lines: 30, rows: 10, olderLoadable: true, stream: 'arn:s'}};
		const up = step(opened, {type: 'move', delta: -1}, runFacts);
		expect(up.state.drill.at(-1)).toMatchObject({fromEnd: 1});
		expect(up.effects).toEqual([]);
		// The top of what is loaded: older lines are read.
		const top = step(opened, {type: 'first'}, runFacts);
		expect(top.state.drill.at(-1)).toMatchObject({fromEnd: 21});
		expect(top.effects).toEqual([{type: 'older-lines', runId: '42', stream: 'arn:s'}]);
		expect(step(top.state, {type: 'last'}, runFacts).state.drill.at(-1)).toMatchObject({fromEnd: 0});
		const complete = step(opened, {type: 'older-lines'}, {run: {...runFacts.run, olderLoadable: false}});
		expect(complete.effects).toEqual([]);
		expect(complete.state.notice).toMatch(/every line of this log is loaded/);
		expect(run([{type: 'other-log'}], runFacts, opened).drill.at(-1)).toMatchObject({log: 'engine'});
		const back = run([{type: 'back'}], runFacts, opened);
		expect(keyContext(back)).toBe('group');
		expect(keyContext(run([{type: 'escape'}], {}, back))).toBe('detail');
	});

	it('choosing another batch leaves the drill-down of the one it was opened on', () => {
		const group = run([{type: 'open'}], {}, inDetail);
		const list = run([{type: 'toggle-focus'}], {}, group);
		const other = run([{type: 'move', delta: 1}], {}, list);
		expect(other.selectedId).toBe('2');
		expect(other.drill).toEqual([]);
		expect(run([{type: 'toggle-detail'}], {}, group).drill).toEqual([]);
	});

	it('y copies the selected thing, then its other forms, and says what it copied', () => {
		const copy = {
			at: 'run:42',
			targets: [
				{label: 'run id', text: '42'},
				{label: 'runSettingId', text: 'sample-7'},
			],
		};
		const first = step(inDetail, {type: 'copy'}, {copy});
		expect(first.effects).toEqual([{type: 'copy', text: '42'}]);
		expect(first.state.notice).toBe('copied run id: 42 (y again: runSettingId)');
		const second = step(first.state, {type: 'copy'}, {copy});
		expect(second.effects).toEqual([{type: 'copy', text: 'sample-7'}]);
		expect(step(second.state, {type: 'copy'}, {copy}).effects).toEqual([{type: 'copy', text: '42'}]);
		// Something else selected starts again at its first form.
		const elsewhere = step(second.state, {type: 'copy'}, {copy: {...copy, at: 'run:43'}});
		expect(elsewhere.effects).toEqual([{type: 'copy', text: '42'}]);
		expect(step(inDetail, {type: 'copy'}, {}).state.notice).toBe('y: nothing to copy here');
	});

	it('e asks for the selected batch’s retry manifest', () => {
		const result = step(inDetail, {type: 'retry-manifest'});
		expect(result.effects).toEqual([{type: 'retry-manifest', id: '1'}]);
		expect(result.state.notice).toMatch(/writing the retry manifest of b1/);
	});
});
