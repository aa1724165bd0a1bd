import {footerBindings, BINDINGS, type Binding, type KeyContext} from '../input/key-bindings.js';
import type {UiState} from '../state/ui-state.js';
import {clipLine, fit, lineWidth, type Line, type Span} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

/** The keyboard context the state puts the user in. */
export function keyContext(state: UiState): KeyContext {
	if (state.help) return 'help';
	if (state.editingFilter) return 'filter';
	return state.detailOpen && state.focus === 'detail' ? 'detail' : 'list';
}

/** The footer: the filter being typed, or the keys that work in the current view. */
export function footerLine(
	state: UiState,
	width: number,
	glyphs: Glyphs,
	shown: number,
	total: number,
	paused = false,
): Line {
	const context = keyContext(state);
	if (context === 'filter') {
		return clipLine(
			[
				{text: '/', color: 'cyan', bold: true},
				{text: state.filter},
				{text: '_', inverse: true},
				{text: `  Enter keep ${glyphs.dot} Esc clear  (${shown}/${total})`, dim: true},
			],
			width,
			glyphs.ellipsis,
		);
	}
	const spans: Span[] = [];
	if (state.filter || state.failuresOnly) {
		spans.push({
			text: `[${[state.filter ? `/${state.filter}` : '', state.failuresOnly ? 'failures' : ''].filter(Boolean).join(' ')} ${shown}/${total}] `,
			color: 'cyan',
		});
	}
	// Help and quit always stay visible at the right; the other keys take what room is left.
	const always = new Set(['?', 'q']);
	const keySpans = (binding: Binding): Span[] => {
		const label =
			binding.keys === 's' ? `sort:${state.sort}` : binding.keys === 'p' && paused ? 'resume' : binding.label;
		return [
			{text: ascii(binding.keys, glyphs), bold: true},
			{text: ` ${label}  `, dim: true},
		];
	};
	const bindings = footerBindings(context);
	const right = bindings.filter((binding) => always.has(binding.keys)).flatMap(keySpans);
	const rightWidth = lineWidth(right);
	for (const binding of bindings.filter((candidate) => !always.has(candidate.keys)))
		for (const span of keySpans(binding)) spans.push(span);
	return [
		...clipLine(spans, Math.max(0, width - rightWidth), glyphs.ellipsis),
		...clipLine(right, width, glyphs.ellipsis),
	];
}

const ascii = (keys: string, glyphs: Glyphs): string =>
	keys.replace('↑', glyphs.up).replace('↓', glyphs.down);

/** The help overlay: every binding from the same table the input handler uses. */
export function helpLines(width: number, glyphs: Glyphs): Line[] {
	const lines: Line[] = [[{text: 'Keys', bold: true}], []];
	for (const binding of BINDINGS)
		lines.push(
			clipLine(
				[{text: fit(`  ${ascii(binding.keys, glyphs)}`, 14), bold: true}, {text: binding.description}],
				width,
				glyphs.ellipsis,
			),
		);
	lines.push(
		[],
		[
			{
				text: 'Stale numbers are dimmed and say how old they are; nothing is shown as live that is not.',
				dim: true,
			},
		],
	);
	lines.push([{text: 'Press ? or Esc to close.', dim: true}]);
	return lines;
}
