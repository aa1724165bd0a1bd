import type {BatchSnapshot} from '../../poller/poller-state.js';

/** How far the failure reasons of a batch have loaded. */
export interface FailureProgress {
	/** Failed submissions plus failed runs, from the batch's counters. */
	readonly total: number;
	/** Failure reasons read so far. */
	readonly loaded: number;
	/** A page is being read now. */
	readonly loading: boolean;
	/** Every kind that has failures has read its last page. */
	readonly complete: boolean;
}

/** The failure-loading state of a batch, from its snapshot; undefined before its first answer. */
export function failureProgress(batch: BatchSnapshot): FailureProgress | undefined {
	const view = batch.view;
	if (!view) return undefined;
	const failures = batch.failures;
	// A list read to its end is complete only while it holds as many as the batch says failed: more may
	// have failed since, and `l` reads it again.
	const submissionsDone =
		view.submissions.failed === 0 ||
		(failures?.submissions.complete === true && failures.submissions.loaded >= view.submissions.failed);
	const runsDone =
		view.runs.failed === 0 || (failures?.runs.complete === true && failures.runs.loaded >= view.runs.failed);
	return {
		total: view.submissions.failed + view.runs.failed,
		loaded: (failures?.submissions.loaded ?? 0) + (failures?.runs.loaded ?? 0),
		loading: failures?.loading ?? false,
		complete: submissionsDone && runsDone,
	};
}

/** The batch whose first page of failure reasons should load now: the selected one, once the detail pane shows it with failures. */
export function failuresToLoad(detailOpen: boolean, selected: BatchSnapshot | undefined): string | undefined {
	if (!detailOpen || !selected || selected.failures) return undefined;
	const progress = failureProgress(selected);
	return progress && progress.total > 0 ? selected.id : undefined;
}
