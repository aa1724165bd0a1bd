import {allocateWidths, type Segment} from '../../domain/progress-segments.js';
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
 * (87.7% + 12.3%, never 87% + 12%): a partial segment never reads 100%, a non-zero one never 0%.
 */
function legendPercents(segments: readonly Segment[], total: number): string[] {
	const counts = segments.map((segment) => segment.count);
	if (total <= 0 || counts.reduce((sum, count) => sum + count, 0) !== total)
		return counts.map((count) => formatPercent(count, total));
	const tenths = allocateWidths(counts, 1000);
	return counts.map((count, index) =>
		count > 0 && (count / total) * 1000 < 1
			? '<0.1%'
			: `${((tenths[index] ?? 0) / 10).toFixed(1).replace(/\.0$/, '')}%`,
	);
}

/** A compact count for narrow columns: 950, 3k, 12.3k, 100k, 1.2M (at most four characters and a unit). */
export function compactCount(value: number): string {
	const trim = (text: string) => text.replace(/\.0$/, '');
	if (value < 1000) return formatCount(value);
	if (value < 100_000) return `${trim((value / 1000).toFixed(1))}k`;
	if (value < 1_000_000) return `${Math.round(value / 1000)}k`;
	return `${trim((value / 1_000_000).toFixed(1))}M`;
}
