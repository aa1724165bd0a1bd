import {guardLine} from '../../output/output-guard.js';
import type {HeaderCounts} from '../lines/header-line.js';

/**
 * The terminal (tmux window) title for --title: the program's own words and counts, never text from
 * the API, so that nothing a batch is named can reach the title bar or tmux's status line.
 */
export function titleText(counts: HeaderCounts): string {
	const parts = [`${counts.active} active`, `${counts.failed} failed`];
	if (counts.stale > 0) parts.push(`${counts.stale} stale`);
	return `batchtop: ${parts.join(', ')}`;
}

const OSC = '\u001b]';
const BEL = '\u0007';
const CSI = '\u001b[';

/** XTWINOPS 22;0: push the window and icon titles on the terminal's title stack (xterm, tmux >= 2.x, VTE, kitty...). */
export const PUSH_TITLE = `${CSI}22;0t`;
/** XTWINOPS 23;0: pop them again, restoring what was there before batchtop. */
export const POP_TITLE = `${CSI}23;0t`;

/**
 * OSC 2 (set window title) with `text`, through the output guard's line rule: no escape or control
 * character of the text survives, so the sequence cannot be closed early or another one smuggled in.
 */
export function setTitleBytes(text: string): string {
	return `${OSC}2;${guardLine(text)}${BEL}`;
}
