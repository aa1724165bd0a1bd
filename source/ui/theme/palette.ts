import type {SegmentKey} from '../../domain/progress-segments.js';
import type {StatusClass} from '../../domain/batch-status.js';
import type {ColorName} from '../text/styled-line.js';

export const SEGMENT_COLORS: Readonly<Record<SegmentKey, ColorName>> = {
	successful: 'green',
	failed: 'red',
	pending: 'gray',
	completed: 'green',
	runFailed: 'red',
	cancelled: 'yellow',
	deleted: 'magenta',
	stopping: 'yellow',
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

/** The colour of a status badge. */
export function statusColor(status: string, statusClass: StatusClass, failures: number): ColorName {
	if (status === 'FAILED' || status === 'RUNS_DELETE_FAILED') return 'red';
	if (status === 'PROCESSED') return failures > 0 ? 'yellow' : 'green';
	if (status === 'CANCELLED' || status === 'STOPPING') return 'yellow';
	if (status === 'RUNS_DELETED' || status === 'RUNS_DELETING') return 'magenta';
	if (statusClass === 'active') return 'cyan';
	return 'magenta';
}
