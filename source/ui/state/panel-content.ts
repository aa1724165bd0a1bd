import type {BatchSnapshot, PollerSnapshot} from '../../poller/poller-state.js';
import {panelSplit, type PanelSplit} from '../layout/panel-split.js';
import {batchPanelLines} from '../lines/batch-panel-lines.js';
import {panelExtraLines} from '../lines/panel-extra-lines.js';
import {timelineLines} from '../lines/timeline-lines.js';
import type {Line} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';
import {spinnerTurns} from './clock-interval.js';

const THROUGHPUT_WINDOW_MS = 10 * 60_000;

/** What the panel shows for the selected batch, and how its rows are shared (panelSplit). */
export interface PanelContent {
	/** The batch's own lines, then as much more of it as fits. */
	readonly lines: readonly Line[];
	readonly split: PanelSplit;
	/** Every timeline entry, newest first (the pane scrolls them). */
	readonly timeline: readonly Line[];
}

export const NO_PANEL: PanelContent = {lines: [], split: {extraRows: 0, timelineRows: 0}, timeline: []};

export interface PanelInput {
	readonly snapshot: PollerSnapshot;
	readonly selected: BatchSnapshot;
	/** The panel's width and rows (the layout's panelColumns, the panes' panelRows). */
	readonly width: number;
	readonly rows: number;
	readonly now: number;
	readonly stallMs: number;
	readonly glyphs: Glyphs;
	readonly ascii: boolean;
	/** Said above the panel in the narrow layout: which batch of how many, and how to switch. */
	readonly prefix?: Line;
}

/** The selected batch's own lines and extras, kept while their inputs are the same objects and values. */
let lastOwn:
	| {
			selected: BatchSnapshot;
			width: number;
			now: number;
			spinning: boolean;
			glyphs: Glyphs;
			stallMs: number;
			ascii: boolean;
			core: Line[];
			extras: Line[];
	  }
	| undefined;

/**
 * The selected batch's lines and extras: each snapshot (another of 10,000 batches answering) asks
 * again, and the selected batch is nearly always the same object, so the last answer is kept.
 */
function ownLines(input: PanelInput): {core: Line[]; extras: Line[]} {
	const {selected, width, now, glyphs, stallMs, ascii} = input;
	const spinning = spinnerTurns(selected, input.snapshot.paused);
	const last = lastOwn;
	if (
		last?.selected === selected &&
		last.width === width &&
		last.now === now &&
		last.spinning === spinning &&
		last.glyphs === glyphs &&
		last.stallMs === stallMs &&
		last.ascii === ascii
	)
		return last;
	const core = batchPanelLines(selected, {
		width,
		now,
		spinning,
		glyphs,
		stallMs,
		throughputWindowMs: THROUGHPUT_WINDOW_MS,
	});
	const extras = panelExtraLines(selected, width, glyphs, ascii);
	lastOwn = {selected, width, now, spinning, glyphs, stallMs, ascii, core, extras};
	return lastOwn;
}

/** The panel's lines for the selected batch, more of it where rows are spare, and the timeline below. */
export function panelContent(input: PanelInput): PanelContent {
	const {snapshot, width, glyphs} = input;
	const {core, extras} = ownLines(input);
	const own = input.prefix ? [input.prefix, ...core] : core;
	const timeline = timelineLines(snapshot.recentEvents ?? [], snapshot.batches, width, glyphs, input.ascii);
	const split = panelSplit(input.rows, own.length, extras.length, timeline.length);
	// An extra block cut to a lone blank line says nothing: drop a trailing blank.
	const more = extras.slice(0, split.extraRows);
	if (more.at(-1)?.length === 0) more.pop();
	return {lines: [...own, ...more], split, timeline};
}
