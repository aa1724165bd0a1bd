import type {Key} from 'ink';

/**
 * The key one character of a run stands for. Ink hands keys read together ("G\r", fast typing, a paste,
 * a slow link) to useInput as one string with one Key: split into characters, Enter, Tab, Backspace and
 * Ctrl-letters must become those keys again, or they are lost ("G" then Enter opened nothing).
 */
export function keyOfCharacter(character: string, base: Key): {readonly input: string; readonly key: Key} {
	const code = character.codePointAt(0) ?? 0;
	if (character === '\r' || character === '\n') return {input: '', key: {...base, return: true}};
	if (character === '\t') return {input: '', key: {...base, tab: true}};
	// Ink 6.8 reports the Backspace key (DEL) as `delete`, Ctrl-H as `backspace`.
	if (character === '\u007f') return {input: '', key: {...base, delete: true}};
	if (character === '\b') return {input: '', key: {...base, backspace: true}};
	if (code >= 1 && code <= 26) return {input: String.fromCodePoint(code + 96), key: {...base, ctrl: true}};
	return {input: character, key: base};
}
