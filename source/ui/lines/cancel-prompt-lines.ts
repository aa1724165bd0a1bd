import type {CancelPrompt} from '../state/cancel-state.js';
import {widthOf, type Line, type Span} from '../text/styled-line.js';
import {wrapText} from '../text/wrap-text.js';

/** Text cut into rows of at most `width` columns, character by character: every space and character typed stays visible. */
function hardWrap(text: string, width: number): string[] {
	const rows: string[] = [];
	let row = '';
	for (const character of text) {
		if (row !== '' && widthOf(row + character) > width) {
			rows.push(row);
			row = '';
		}
		row += character;
	}
	rows.push(row);
	return rows;
}

/** A label, then `value` wrapped under itself; `tail` (the cursor) follows the last character. */
function field(label: string, value: string, width: number, style: Omit<Span, 'text'>, tail?: Span): Line[] {
	const indent = ' '.repeat(widthOf(label));
	const room = Math.max(1, width - widthOf(label) - (tail ? widthOf(tail.text) : 0));
	const rows = hardWrap(value, room);
	return rows.map((row, index) => [
		{text: index === 0 ? label : indent, dim: true},
		{text: row, ...style},
		...(tail && index === rows.length - 1 ? [tail] : []),
	]);
}

const plain = (text: string, width: number, style: Omit<Span, 'text'> = {}): Line[] =>
	wrapText(text, Math.max(1, width)).map((part) => [{text: part, ...style}]);

/**
 * The cancel prompt, wrapped to `width`: which batch, the name to type, what has been typed (with a
 * cursor), whether the last Enter matched, and what cancelling does. The typed text comes first after
 * the name, so that it stays on screen in a short pane.
 */
export function cancelPromptLines(prompt: CancelPrompt, width: number): Line[] {
	return [
		...plain(
			`Cancel batch ${prompt.name}${prompt.name === prompt.batchId ? '' : ` (${prompt.batchId})`}?`,
			width,
			{
				bold: true,
				color: 'red',
			},
		),
		...field('  type its name: ', prompt.name, width, {bold: true}),
		...field('  typed:         ', prompt.typed, width, {}, {text: ' ', inverse: true}),
		...(prompt.mismatch
			? plain('  the name does not match: nothing was sent', width, {color: 'red', bold: true})
			: []),
		[],
		...plain('Enter cancels it when the name matches exactly; Esc closes this and sends nothing.', width),
		...plain(
			'CancelRunBatch: runs not yet started never start, started runs get CancelRun; the batch goes STOPPING, then CANCELLED. It cannot be undone.',
			width,
			{dim: true},
		),
	];
}
