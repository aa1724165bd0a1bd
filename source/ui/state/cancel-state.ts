import {confirmsName} from '../../domain/cancel-rules.js';

/** The typed-name prompt `c` opens: which batch, the name to type, what has been typed. */
export interface CancelPrompt {
	readonly batchId: string;
	/** The batch's name as the screen shows it (sanitised), or its id when it has none. */
	readonly name: string;
	readonly typed: string;
	/** The last Enter did not match the name: the prompt says so until the next key. */
	readonly mismatch: boolean;
}

/** The `c` key's part of the UI state. */
export interface CancelState {
	/** --allow-cancel: the App was given a canceller. */
	readonly allowed: boolean;
	readonly prompt?: CancelPrompt;
	/** The CancelRunBatch in flight (one at a time). */
	readonly sending?: {readonly batchId: string; readonly name: string};
}

/** A key the prompt reads. */
export type CancelPromptKey =
	| {readonly type: 'text'; readonly text: string}
	| {readonly type: 'backspace'}
	| {readonly type: 'submit'}
	| {readonly type: 'dismiss'};

/** What a key did to the prompt: it stays open (changed), it closed, or the name was confirmed. */
export type CancelPromptStep =
	| {readonly kind: 'open'; readonly prompt: CancelPrompt}
	| {readonly kind: 'dismissed'}
	| {readonly kind: 'confirmed'; readonly batchId: string; readonly name: string};

/** Characters the prompt keeps: a name longer than any batch name cannot be typed on by a paste. */
export const MAX_TYPED = 256;

/** The prompt for a batch, nothing typed yet. */
export function openPrompt(batchId: string, name: string): CancelPrompt {
	return {batchId, name, typed: '', mismatch: false};
}

/**
 * The prompt's reducer, pure: text is appended, Backspace deletes the last character, Esc closes it,
 * Enter confirms only an exact match (no trimming, no case folding) and otherwise stays open saying
 * the name does not match.
 */
export function cancelPromptStep(prompt: CancelPrompt, key: CancelPromptKey): CancelPromptStep {
	switch (key.type) {
		case 'text':
			return {
				kind: 'open',
				prompt: {
					...prompt,
					typed: Array.from(prompt.typed + key.text)
						.slice(0, MAX_TYPED)
						.join(''),
					mismatch: false,
				},
			};
		case 'backspace':
			return {
				kind: 'open',
				prompt: {...prompt, typed: Array.from(prompt.typed).slice(0, -1).join(''), mismatch: false},
			};
		case 'dismiss':
			return {kind: 'dismissed'};
		case 'submit':
			return confirmsName(prompt.typed, prompt.name)
				? {kind: 'confirmed', batchId: prompt.batchId, name: prompt.name}
				: {kind: 'open', prompt: {...prompt, mismatch: true}};
	}
}
