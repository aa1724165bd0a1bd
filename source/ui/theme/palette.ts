import type {SegmentKey} from '../../domain/progress-segments.js';
import type {StatusClass} from '../../domain/batch-status.js';
import type {ColorName} from '../text/styled-line.js';

/*
 * Colours readable on light and dark backgrounds (README "Colours" has the contrast ratios, measured
 * with xterm's standard palette on white and on black): text is in the default foreground, and where
 * a colour marks a status it is one of red, magenta and gray, each at least 3.6:1 on both. Green, cyan
 * and blue fall below 2.3:1 on one of them: they only colour bar segments, whose distinct glyphs carry
 * the meaning without colour. No white and no yellow anywhere (1.3:1 and 1.7:1 on white).
 */
export const SEGMENT_COLORS: Readonly<Record<SegmentKey, ColorName>> = {
	successful: 'green',
	failed: 'red',
	pending: 'gray',
	completed: 'green',
	runFailed: 'red',
	cancelled: 'magenta',
	deleted: 'gray',
	stopping: 'magenta',
	running: 'cyan',
	starting: 'blue',
	runPending: 'blue',
	notStarted: 'gray',
};

export const SEGMENT_LABELS: Readonly<Record<SegmentKey, string>> = {
	successful: 'started',
	failed: 'failed',
	pending: 'pending',
	completed: 'completed',
	runFailed: 'failed',
	cancelled: 'cancelled',
	deleted: 'deleted',
	stopping: 'stopping',
	running: 'running',
	starting: 'starting',
	runPending: 'pending',
	notStarted: 'not started',
};

/** The colour of a status badge: none (the default foreground) for the usual ones, a readable colour for the rest. */
export function statusColor(
	status: string,
	statusClass: StatusClass,
	failures: number,
): ColorName | undefined {
	if (status === 'FAILED' || status === 'RUNS_DELETE_FAILED') return 'red';
	if (status === 'PROCESSED') return failures > 0 ? 'magenta' : undefined;
	if (status === 'CANCELLED' || status === 'STOPPING') return 'magenta';
	if (status === 'RUNS_DELETED' || status === 'RUNS_DELETING') return 'gray';
	if (statusClass === 'active') return undefined;
	return 'magenta';
}
