// What failures look like. Submission reasons are the exception names the service documents
// (shared/healthomics-batch-api.md §2.3), ThrottlingException aside (it comes from the account quota);
// run failures mimic GetRun's short code plus free text.

export interface FailureText {
	readonly reason: string;
	readonly message: string;
}

export const SUBMISSION_FAILURES: readonly FailureText[] = [
	{reason: 'ValidationException', message: "Parameter 'input_bam' is not a valid S3 URI"},
	{
		reason: 'ServiceQuotaExceededException',
		message: 'Maximum number of active runs (static storage) reached for this account',
	},
	{
		reason: 'AccessDeniedException',
		message: 'The service role cannot read s3://example-inputs/cohort/sample.cram',
	},
	{reason: 'ResourceNotFoundException', message: 'Run group 7700123 was not found'},
	{reason: 'ConflictException', message: 'A run with the same request id is already being created'},
	{reason: 'RequestTimeoutException', message: 'StartRun timed out after 3 attempts'},
	{
		reason: 'InternalServerException',
		message: 'An internal error occurred while starting the run; retries were exhausted',
	},
];

/**
 * A StartRun the account quota throttled on every attempt: never drawn from the list above, it comes from
 * contention for the quota (run-timeline.ts, submissionThrottled).
 */
export const THROTTLED_SUBMISSION: FailureText = {
	reason: 'ThrottlingException',
	message: 'Rate exceeded: StartRun was throttled on each of 5 attempts; retries were exhausted',
};

export const RUN_FAILURES: readonly FailureText[] = [
	{reason: 'TASK_FAILED', message: "Task 'bwa_mem' exited with status 137: the container ran out of memory"},
	{
		reason: 'TASK_FAILED',
		message:
			"Task 'haplotype_caller' exited with status 1: java.lang.IllegalArgumentException: malformed VCF header",
	},
	{
		reason: 'INPUT_NOT_FOUND',
		message: 'Input s3://example-inputs/cohort/NA12878.cram does not exist or is not readable',
	},
	// The texts of the last three are only placeholders: fittingFailure below rewrites them from the run.
	{reason: 'STORAGE_FULL', message: 'Run storage is full'},
	{
		reason: 'WORKFLOW_DEFINITION_ERROR',
		message: "main.nf line 42: process 'ALIGN' declares an unknown input channel 'reads_ch'",
	},
	{reason: 'TIMEOUT', message: 'Task exceeded its time limit'},
];

/** What a drawn failure needs to know about its run to read true there. */
export interface FailureSetting {
	/** The task that fails (undefined: none does). */
	readonly task?: string;
	/** How long that task ran, in ms. */
	readonly ranMs: number;
	readonly storageType: string;
	readonly storageCapacity: number;
}

/** `37m`, `2h 5m`, `45s`: a duration as a Nextflow `time` directive would state it, rounded down. */
function limitText(ms: number): string {
	const seconds = Math.max(1, Math.floor(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m`;
	return minutes % 60 === 0 ? `${minutes / 60}h` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/**
 * A drawn run failure as it reads on this run: a TIMEOUT is the failing task's own time limit (the time
 * it ran), never the service's 168-hour cap on a run of minutes; STORAGE_FULL states a STATIC run's real
 * capacity, and on DYNAMIC storage (which has no storageCapacity to raise) says the storage could not grow.
 */
export function fittingFailure(drawn: FailureText, setting: FailureSetting): FailureText {
	const task = setting.task === undefined ? 'Task' : `Task '${setting.task}'`;
	switch (drawn.reason) {
		case 'TIMEOUT':
			return {
				reason: drawn.reason,
				message: `${task} exceeded its time limit of ${limitText(setting.ranMs)} and was stopped`,
			};
		case 'STORAGE_FULL':
			if (setting.storageType === 'STATIC') {
				const gib = setting.storageCapacity;
				return {
					reason: drawn.reason,
					message: `Run storage is full: ${gib} GiB used of ${gib} GiB; increase storageCapacity`,
				};
			}
			return {
				reason: drawn.reason,
				message: `Run storage is full: dynamic run storage could not grow any further while ${task.replace(/^T/, 't')} was writing`,
			};
		default:
			return drawn;
	}
}

/** Strings a hostile or broken backend might send; scenarios opt into them to test sanitising clients. */
export const HOSTILE_RUN_FAILURE: FailureText = {
	reason: 'TASK_FAILED',
	message:
		'Task \u001b[31mcall_variants\u001b[0m failed\u0007: \u001b]0;pwned\u0007stderr tail:\r\n\u001b[2J\u009b6nSegmentation fault (core dumped)',
};

/** Picks a catalog entry by a unit number, weighting earlier entries more (a few reasons dominate, like real batches). */
export function pickFailure(catalog: readonly FailureText[], unit: number): FailureText {
	const index = Math.min(catalog.length - 1, Math.floor(unit * unit * catalog.length));
	const entry = catalog[index];
	if (!entry) throw new Error('failure catalog is empty');
	return entry;
}
