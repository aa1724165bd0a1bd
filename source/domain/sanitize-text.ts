// Text from the API (names, failure reasons, tags) is untrusted: it must never drive the terminal.
// This one function removes every escape and control sequence before text reaches a screen or a log.

// ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] P X ^ _ ... terminated by BEL or ST),
// two-byte escapes (ESC + one char); and their 8-bit C1 forms (0x9b CSI, 0x9d OSC, 0x90 DCS, ...).
const ESCAPE_SEQUENCES =
	// eslint-disable-next-line no-control-regex
	/\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\s\S]?/g;
// Everything else in C0 and C1 (tabs and newlines included: one value, one line), plus DEL.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidirectional overrides and zero-width characters can disguise what a line says.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export const DEFAULT_MAX_TEXT_LENGTH = 2000;

/** Strips escape sequences and control characters, folds whitespace runs, and bounds the length (with an ellipsis). */
export function sanitizeText(input: unknown, maxLength: number = DEFAULT_MAX_TEXT_LENGTH): string {
	if (input === undefined || input === null) return '';
	const text = String(input)
		.replace(ESCAPE_SEQUENCES, '')
		.replace(/[\t\r\n\v\f]+/g, ' ')
		.replace(CONTROLS, '')
		.replace(INVISIBLE, '')
		.replace(/ {2,}/g, ' ')
		.trim();
	if (text.length <= maxLength) return text;
	return `${Array.from(text)
		.slice(0, Math.max(0, maxLength - 1))
		.join('')}…`;
}
