import {cancelRefusal, type CancelOutcome} from '../../domain/cancel-rules.js';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {rowName} from '../lines/batch-names.js';
import {cancelPromptStep, openPrompt, type CancelPromptKey, type CancelState} from './cancel-state.js';
import type {UiAction} from './ui-action.js';
import type {ScreenFacts, UiStep} from './ui-reducer.js';
import type {UiState} from './ui-state.js';
import {visibleBatches} from './visible-batches.js';

/** The actions of the `c` key and its prompt. */
export type CancelAction = Extract<
	UiAction,
	{
		type:
			| 'allow-cancel'
			| 'start-cancel'
			| 'cancel-text'
			| 'cancel-backspace'
			| 'cancel-submit'
			| 'cancel-dismiss'
			| 'cancel-result';
	}
>;

const CANCEL_ACTIONS: ReadonlySet<string> = new Set<CancelAction['type']>([
	'allow-cancel',
	'start-cancel',
	'cancel-text',
	'cancel-backspace',
	'cancel-submit',
	'cancel-dismiss',
	'cancel-result',
]);

/** Whether an action is the `c` key's or its prompt's (cancelStep handles it). */
export function isCancelAction(action: UiAction): action is CancelAction {
	return CANCEL_ACTIONS.has(action.type);
}

/** The words `c` says when cancelling is off. */
export const CANCEL_OFF_NOTICE = 'c: cancelling is off; start batchtop with --allow-cancel';

const OFF: CancelState = {allowed: false};

/** A batch's status as last seen: GetBatch's, else ListBatch's; undefined before either answered. */
const statusOf = (batch: BatchSnapshot): string | undefined => batch.view?.status ?? batch.listing?.status;

/** The notice for CancelRunBatch's answer. */
export function cancelOutcomeNotice(name: string, outcome: CancelOutcome, paused: boolean): string {
	switch (outcome.kind) {
		case 'sent':
			return `c: cancel of ${name} sent: it goes STOPPING, then CANCELLED${paused ? ' (paused: p resumes polling to see it)' : ''}`;
		case 'conflict':
			return `c: ${name} was not cancelled: its state changed meanwhile, or a cancel or delete is already running${outcome.message ? ` (${outcome.message})` : ''}`;
		case 'refused':
			return `c: ${name} was not cancelled: ${outcome.message}`;
	}
}

/**
 * The `c` key's part of the keyboard's state machine, pure. `c` opens the typed-name prompt only with
 * --allow-cancel and for a batch in a cancellable state, and otherwise says why not; Enter sends
 * CancelRunBatch only when the name typed is the batch's exactly; Esc closes the prompt, sending nothing.
 */
export function cancelStep(previous: UiState, action: CancelAction, facts: ScreenFacts): UiStep {
	const cancel = previous.cancel ?? OFF;
	const withCancel = (state: UiState, next: CancelState): UiState => ({...state, cancel: next});
	// Not keys: they apply whatever the screen shows, and leave the last key's notice alone.
	if (action.type === 'allow-cancel')
		return {state: withCancel(previous, {...cancel, allowed: true}), effects: []};
	if (action.type === 'cancel-result') {
		const {sending: _answered, ...rest} = cancel;
		return {
			state: {
				...withCancel(previous, rest),
				notice: cancelOutcomeNotice(action.name, action.outcome, facts.paused),
			},
			effects: [],
		};
	}
	if (facts.tooSmall) return {state: previous, effects: []};
	const state: UiState = previous.notice === undefined ? previous : {...previous, notice: undefined};
	const notice = (text: string): UiStep => ({state: {...state, notice: text}, effects: []});

	if (action.type === 'start-cancel') {
		if (!cancel.allowed) return notice(CANCEL_OFF_NOTICE);
		if (cancel.sending)
			return notice(`c: the cancel of ${cancel.sending.name} is being sent; wait for its answer`);
		const list = visibleBatches(facts.batches, state.filter, state.failuresOnly, state.sort, state.heldOrder);
		const batch = list.find((each) => each.id === state.selectedId) ?? list[0];
		if (!batch) return notice('c: no batch selected');
		const status = statusOf(batch);
		if (status === undefined)
			return notice('c: the batch has not answered yet; its status decides whether it can be cancelled');
		const refusal = cancelRefusal(status);
		if (refusal) return notice(`c: ${refusal}`);
		return {state: withCancel(state, {...cancel, prompt: openPrompt(batch.id, rowName(batch))}), effects: []};
	}

	const prompt = cancel.prompt;
	if (!prompt) return {state, effects: []};
	const key: CancelPromptKey =
		action.type === 'cancel-text'
			? {type: 'text', text: action.text}
			: action.type === 'cancel-backspace'
				? {type: 'backspace'}
				: action.type === 'cancel-submit'
					? {type: 'submit'}
					: {type: 'dismiss'};
	const step = cancelPromptStep(prompt, key);
	const {prompt: _closed, ...closed} = cancel;
	if (step.kind === 'open') return {state: withCancel(state, {...cancel, prompt: step.prompt}), effects: []};
	if (step.kind === 'dismissed')
		return {
			state: {...withCancel(state, closed), notice: `c: not cancelled; ${prompt.name} keeps running`},
			effects: [],
		};
	// The status may have changed while the name was typed: checked again before anything is sent.
	const batch = facts.batches.find((each) => each.id === step.batchId);
	const status = batch && statusOf(batch);
	const refusal = status === undefined ? 'the batch is no longer watched' : cancelRefusal(status);
	if (refusal) return {state: {...withCancel(state, closed), notice: `c: not sent: ${refusal}`}, effects: []};
	return {
		state: {
			...withCancel(state, {...closed, sending: {batchId: step.batchId, name: step.name}}),
			notice: `c: sending CancelRunBatch for ${step.name}…`,
		},
		effects: [{type: 'cancel-batch', id: step.batchId, name: step.name}],
	};
}
