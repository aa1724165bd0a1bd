// One failure of a batch as `batchtop failures` prints it (README "batchtop failures"): the field names
// of its NDJSON and CSV are a stable interface; add fields at the end, never rename them.

export type FailureKind = 'submission' | 'run';

/** A failed submission (ListRunsInBatch submissionStatus=FAILED) or a failed run (ListRuns status=FAILED). */
export interface FailureRecord {
	readonly batchId: string;
	readonly kind: FailureKind;
	readonly runSettingId: string | null;
	/** Runs only: a submission that failed never got a run. */
	readonly runId: string | null;
	/** submissionFailureReason, or GetRun failureReason. */
	readonly reason: string | null;
	/** submissionFailureMessage, or GetRun statusMessage. */
	readonly message: string | null;
	/** The first failed task (GetRunTask), runs only. */
	readonly taskId: string | null;
	readonly taskName: string | null;
	readonly taskReason: string | null;
	readonly taskMessage: string | null;
	/** The failed task's log stream ARN, else the run's engine log stream ARN. */
	readonly logStream: string | null;
}

/** The fields in the order CSV columns and README list them. */
export const FAILURE_FIELDS = [
	'batchId',
	'kind',
	'runSettingId',
	'runId',
	'reason',
	'message',
	'taskId',
	'taskName',
	'taskReason',
	'taskMessage',
	'logStream',
] as const satisfies ReadonlyArray<keyof FailureRecord>;
