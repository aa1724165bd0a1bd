import type {PollerSnapshot} from '../../poller/poller-state.js';
import {footerBindings, BINDINGS, type Binding, type KeyContext} from '../input/key-bindings.js';
import type {UiState} from '../state/ui-state.js';
import {clipLine, fit, lineWidth, type Line, type Span} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

/** The header: app, where it looks, batches by state, request rate against budget, paused/stale flags. */
export function headerLine(snapshot: PollerSnapshot, target: string, width: number, glyphs: Glyphs): Line {
	let active = 0;
	let done = 0;
	let failed = 0;
	let stale = 0;
	for (const batch of snapshot.batches) {
		if (batch.lastError) stale += 1;
		const view = batch.view;
		if (!view) continue;
		if (view.status === 'FAILED' || view.status === 'RUNS_DELETE_FAILED') failed += 1;
		else if (view.statusClass === 'terminal') done += 1;
		else active += 1;
	}
	const spans: Span[] = [
		{text: 'batchtop', bold: true, color: 'cyan'},
		{text: `  ${target}  `, dim: true},
		{text: `${snapshot.batches.length} batches: `},
		{text: `${active} active`, color: 'cyan'},
		{text: ` ${glyphs.dot} `},
		{text: `${done} done`, color: 'green'},
		{text: ` ${glyphs.dot} `},
		{text: `${failed} failed`, color: failed > 0 ? 'red' : 'gray'},
		{text: `  ${snapshot.requestsPerSecond.toFixed(1)}/${snapshot.budgetPerSecond} req/s`, dim: true},
	];
	if (snapshot.paused) spans.push({text: '  PAUSED', color: 'yellow', bold: true});
	if (stale > 0) spans.push({text: `  ${glyphs.warning} ${stale} stale`, color: 'yellow', bold: true});
	if (snapshot.credentialsError)
		spans.push({text: `  ${glyphs.warning} ${snapshot.credentialsError.message}`, color: 'red', bold: true});
	return clipLine(spans, width, glyphs.ellipsis);
}

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
