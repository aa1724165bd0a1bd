import {useMemo} from 'react';
import type {FailureDetail} from '../../poller/poller-state.js';
import {failureBlocks, type FailureBlocks} from '../lines/failure-blocks.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../theme/glyphs.js';

/**
 * The failure groups as blocks of wrapped lines, built again only when the groups, the selected group
 * or the width change, not on every tick of the clock that rebuilds the rest of the detail pane.
 */
export function useFailureBlocks(
	failures: FailureDetail | undefined,
	width: number,
	ascii: boolean,
	selected: {readonly kind?: 'submission' | 'run'; readonly key?: string; readonly focused?: boolean} = {},
): FailureBlocks {
	const {kind, key, focused} = selected;
	return useMemo(
		() =>
			failureBlocks(failures, width, ascii ? ASCII_GLYPHS : UNICODE_GLYPHS, {
				...(kind ? {kind} : {}),
				...(key !== undefined ? {key} : {}),
				...(focused !== undefined ? {focused} : {}),
			}),
		[failures, width, ascii, kind, key, focused],
	);
}
