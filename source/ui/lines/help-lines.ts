import {BINDINGS, MOUSE_BINDINGS, type Binding, type KeyContext} from '../input/key-bindings.js';
import {fit, type Line} from '../text/styled-line.js';
import {wrapText} from '../text/wrap-text.js';
import type {Glyphs} from '../theme/glyphs.js';
import {keyLabel} from './key-label.js';

/** The help's sections: each binding is listed once, under the first section where it acts. */
const SECTIONS: ReadonlyArray<{readonly title: string; readonly contexts: readonly KeyContext[]}> = [
	{title: 'Keys', contexts: ['list', 'detail', 'help']},
	{title: "In a failure group's entries and a run (Enter on a failure group)", contexts: ['group', 'run']},
	{title: 'While typing a filter (after /)', contexts: ['filter']},
	{title: 'While confirming a cancel (after c, with --allow-cancel)', contexts: ['confirm']},
];

const KEY_COLUMN = 14;

/** A key and its description, the description wrapped under itself so nothing is cut. */
function keyLines(keys: string, description: string, width: number): Line[] {
	const room = Math.max(1, width - KEY_COLUMN);
	return wrapText(description, room).map((part, index) => [
		{text: index === 0 ? fit(keys, KEY_COLUMN) : ' '.repeat(KEY_COLUMN), bold: index === 0},
		{text: part},
	]);
}

/** A dim note, wrapped to the width. */
const note = (text: string, width: number): Line[] =>
	wrapText(text, Math.max(1, width)).map((part) => [{text: part, dim: true}]);

/** The help overlay: every binding of the table the input hook uses, with its description, wrapped to `width`. */
export function helpLines(width: number, glyphs: Glyphs): Line[] {
	const lines: Line[] = [];
	const listed = new Set<Binding>();
	const add = (more: readonly Line[]) => {
		for (const line of more) lines.push(line);
	};
	for (const section of SECTIONS) {
		const bindings = BINDINGS.filter(
			(binding) =>
				!listed.has(binding) && binding.contexts.some((context) => section.contexts.includes(context)),
		);
		if (bindings.length === 0) continue;
		if (lines.length > 0) lines.push([]);
		add(wrapText(section.title, Math.max(1, width)).map((part) => [{text: part, bold: true}]));
		for (const binding of bindings) {
			listed.add(binding);
			add(keyLines(`  ${keyLabel(binding.keys, glyphs)}`, binding.description, width));
		}
	}
	lines.push([], [{text: 'Mouse (with --mouse)', bold: true}]);
	for (const binding of MOUSE_BINDINGS) add(keyLines(`  ${binding.keys}`, binding.description, width));
	lines.push([]);
	add(note('Focus: the highlighted pane title takes j/k and PgUp/PgDn; Tab moves it.', width));
	add(
		note('Stale numbers are dimmed and say how old they are; nothing is shown as live that is not.', width),
	);
	add(note('Press ? or Esc to close.', width));
	return lines;
}
