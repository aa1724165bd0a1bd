import type {Segment} from '../../domain/progress-segments.js';
import {SEGMENT_COLORS, SEGMENT_LABELS} from '../theme/palette.js';
import {formatCount, formatPercent} from '../text/format.js';
import type {Glyphs} from '../theme/glyphs.js';
import {lineWidth, type Line, type Span} from '../text/styled-line.js';

/** A bar drawn from segments: one span per non-empty segment, in its colour and glyph. */
export function barSpans(segments: readonly Segment[], glyphs: Glyphs, dim = false): Span[] {
	return segments
		.filter((segment) => segment.width > 0)
		.map((segment) => ({
			text: glyphs.segment[segment.key].repeat(segment.width),
			color: SEGMENT_COLORS[segment.key],
			dim,
		}));
}

/** The legend under a bar: "■ completed 40 (40%)" for every non-zero segment, wrapped into lines of `width`. */
export function legendLines(
	segments: readonly Segment[],
	total: number,
	glyphs: Glyphs,
	width: number,
	dim = false,
): Line[] {
	const percents = legendPercents(segments, total);
	const entries = segments
		.map((segment, index) => ({segment, percent: percents[index] ?? ''}))
		.filter(({segment}) => segment.count > 0)
		.map(({segment, percent}): Span[] => [
			{
				text:
					glyphs.segment[segment.key] === '·' || glyphs.segment[segment.key] === '.'
						? glyphs.segment[segment.key]
						: glyphs.bullet,
				color: SEGMENT_COLORS[segment.key],
				dim,
			},
			{
				text: ` ${SEGMENT_LABELS[segment.key]} ${formatCount(segment.count)} (${percent})`,
				dim,
			},
		]);
	const lines: Span[][] = [];
	let current: Span[] = [{text: '  '}];
	let used = 2;
	for (const entry of entries) {
		const entryWidth = lineWidth(entry) + 2;
		if (used + entryWidth > width && current.length > 1) {
			lines.push(current);
			current = [{text: '  '}];
			used = 2;
		}
		current = [...current, ...entry, {text: '  '}];
		used += entryWidth;
	}
	if (current.length > 1) lines.push(current);
	return lines;
}

/**
 * The legend's percentages, in tenths that add up to exactly 100 when the segments make up the total
 * (87.7% + 12.3%, never 87% + 12%): a partial segment never reads 100%, a non-zero one never 0%
 * (one below 0.1% reads `<0.1%`).
 */
function legendPercents(segments: readonly Segment[], total: number): string[] {
	const counts = segments.map((segment) => segment.count);
	if (total <= 0 || counts.reduce((sum, count) => sum + count, 0) !== total)
		return counts.map((count) => formatPercent(count, total));
	const tenths = shares(counts, total, 1000);
	return counts.map((count, index) =>
		count > 0 && (count / total) * 1000 < 1 ? '<0.1%' : percentText((tenths[index] ?? 0) / 10),
	);
}

/** As the bars' own percentages read: one decimal below 10%, whole numbers drop their ".0" above. */
const percentText = (value: number): string =>
	`${value < 10 ? value.toFixed(1) : value.toFixed(1).replace(/\.0$/, '')}%`;

/**
 * `units` split among counts in proportion by largest remainder: the shares add up to `units`, each
 * within one unit of its exact value. A count below one unit may get none (the legend says `<0.1%`).
 */
function shares(counts: readonly number[], total: number, units: number): number[] {
	const exact = counts.map((count) => (count / total) * units);
	const result = exact.map(Math.floor);
	let left = units - result.reduce((sum, share) => sum + share, 0);
	const order = exact
		.map((value, index) => ({index, rest: value - Math.floor(value)}))
		.sort((a, b) => b.rest - a.rest || a.index - b.index);
	for (const {index} of order) {
		if (left <= 0) break;
		// A part of the whole never rounds up to all of it.
		if ((result[index] ?? 0) + 1 === units && (counts[index] ?? 0) < total) continue;
		result[index] = (result[index] ?? 0) + 1;
		left -= 1;
	}
	return result;
}

/** A compact count for narrow columns: 950, 3k, 12.3k, 100k, 1.2M (at most four characters and a unit). */
export function compactCount(value: number): string {
	const trim = (text: string) => text.replace(/\.0$/, '');
	if (value < 1000) return formatCount(value);
	if (value < 100_000) return `${trim((value / 1000).toFixed(1))}k`;
	if (value < 1_000_000) return `${Math.round(value / 1000)}k`;
	return `${trim((value / 1_000_000).toFixed(1))}M`;
}
