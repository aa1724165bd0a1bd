import type {Key} from 'ink';
import type {Binding} from './key-bindings.js';

/** Text typed into the cancel prompt: what a batch name may hold (letters, marks, digits, punctuation, symbols, spaces). */
const promptText = (input: string) => input.replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, '');
const plainKey = (key: Key) => !key.ctrl && !key.meta;

/**
 * The `c` key and the bindings of its typed-name prompt (the 'confirm' context), in the one table
 * (key-bindings.ts spreads them in). While the prompt is open only these act: no other key can move
 * the selection under it, and Ctrl-C still interrupts.
 */
export const CANCEL_BINDINGS: readonly Binding[] = [
	{
		keys: 'c',
		description:
			'cancel the selected batch with CancelRunBatch after you type its name; only with --allow-cancel, and only PENDING, SUBMITTING or INPROGRESS batches',
		contexts: ['list', 'detail', 'timeline'],
		footer: [
			{
				label: 'cancel',
				contexts: ['list', 'detail', 'timeline'],
				rank: 11,
				when: (view) => view.state.cancel?.allowed === true,
			},
		],
		matches: (input, key) => input === 'c' && plainKey(key),
		action: () => ({type: 'start-cancel'}),
	},
	{
		keys: 'Enter',
		description: 'cancel the batch if the name typed is its name exactly',
		contexts: ['confirm'],
		footer: [{label: 'cancel the batch', contexts: ['confirm'], rank: 2}],
		matches: (_input, key) => key.return,
		action: () => ({type: 'cancel-submit'}),
	},
	{
		keys: 'Esc',
		description: 'close the prompt; nothing is sent',
		contexts: ['confirm'],
		footer: [{label: 'keep it running', contexts: ['confirm'], rank: 2}],
		// Escape also sets `meta` in Ink 6.8: it is told by its own flag.
		matches: (_input, key) => key.escape,
		action: () => ({type: 'cancel-dismiss'}),
	},
	{
		keys: 'Backspace',
		description: 'delete the last character typed',
		contexts: ['confirm'],
		// Ink 6.8 reports Backspace as `delete`.
		matches: (_input, key) => key.backspace || key.delete,
		action: () => ({type: 'cancel-backspace'}),
	},
	{
		keys: 'Ctrl-C',
		description: 'quit (interrupted), the prompt open or not',
		contexts: ['confirm'],
		matches: (input, key) => key.ctrl && input === 'c',
		action: () => ({type: 'interrupt'}),
	},
	{
		keys: 'any other',
		description: "typed into the prompt (the batch's name)",
		contexts: ['confirm'],
		matches: (input, key) => plainKey(key) && promptText(input) !== '',
		action: (input) => ({type: 'cancel-text', text: promptText(input)}),
	},
];
