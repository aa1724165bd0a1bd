import {clipLine, lineWidth, type Line, type Span} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';
import {formatCount} from '../text/format.js';
import type {FailureProgress} from '../state/failure-progress.js';

/**
 * A pane's title row, which says where the keys go: the focused pane's title has a square marker, its name
 * in capitals, inverse and bold (so it reads without colour and in ASCII); the other's is dim and
 * names the key that brings the focus there (`hint`). `status` (with a spinner while something loads) follows
 * the name; the rest of the row is a rule.
 */
export function paneTitleLine(
	name: string,
	focused: boolean,
	width: number,
	glyphs: Glyphs,
	status?: {readonly text: string; readonly spinner: boolean},
	hint = 'Tab',
): Line {
	const title: Span = focused
		? {text: ` ${glyphs.bullet} ${name.toUpperCase()} `, inverse: true, bold: true}
		: {text: `   ${name} `, dim: true};
	const tail: Span[] = [];
	if (status?.spinner) tail.push({text: ' '}, {text: ' ', spinner: true});
	if (status) tail.push({text: ` ${status.text}`, dim: true});
	const hints: Span[] = focused || !hint ? [] : [{text: ` ${hint}`, dim: true}];
	const used = lineWidth([title, ...tail, ...hints]);
	const rest = width - used - 1;
	const spans: Span[] = [title, ...tail];
	if (rest > 0) spans.push({text: ` ${glyphs.rule.repeat(rest)}`, dim: true});
	for (const span of hints) spans.push(span);
	return clipLine(spans, width, glyphs.ellipsis);
}

/**
 * The words beside the loading spinner while failure reasons load: how many of the batch's failures
 * the groups hold so far (they are partial until this is gone).
 */
export function failureLoadingText(progress: FailureProgress, glyphs: Glyphs): string {
	return `loading failure reasons${glyphs.ellipsis} grouped ${formatCount(progress.loaded)} of ${formatCount(progress.total)}`;
}
