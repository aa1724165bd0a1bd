// Copy to the clipboard with OSC 52 (xterm's "manipulate selection data"), the one way a program in a
// terminal (also over SSH) can set the user's clipboard.

/** The most text one copy sends (UTF-8 bytes): ids, ARNs and command lines, never a whole log. */
export const MAX_CLIPBOARD_BYTES = 8 * 1024;

const ESC = '\u001b';
const BEL = '\u0007';

// C0, DEL, C1 and the bidi controls the sanitiser removes: none of them is ever in batchtop's own text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * The bytes that put `text` on the clipboard: `ESC ] 52 ; c ; base64 BEL`. Inside tmux (TMUX set),
 * that plain sequence is followed by the same one in tmux's DCS passthrough (`ESC P tmux; … ESC \`,
 * each ESC inside doubled). tmux(1): with `set-clipboard on` tmux "will both accept the escape
 * sequence to create a buffer and attempt to set the terminal clipboard" (the plain one: tmux's paste
 * buffer and the outer terminal); with `external`, the default, it ignores applications' sequences,
 * and only a passthrough reaches the outer terminal, which `allow-passthrough on` lets out and tmux
 * drops silently when off. Sending both covers every setting; a terminal that gets both sets the same
 * text twice. Text with a control character, empty or over MAX_CLIPBOARD_BYTES is refused (undefined):
 * only batchtop's own sanitised text is ever sent.
 */
export function osc52Sequence(
	text: string,
	env: {TMUX?: string | undefined; TERM?: string | undefined},
): string | undefined {
	if (text === '' || UNSAFE.test(text)) return undefined;
	const bytes = Buffer.from(text, 'utf8');
	if (bytes.length > MAX_CLIPBOARD_BYTES) return undefined;
	const plain = `${ESC}]52;c;${bytes.toString('base64')}${BEL}`;
	if (!env.TMUX) return plain;
	return `${plain}${ESC}Ptmux;${plain.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}
