import {useCallback} from 'react';
import {useInput, useStdin, type Key} from 'ink';
import {actionForKey} from '../input/key-bindings.js';
import {keyOfCharacter} from '../input/run-keys.js';
import type {UiAction} from '../state/ui-action.js';
import type {KeyContext} from '../state/ui-state.js';

/** Keys that arrive as one string without being one key: typed fast, pasted, or over a slow link. */
const isRun = (input: string, key: Key) =>
	input.length > 1 &&
	!key.ctrl &&
	!key.meta &&
	!key.escape &&
	!key.return &&
	!key.tab &&
	!key.backspace &&
	!key.delete;

/** A printable key with meta set and nothing else: ESC followed by that key. */
const escapeThenKey = (input: string, key: Key) =>
	key.meta &&
	!key.escape &&
	!key.ctrl &&
	input.length === 1 &&
	input >= ' ' &&
	!key.upArrow &&
	!key.downArrow &&
	!key.leftArrow &&
	!key.rightArrow &&
	!key.pageUp &&
	!key.pageDown &&
	!key.return &&
	!key.tab;

/**
 * The one root input handler: maps each key, through the bindings table, to an action for the
 * context the keyboard is in *now* (read per key, so the keys of one read each see the one before).
 * Active only where raw mode works (piped stdin would throw).
 */
export function useKeyInput(context: () => KeyContext, onAction: (action: UiAction) => void): void {
	const {isRawModeSupported} = useStdin();
	const onInput = useCallback(
		(input: string, key: Key) => {
			const one = (character: string, pressed: Key) => {
				const action = actionForKey(character, pressed, context());
				if (action) onAction(action);
			};
			// Esc and a key in one read reach Ink as Alt-key (meta): batchtop binds no Alt keys, so it is
			// the Esc the user pressed, then the key (a fast "Esc j" over SSH lost both).
			if (escapeThenKey(input, key)) {
				one('', {...key, meta: false, escape: true});
				return one(input, {...key, meta: false});
			}
			if (!isRun(input, key)) return one(input, key);
			for (const character of input) {
				const split = keyOfCharacter(character, key);
				one(split.input, split.key);
			}
		},
		[context, onAction],
	);
	useInput(onInput, {isActive: isRawModeSupported === true});
}
