import {BINDINGS, MOUSE_BINDINGS, type Binding, type KeyContext} from '../input/key-bindings.js';
import {clipLine, fit, type Line} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';
import {keyLabel} from './key-label.js';

/** The help's sections: each binding is listed once, under the first section where it acts. */
const SECTIONS: ReadonlyArray<{readonly title: string; readonly contexts: readonly KeyContext[]}> = [
	{title: 'Keys', contexts: ['list', 'detail', 'help']},
	{title: 'While typing a filter (after /)', contexts: ['filter']},
];

/** The help overlay: every binding of the table the input hook uses, with its description. */
export function helpLines(width: number, glyphs: Glyphs): Line[] {
	const lines: Line[] = [];
	const listed = new Set<Binding>();
	for (const section of SECTIONS) {
		const bindings = BINDINGS.filter(
			(binding) =>
				!listed.has(binding) && binding.contexts.some((context) => section.contexts.includes(context)),
		);
		if (bindings.length === 0) continue;
		if (lines.length > 0) lines.push([]);
		lines.push([{text: section.title, bold: true}]);
		for (const binding of bindings) {
			listed.add(binding);
			lines.push(
				clipLine(
					[{text: fit(`  ${keyLabel(binding.keys, glyphs)}`, 14), bold: true}, {text: binding.description}],
					width,
					glyphs.ellipsis,
				),
			);
		}
	}
	lines.push([], [{text: 'Mouse (with --mouse)', bold: true}]);
	for (const binding of MOUSE_BINDINGS)
		lines.push(
			clipLine(
				[{text: fit(`  ${binding.keys}`, 14), bold: true}, {text: binding.description}],
				width,
				glyphs.ellipsis,
			),
		);
	lines.push(
		[],
		clipLine(
			[
				{
					text: 'Focus: the highlighted pane title takes j/k and PgUp/PgDn; Tab moves it.',
					dim: true,
				},
			],
			width,
			glyphs.ellipsis,
		),
		clipLine(
			[
				{
					text: 'Stale numbers are dimmed and say how old they are; nothing is shown as live that is not.',
					dim: true,
				},
			],
			width,
			glyphs.ellipsis,
		),
		[{text: 'Press ? or Esc to close.', dim: true}],
	);
	return lines;
}
