// The panel's spinner turns in the frame sink, not in React: a frame holds SPINNER_MARK where the
// spinner stands, and the sink draws the current glyph there, again each second by itself. A turn then
// costs one cell written instead of a React commit and Ink's layout and output of the whole screen
// (~60 a minute: most of what an idle monitor did).

/**
 * Where the turning spinner stands in a frame: a private-use character, one column wide to Ink. Text
 * from outside never carries it into a frame (spanToAnsi replaces it), so only the spinner turns.
 */
export const SPINNER_MARK = '\uE000';

/** One glyph a second: the step of the panel's spinner. */
export const SPINNER_STEP_MS = 1_000;

/**
 * The spinner's glyph at `now`: read from the wall clock, so that a repaint and a turn in the same
 * second agree.
 */
export function spinnerGlyph(frames: readonly string[], now: number): string {
	if (frames.length === 0) return ' ';
	return frames[Math.floor(now / SPINNER_STEP_MS) % frames.length] ?? ' ';
}

/**
 * Text with every SPINNER_MARK replaced by "?", which is what the frame sink draws for any other
 * private-use character: outside text looks as it did, and cannot make a spinner.
 */
export function withoutSpinnerMark(text: string): string {
	return text.includes(SPINNER_MARK) ? text.replaceAll(SPINNER_MARK, '?') : text;
}

/** Whether a frame line holds the spinner. */
export const holdsSpinner = (line: string): boolean => line.includes(SPINNER_MARK);

/** A frame line with the spinner's glyph drawn where the mark stands. */
export const drawSpinner = (line: string, glyph: string): string => line.replaceAll(SPINNER_MARK, glyph);
