// Text from the API (names, failure reasons, tags, error types) is untrusted: it must never drive the
// terminal. This is the one sanitiser; the output guard (output/output-guard.ts) applies the same
// character rules to everything the process writes, as a second line of defence.

// ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] P X ^ _ ... terminated by BEL or ST),
// two-byte escapes (ESC + one char); and their 8-bit C1 forms (0x9b CSI, 0x9d OSC, 0x90 DCS, ...).
const ESCAPE_SEQUENCES =
	// eslint-disable-next-line no-control-regex
	/\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\s\S]?/g;
// Line and paragraph breaks of every kind: one value is one line.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// Everything else in C0 and C1, plus DEL.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// Invisible and format characters that can disguise what a line says: soft hyphen, Arabic letter mark,
// Mongolian vowel separator, zero-width and bidi marks, embeddings, overrides and isolates, invisible
// operators, BOM, interlinear annotation marks, and the tag block U+E0000-U+E007F.
const INVISIBLE =
	/[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

export const DEFAULT_MAX_TEXT_LENGTH = 2000;

/**
 * Removes escape sequences, control, invisible and format characters, turns line breaks into spaces
 * and lone UTF-16 surrogates into U+FFFD; keeps every other character, spaces included (for layouts).
 */
export function stripUnsafe(text: string): string {
	return text
		.toWellFormed()
		.replace(ESCAPE_SEQUENCES, '')
		.replace(BREAKS, ' ')
		.replace(CONTROLS, '')
		.replace(INVISIBLE, '');
}

/**
 * A JSON-like value with every string in it (object keys included) passed through stripUnsafe, dates
 * as ISO strings and non-finite numbers as null: safe to encode, safe once decoded.
 */
export function stripUnsafeDeep(value: unknown): unknown {
	if (typeof value === 'string') return stripUnsafe(value);
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (Array.isArray(value)) return value.map(stripUnsafeDeep);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	if (typeof value === 'object' && value !== null) {
		const clean: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			if (entry !== undefined) clean[stripUnsafe(key)] = stripUnsafeDeep(entry);
		}
		return clean;
	}
	return value;
}

/** Strips everything unsafe, folds whitespace runs, and bounds the length (with an ellipsis). */
export function sanitizeText(input: unknown, maxLength: number = DEFAULT_MAX_TEXT_LENGTH): string {
	if (input === undefined || input === null) return '';
	const text = stripUnsafe(String(input)).replace(/ {2,}/g, ' ').trim();
	if (text.length <= maxLength) return text;
	return `${Array.from(text)
		.slice(0, Math.max(0, maxLength - 1))
		.join('')}…`;
}
