/** Process exit codes, documented in README.md and `--help`. */
export const ExitCode = {
	/** Every batch PROCESSED with no failed runs or submissions (or: watching ended normally). */
	ok: 0,
	/** Some runs or submissions failed. */
	someFailed: 1,
	/** Bad command line or input. */
	usage: 2,
	/** A batch FAILED or was CANCELLED. */
	batchFailed: 3,
	/** Credentials or permissions stopped the watch. */
	credentials: 4,
	/** --timeout passed while batches were still running. */
	timeout: 5,
	/** HealthOmics unreachable for longer than --stale-timeout. */
	unreachable: 6,
	sigint: 130,
	sigterm: 143,
} as const;

/** Bad input from the command line: printed as one line, exits with the usage code. */
export class UsageError extends Error {}

/** A failure that ends the run with a specific exit code and one line of explanation. */
export class ExitError extends Error {
	constructor(
		readonly exitCode: number,
		message: string,
	) {
		super(message);
	}
}
