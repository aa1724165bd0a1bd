import {describe, expect, it} from 'vitest';
import type {BatchSnapshot} from '../../../source/poller/poller-state.js';
import {cancelPromptStep, openPrompt} from '../../../source/ui/state/cancel-state.js';
import {CANCEL_OFF_NOTICE} from '../../../source/ui/state/cancel-step.js';
import type {UiAction} from '../../../source/ui/state/ui-action.js';
import {uiStep, type ScreenFacts, type UiStep} from '../../../source/ui/state/ui-reducer.js';
import {INITIAL_UI_STATE, keyContext, type UiState} from '../../../source/ui/state/ui-state.js';
import {batchSnapshot} from '../../helpers/static-poller.js';
import {footerHints} from '../../../source/ui/input/key-bindings.js';

const batch = (id: string, name: string, status: string): BatchSnapshot =>
	batchSnapshot({id, name, status, totalRuns: 10, runSummary: {runningRunCount: 5}});
const facts = (batches: BatchSnapshot[], extra: Partial<ScreenFacts> = {}): ScreenFacts => ({
	batches,
	paused: false,
	listRows: 10,
	detailRows: 10,
	detailLines: 0,
	helpRows: 10,
	helpLines: 0,
	timelineRows: 0,
	timelineLines: 0,
	...extra,
});
const running = [batch('1111111', 'wgs-trio', 'INPROGRESS'), batch('2222222', 'done', 'PROCESSED')];
const ALLOWED: UiState = {...INITIAL_UI_STATE, cancel: {allowed: true}};
/** The steps of `actions` from `from`, the last one returned whole. */
function steps(actions: UiAction[], from: UiState = ALLOWED, screen = facts(running)): UiStep {
	let step: UiStep = {state: from, effects: []};
	for (const action of actions) step = uiStep(step.state, action, screen);
	return step;
}
const type = (text: string): UiAction[] =>
	Array.from(text, (character) => ({type: 'cancel-text', text: character}));

describe('the cancel prompt reducer (pure)', () => {
	it('appends text, deletes the last character, confirms only the exact name, closes on Esc', () => {
		const prompt = openPrompt('1111111', 'wgs-trio');
		const typed = cancelPromptStep(prompt, {type: 'text', text: 'wgs-trioo'});
		expect(typed).toMatchObject({kind: 'open', prompt: {typed: 'wgs-trioo'}});
		if (typed.kind !== 'open') throw new Error('closed');
		expect(cancelPromptStep(typed.prompt, {type: 'submit'})).toMatchObject({
			kind: 'open',
			prompt: {mismatch: true},
		});
		const fixed = cancelPromptStep(typed.prompt, {type: 'backspace'});
		if (fixed.kind !== 'open') throw new Error('closed');
		expect(fixed.prompt).toMatchObject({typed: 'wgs-trio', mismatch: false});
		expect(cancelPromptStep(fixed.prompt, {type: 'submit'})).toEqual({
			kind: 'confirmed',
			batchId: '1111111',
			name: 'wgs-trio',
		});
		expect(cancelPromptStep(fixed.prompt, {type: 'dismiss'})).toEqual({kind: 'dismissed'});
		// No trimming and no case folding: near misses never confirm.
		for (const near of ['WGS-TRIO', ' wgs-trio', 'wgs-trio ', 'wgs-tri', ''])
			expect(cancelPromptStep({...prompt, typed: near}, {type: 'submit'}).kind).toBe('open');
	});
});

describe('c in the UI state machine', () => {
	it('without --allow-cancel, c says how to turn it on and opens nothing', () => {
		const step = steps([{type: 'start-cancel'}], INITIAL_UI_STATE);
		expect(step.state.notice).toBe(CANCEL_OFF_NOTICE);
		expect(keyContext(step.state)).toBe('list');
		expect(step.effects).toEqual([]);
	});

	it('the footer offers c (at a low rank, dropped first) only with --allow-cancel', () => {
		const hint = (state: UiState) =>
			footerHints({context: 'list', state, paused: false}).find((each) => each.keys === 'c');
		expect(hint(INITIAL_UI_STATE)).toBeUndefined();
		const shown = hint(ALLOWED);
		expect(shown?.label).toBe('cancel');
		const ranks = footerHints({context: 'list', state: ALLOWED, paused: false}).map((each) => each.rank);
		expect(shown?.rank).toBe(Math.max(...ranks));
	});

	it('on a batch past cancelling, c explains why and opens nothing', () => {
		const step = steps([{type: 'move', delta: 1}, {type: 'start-cancel'}]);
		expect(step.state.selectedId).toBe('2222222');
		expect(step.state.notice).toBe(
			'c: batch is PROCESSED; only PENDING, SUBMITTING, INPROGRESS can be cancelled',
		);
		expect(step.state.cancel?.prompt).toBeUndefined();
	});

	it('opens the prompt (the confirm context), refuses a wrong name, sends CancelRunBatch only for the exact name', () => {
		const open = steps([{type: 'start-cancel'}]);
		expect(keyContext(open.state)).toBe('confirm');
		expect(open.state.cancel?.prompt).toMatchObject({batchId: '1111111', name: 'wgs-trio', typed: ''});
		const wrong = steps([...type('wgs-tri'), {type: 'cancel-submit'}], open.state);
		expect(wrong.effects).toEqual([]);
		expect(wrong.state.cancel?.prompt?.mismatch).toBe(true);
		expect(keyContext(wrong.state)).toBe('confirm');
		const right = steps([...type('o'), {type: 'cancel-submit'}], wrong.state);
		expect(right.effects).toEqual([{type: 'cancel-batch', id: '1111111', name: 'wgs-trio'}]);
		expect(keyContext(right.state)).toBe('list');
		expect(right.state.cancel?.sending).toEqual({batchId: '1111111', name: 'wgs-trio'});
		// One at a time: c again while it is sent opens nothing.
		expect(steps([{type: 'start-cancel'}], right.state).state.notice).toMatch(/being sent; wait/);
		const answered = steps(
			[{type: 'cancel-result', id: '1111111', name: 'wgs-trio', outcome: {kind: 'sent'}}],
			right.state,
		);
		expect(answered.state.cancel).toEqual({allowed: true});
		expect(answered.state.notice).toBe('c: cancel of wgs-trio sent: it goes STOPPING, then CANCELLED');
	});

	it('Esc closes the prompt and sends nothing; a conflict and a refusal are explained', () => {
		const closed = steps([{type: 'start-cancel'}, ...type('wgs-trio'), {type: 'cancel-dismiss'}]);
		expect(closed.effects).toEqual([]);
		expect(closed.state.cancel?.prompt).toBeUndefined();
		expect(closed.state.notice).toBe('c: not cancelled; wgs-trio keeps running');
		const conflict = steps([
			{
				type: 'cancel-result',
				id: '1',
				name: 'wgs-trio',
				outcome: {kind: 'conflict', message: 'Run batch is STOPPING'},
			},
		]);
		expect(conflict.state.notice).toMatch(
			/wgs-trio was not cancelled: its state changed meanwhile.*\(Run batch is STOPPING\)/,
		);
		const refused = steps([
			{
				type: 'cancel-result',
				id: '1',
				name: 'wgs-trio',
				outcome: {
					kind: 'refused',
					message: 'access denied: these credentials may not call omics:CancelRunBatch',
				},
			},
		]);
		expect(refused.state.notice).toBe(
			'c: wgs-trio was not cancelled: access denied: these credentials may not call omics:CancelRunBatch',
		);
	});

	it('checks the status again on Enter: a batch that finished while its name was typed is not sent', () => {
		const open = steps([{type: 'start-cancel'}, ...type('wgs-trio')]);
		const finished = [batch('1111111', 'wgs-trio', 'PROCESSED'), running[1] as BatchSnapshot];
		const step = steps([{type: 'cancel-submit'}], open.state, facts(finished));
		expect(step.effects).toEqual([]);
		expect(step.state.notice).toMatch(/^c: not sent: batch is PROCESSED/);
	});

	it('a batch without a name is confirmed by its id', () => {
		const unnamed = [batchSnapshot({id: '3333333', status: 'PENDING', totalRuns: 2})];
		const open = steps([{type: 'start-cancel'}], ALLOWED, facts(unnamed));
		expect(open.state.cancel?.prompt?.name).toBe('3333333');
		const sent = steps([...type('3333333'), {type: 'cancel-submit'}], open.state, facts(unnamed));
		expect(sent.effects).toEqual([{type: 'cancel-batch', id: '3333333', name: '3333333'}]);
	});
});
