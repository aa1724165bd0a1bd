import {footerHints, type FooterView, type ShownHint} from '../input/key-bindings.js';
import {keyContext, type UiState} from '../state/ui-state.js';
import {clipLine, lineWidth, type Line, type Span} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';
import {keyLabel} from './key-label.js';

export interface FooterFacts {
	readonly width: number;
	readonly glyphs: Glyphs;
	/** Batches the filter lets through, of all. */
	readonly shown: number;
	readonly total: number;
	readonly paused: boolean;
}

const hintSpans = (hint: ShownHint, glyphs: Glyphs): Span[] => [
	{text: keyLabel(hint.keys, glyphs), bold: true},
	{text: ` ${hint.label}  `, dim: true},
];

/**
 * The hints that fit in `width`: whole hints are dropped, highest rank first (the later of equal
 * ranks first), never cut; rank 1 hints stay and come last.
 */
export function fittingHints(hints: readonly ShownHint[], width: number, glyphs: Glyphs): ShownHint[] {
	const kept = [...hints];
	const widthOf = (list: readonly ShownHint[]) =>
		list.reduce((sum, hint) => sum + lineWidth(hintSpans(hint, glyphs)), 0);
	while (widthOf(kept) > width) {
		let drop = -1;
		for (let index = 0; index < kept.length; index++) {
			const rank = kept[index]?.rank ?? 1;
			if (rank > 1 && (drop === -1 || rank >= (kept[drop]?.rank ?? 1))) drop = index;
		}
		if (drop === -1) break;
		kept.splice(drop, 1);
	}
	return [...kept.filter((hint) => hint.rank > 1), ...kept.filter((hint) => hint.rank === 1)];
}

/**
 * The footer, one row that never wraps: the filter being typed, or the last key's notice, the
 * filter in force and the keys that work where the focus is (from the bindings table).
 */
export function footerLine(state: UiState, facts: FooterFacts): Line {
	const {width, glyphs} = facts;
	const view: FooterView = {context: keyContext(state), state, paused: facts.paused};
	const hints = footerHints(view);
	if (view.context === 'filter') {
		const keys = hints.map((hint) => `${keyLabel(hint.keys, glyphs)} ${hint.label}`).join(` ${glyphs.dot} `);
		return clipLine(
			[
				{text: '/', bold: true},
				{text: state.filter},
				{text: '_', inverse: true},
				{text: `  ${keys}  (${facts.shown}/${facts.total})`, dim: true},
			],
			width,
			glyphs.ellipsis,
		);
	}
	const lead: Span[] = [];
	if (state.notice) lead.push({text: `${state.notice}  `, color: 'magenta', bold: true});
	if (state.filter || state.failuresOnly) {
		const what = [state.filter ? `/${state.filter}` : '', state.failuresOnly ? 'failures' : '']
			.filter(Boolean)
			.join(' ');
		lead.push({text: `[${what} ${facts.shown}/${facts.total}] `, bold: true});
	}
	const pinned = hints.filter((hint) => hint.rank === 1).flatMap((hint) => hintSpans(hint, glyphs));
	// The notice and the filter come first; the pinned hints (help, quit) always stay.
	const leadLine = clipLine(lead, Math.max(0, width - lineWidth(pinned)), glyphs.ellipsis);
	const room = width - lineWidth(leadLine);
	const spans: Span[] = [...leadLine];
	for (const hint of fittingHints(hints, room, glyphs))
		for (const span of hintSpans(hint, glyphs)) spans.push(span);
	return clipLine(spans, width, glyphs.ellipsis);
}
