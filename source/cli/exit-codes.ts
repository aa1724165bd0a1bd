/** Process exit codes, documented in README.md and `--help`. */
export const ExitCode = {
	ok: 0,
	usage: 2,
} as const;

/** Bad input from the command line: printed as one line, exits with the usage code. */
export class UsageError extends Error {}
