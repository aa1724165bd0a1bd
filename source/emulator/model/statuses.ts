// Enums of the HealthOmics batch API (see shared/healthomics-batch-api.md §1.3), plus the
// compact numeric codes the simulation stores per run in typed arrays.

export const BATCH_STATUSES = [
	'CREATING',
	'PENDING',
	'SUBMITTING',
	'INPROGRESS',
	'STOPPING',
	'CANCELLED',
	'FAILED',
	'PROCESSED',
	'RUNS_DELETING',
	'RUNS_DELETED',
	'RUNS_DELETE_FAILED',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** Forward order of batch statuses: a batch's rank never decreases. */
export const BATCH_STATUS_RANK: Record<BatchStatus, number> = {
	CREATING: 0,
	PENDING: 1,
	SUBMITTING: 2,
	INPROGRESS: 3,
	STOPPING: 4,
	PROCESSED: 5,
	CANCELLED: 5,
	FAILED: 5,
	RUNS_DELETING: 6,
	RUNS_DELETED: 7,
	RUNS_DELETE_FAILED: 7,
};

export const CANCELLABLE: ReadonlySet<BatchStatus> = new Set(['PENDING', 'SUBMITTING', 'INPROGRESS']);
export const RUNS_DELETABLE: ReadonlySet<BatchStatus> = new Set(['PROCESSED', 'CANCELLED']);
export const BATCH_DELETABLE: ReadonlySet<BatchStatus> = new Set([
	'PROCESSED',
	'FAILED',
	'CANCELLED',
	'RUNS_DELETED',
	'RUNS_DELETE_FAILED',
]);

/** Per-run submission status codes (0 = not attempted yet, which the API never shows). */
export const Sub = {
	NONE: 0,
	SUCCESS: 1,
	FAILED: 2,
	CANCEL_SUCCESS: 3,
	CANCEL_FAILED: 4,
	DELETE_SUCCESS: 5,
	DELETE_FAILED: 6,
} as const;
export const SUBMISSION_STATUS_NAMES = [
	'',
	'SUCCESS',
	'FAILED',
	'CANCEL_SUCCESS',
	'CANCEL_FAILED',
	'DELETE_SUCCESS',
	'DELETE_FAILED',
] as const;

/** Per-run status codes (0 = no run exists: not submitted, or its submission failed). */
export const Run = {
	NONE: 0,
	PENDING: 1,
	STARTING: 2,
	RUNNING: 3,
	STOPPING: 4,
	COMPLETED: 5,
	DELETED: 6,
	CANCELLED: 7,
	FAILED: 8,
} as const;
export const RUN_STATUS_NAMES = [
	'',
	'PENDING',
	'STARTING',
	'RUNNING',
	'STOPPING',
	'COMPLETED',
	'DELETED',
	'CANCELLED',
	'FAILED',
] as const;
export type RunStatusName = Exclude<(typeof RUN_STATUS_NAMES)[number], ''>;
export type SubmissionStatusName = Exclude<(typeof SUBMISSION_STATUS_NAMES)[number], ''>;
