import {OmicsError} from '../omics/omics-error.js';
import {ExitCode, ExitError} from './exit-codes.js';

/** The exit code and one-line message for a call that stopped the whole run. */
export function exitForOmicsError(error: unknown, where: string): ExitError {
	if (!(error instanceof OmicsError))
		return new ExitError(1, `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
	const id = error.details.requestId ? ` (request id ${error.details.requestId})` : '';
	switch (error.kind) {
		case 'no-credentials':
		case 'expired-credentials':
			return new ExitError(ExitCode.credentials, `${error.message}`);
		case 'access-denied':
			return new ExitError(
				ExitCode.credentials,
				`access denied: these credentials may not call ${error.action}; ask for that IAM permission, or use --profile${id}`,
			);
		case 'no-region':
			return new ExitError(ExitCode.usage, error.message);
		case 'unavailable':
			return new ExitError(
				ExitCode.unreachable,
				`cannot reach HealthOmics at ${where}: ${error.message.replace(/^HealthOmics unreachable \((.*)\)$/, '$1')}; check --endpoint-url, the region and your network`,
			);
		case 'not-found':
			return new ExitError(ExitCode.usage, `${error.message} in ${where}; check the ID and the region${id}`);
		default:
			return new ExitError(1, `${error.message}${id}`);
	}
}
