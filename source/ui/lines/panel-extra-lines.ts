import {throughputSeries} from '../../domain/throughput-series.js';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {formatDuration} from '../text/format.js';
import {fit, type Line} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap-line.js';
import {labelledLines} from './wrapped-lines.js';
import type {Glyphs} from '../theme/glyphs.js';
import {sparkline} from './sparkline.js';

const LABEL = 12;
const MAX_SPARK = 48;
/** The setting's keys take this many columns before their values. */
const SETTING_KEY = 22;

/**
 * More of the selected batch, for rows the panel leaves spare: runs done per minute over the watched
 * span as a sparkline, then the default run setting (sanitised key and value strings). Blank line
 * before each block; every line fits `width`.
 */
export function panelExtraLines(batch: BatchSnapshot, width: number, glyphs: Glyphs, ascii: boolean): Line[] {
	const view = batch.view;
	if (!view) return [];
	const lines: Line[] = [];
	const first = batch.history[0];
	const last = batch.history.at(-1);
	const series = throughputSeries(batch.history, Math.max(4, Math.min(MAX_SPARK, width - LABEL - 30)));
	if (first && last && series.length > 0) {
		let peak = 0;
		for (const value of series) peak = Math.max(peak, value);
		lines.push(
			[],
			[
				{text: fit('Runs/min', LABEL)},
				{text: sparkline(series, ascii), color: 'cyan'},
				{
					text: `  over ${formatDuration(last.at - first.at)}, peak ${peak < 10 ? peak.toFixed(1) : Math.round(peak)}`,
					dim: true,
				},
			],
		);
	}
	if (view.settings.length > 0) {
		lines.push([], [{text: 'Default run setting', bold: true}]);
		for (const [key, value] of view.settings)
			// Under its key when it does not fit beside it, so an ARN or URI keeps one row to select.
			for (const line of labelledLines(`  ${key}`, value, width, {
				labelColumns: SETTING_KEY,
				underIndent: 4,
				labelStyle: {dim: true},
			}))
				lines.push(line);
	}
	return lines.flatMap((line) => wrapLine(line, width, Math.min(SETTING_KEY, Math.floor(width / 3))));
}
