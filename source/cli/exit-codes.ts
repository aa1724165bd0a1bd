import {ExitCode} from '../domain/exit-policy.js';
import {NetworkConfigError} from '../omics/network-config.js';

// The codes themselves and the error-to-code mapping live in domain/exit-policy.ts (one policy).
export {ExitCode};

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

/**
 * How an error that ended the run is reported: its one line and exit code. A proxy, CA-bundle or
 * endpoint setting that cannot be used is bad input like a bad flag; anything else unexpected is 1.
 */
export function endingOf(error: unknown): {readonly code: number; readonly message: string} {
	if (error instanceof UsageError || error instanceof NetworkConfigError)
		return {code: ExitCode.usage, message: error.message};
	if (error instanceof ExitError) return {code: error.exitCode, message: error.message};
	return {
		code: ExitCode.someFailed,
		message: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
	};
}
