// The codes themselves and the error-to-code mapping live in domain/exit-policy.ts (one policy).
export {ExitCode} from '../domain/exit-policy.js';

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
