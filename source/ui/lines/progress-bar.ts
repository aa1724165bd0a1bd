import type {Segment} from '../../domain/progress-segments.js';
import {SEGMENT_COLORS, SEGMENT_LABELS} from '../theme/palette.js';
import {formatCount, formatPercent} from '../text/format.js';
import type {Glyphs} from '../theme/glyphs.js';
import type {Line, Span} from '../text/styled-line.js';

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
	const entries = segments
		.filter((segment) => segment.count > 0)
		.map((segment): Span[] => [
			{
				text:
					glyphs.segment[segment.key] === '·' || glyphs.segment[segment.key] === '.'
						? glyphs.segment[segment.key]
						: glyphs.bullet,
				color: SEGMENT_COLORS[segment.key],
				dim,
			},
			{
				text: ` ${SEGMENT_LABELS[segment.key]} ${formatCount(segment.count)} (${formatPercent(segment.count, total)})`,
				dim,
			},
		]);
	const lines: Span[][] = [];
	let current: Span[] = [{text: '  '}];
	let used = 2;
	for (const entry of entries) {
		const entryWidth = entry.reduce((sum, span) => sum + span.text.length, 0) + 2;
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

/** A compact count for narrow columns: 950, 3k, 12.3k, 100k, 1.2M (at most four characters and a unit). */
export function compactCount(value: number): string {
	const trim = (text: string) => text.replace(/\.0$/, '');
	if (value < 1000) return formatCount(value);
	if (value < 100_000) return `${trim((value / 1000).toFixed(1))}k`;
	if (value < 1_000_000) return `${Math.round(value / 1000)}k`;
	return `${trim((value / 1_000_000).toFixed(1))}M`;
}
