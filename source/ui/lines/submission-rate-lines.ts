import {
	estimateSubmissionRemainingMs,
	runsLeftToSubmit,
	submissionsPerMinute,
} from '../../domain/submission-rate.js';
import type {BatchView} from '../../domain/batch-view.js';
import type {CountSample} from '../../domain/throughput.js';
import {formatClock, formatCount, formatDuration} from '../text/format.js';
import {fit, type Line} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

const LABEL = 12;

/** "12 starts/min", "3.5 starts/min", or the dash. */
function rateText(perMinute: number | undefined, dash: string): string {
	if (perMinute === undefined) return dash;
	return `${perMinute < 10 ? perMinute.toFixed(1) : String(Math.round(perMinute))} starts/min`;
}

/**
 * While a batch submits: the submission rate observed over `windowMs` (what the account's StartRun
 * quota, shared by every submitting batch, lets through) and when submission will finish at it.
 */
export function submissionRateLines(
	view: BatchView,
	history: readonly CountSample[],
	now: number,
	windowMs: number,
	glyphs: Glyphs,
): Line[] {
	if (view.status !== 'SUBMITTING') return [];
	const rate = submissionsPerMinute(history, now, windowMs);
	const remaining = estimateSubmissionRemainingMs(view, rate);
	const end =
		remaining === undefined ? glyphs.dash : `${formatDuration(remaining)} (${formatClock(now + remaining)})`;
	return [
		[
			{text: fit('Submitting', LABEL)},
			{text: rateText(rate, glyphs.dash)},
			{text: `   ${formatCount(runsLeftToSubmit(view))} to go, all submitted in ${end}`},
		],
		[{text: fit('', LABEL)}, {text: 'at the StartRun quota, shared by every submitting batch', dim: true}],
	];
}
