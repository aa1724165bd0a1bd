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
	// On DYNAMIC storage (the default): there is no storageCapacity to raise. fittingFailure gives a STATIC
	// run its own capacity instead.
	{reason: 'STORAGE_FULL', message: 'Run storage is full: dynamic run storage could not grow any further'},
	{
		reason: 'WORKFLOW_DEFINITION_ERROR',
		message: "main.nf line 42: process 'ALIGN' declares an unknown input channel 'reads_ch'",
	},
	// The failed task's own limit (a process `time` directive), which is how long it ran: never the
	// service's 168-hour cap on a run that lasted minutes.
	{reason: 'TIMEOUT', message: 'Task exceeded the time limit its workflow sets for it and was stopped'},
];

/** The run's storage, which decides what a STORAGE_FULL says. */
export interface FailureSetting {
	readonly storageType: string;
	readonly storageCapacity: number;
}

/** A drawn run failure as it reads on this run: a STATIC run's STORAGE_FULL states its real capacity. */
export function fittingFailure(drawn: FailureText, setting: FailureSetting): FailureText {
	if (drawn.reason !== 'STORAGE_FULL' || setting.storageType !== 'STATIC') return drawn;
	const gib = setting.storageCapacity;
	return {
		reason: drawn.reason,
		message: `Run storage is full: ${gib} GiB used of ${gib} GiB; increase storageCapacity`,
	};
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
