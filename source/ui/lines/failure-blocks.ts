import type {FailureGroup} from '../../domain/failure-groups.js';
import type {FailureDetail} from '../../poller/poller-state.js';
import {largest} from '../../domain/largest.js';
import {formatCount} from '../text/format.js';
import {fit, widthOf, type Line} from '../text/styled-line.js';
import {wrapText} from '../text/wrap-text.js';
import type {Glyphs} from '../theme/glyphs.js';

const MESSAGE_INDENT = 4;

/** Lines of failure groups, and the line each group's heading is on. */
export interface FailureBlock {
	readonly lines: readonly Line[];
	readonly starts: readonly number[];
}

/**
 * Failure groups as blocks of whole text, not a table that cuts it: a heading (count × reason), the
 * whole message wrapped under it, then the example ids, whole, wrapped after their commas. `idsName`
 * says what the ids are ("run ids", "run setting ids"); the group keyed `selectedKey` (Enter opens it)
 * is marked and, when `focused`, inverse.
 */
export function failureBlockLines(
	groups: readonly FailureGroup[],
	width: number,
	glyphs: Glyphs,
	idsName: string,
	selected: {readonly key?: string | undefined; readonly focused?: boolean} = {},
): FailureBlock {
	const countColumns = largest(
		groups.map((group) => widthOf(formatCount(group.count))),
		1,
	);
	const lines: Line[] = [];
	const starts: number[] = [];
	for (const group of groups) {
		starts.push(lines.length);
		const chosen = group.key === selected.key;
		const marker = chosen ? `${glyphs.selected} ` : '  ';
		const head = `${marker}${fit(formatCount(group.count), countColumns, 'right')} ${glyphs.times} `;
		const headColumns = widthOf(head);
		wrapText(group.reason, width - headColumns).forEach((part, index) => {
			lines.push([
				{text: index === 0 ? head : ' '.repeat(headColumns), bold: true},
				{text: part, bold: true, color: 'red', ...(chosen && selected.focused ? {inverse: true} : {})},
			]);
		});
		const indent = ' '.repeat(MESSAGE_INDENT);
		for (const part of wrapText(group.message || '(no message)', width - MESSAGE_INDENT))
			lines.push([{text: indent}, group.message ? {text: part} : {text: part, dim: true}]);
		if (group.examples.length === 0) continue;
		const shown =
			group.examples.length < group.count
				? `${idsName} (${formatCount(group.examples.length)} of ${formatCount(group.count)}): `
				: `${idsName}: `;
		const room = width - MESSAGE_INDENT;
		const label = widthOf(shown) < room / 2 ? shown : '';
		if (!label) lines.push([{text: indent}, {text: shown.trimEnd(), dim: true}]);
		wrapText(group.examples.join(', '), room, room - widthOf(label)).forEach((part, index) => {
			lines.push([{text: indent}, ...(index === 0 && label ? [{text: label, dim: true}] : []), {text: part}]);
		});
	}
	return {lines, starts};
}

/** Both kinds of failure of a batch as blocks, built once per change of the groups, the selection or the width. */
export interface FailureBlocks {
	readonly submissions: FailureBlock;
	readonly runs: FailureBlock;
}

const NO_BLOCK: FailureBlock = {lines: [], starts: []};
export const NO_FAILURE_BLOCKS: FailureBlocks = {submissions: NO_BLOCK, runs: NO_BLOCK};

/** The blocks of a batch's loaded failures (none before any are loaded), the `selected` group marked. */
export function failureBlocks(
	failures: FailureDetail | undefined,
	width: number,
	glyphs: Glyphs,
	selected: {readonly kind?: 'submission' | 'run'; readonly key?: string; readonly focused?: boolean} = {},
): FailureBlocks {
	if (!failures) return NO_FAILURE_BLOCKS;
	const of = (kind: 'submission' | 'run') =>
		selected.kind === kind ? {key: selected.key, focused: selected.focused ?? false} : {};
	return {
		submissions: failureBlockLines(
			failures.submissions.groups,
			width,
			glyphs,
			'run setting ids',
			of('submission'),
		),
		runs: failureBlockLines(failures.runs.groups, width, glyphs, 'run ids', of('run')),
	};
}
