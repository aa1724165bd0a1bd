import {exitCodeForError} from '../domain/exit-policy.js';
import {OmicsError} from '../omics/omics-error.js';
import {ExitCode, ExitError} from './exit-codes.js';

/** The exit code (domain/exit-policy.ts) and one-line message for a call that stopped the whole run. */
export function exitForOmicsError(error: unknown, where: string): ExitError {
	if (!(error instanceof OmicsError))
		return new ExitError(
			ExitCode.someFailed,
			`unexpected error: ${error instanceof Error ? error.message : String(error)}`,
		);
	const id = error.details.requestId ? ` (request id ${error.details.requestId})` : '';
	const code = exitCodeForError(error.kind);
	// The credential chain failed (STS, SSO, credential_process, the profile): HealthOmics was never
	// asked, so none of the HealthOmics wording below applies. The message names the profile and the cause.
	const credentials = error.details.credentials;
	if (credentials) {
		switch (error.kind) {
			case 'unavailable':
				return new ExitError(code, `${error.message}; check your network and HTTPS_PROXY${id}`);
			case 'no-credentials':
				return new ExitError(
					code,
					credentials.link === 'sts' && error.details.code === 'AccessDenied'
						? `${error.message}; check the role's trust policy and that the source credentials may call ${error.action}${id}`
						: `${error.message}${id}`,
				);
			default:
				// tls included: its message already says "getting credentials for profile P from STS".
				return new ExitError(code, `${error.message}${id}`);
		}
	}
	switch (error.kind) {
		case 'access-denied':
			return new ExitError(
				code,
				`access denied: these credentials may not call ${error.action}; ask for that IAM permission, or use --profile${id}`,
			);
		case 'unavailable': {
			const why = /^HealthOmics unreachable \((.*)\)$/.exec(error.message)?.[1] ?? error.message;
			return new ExitError(
				code,
				`cannot reach HealthOmics at ${where}: ${why}; check --endpoint-url, the region and your network`,
			);
		}
		case 'tls':
			// The message names the problem and the hint (omics/tls-error.ts); `where` says which endpoint.
			return new ExitError(code, `cannot connect securely to HealthOmics at ${where}: ${error.message}`);
		case 'bad-response':
			return new ExitError(code, `${error.message} at ${where}; check --endpoint-url and any proxy${id}`);
		case 'throttled':
			return new ExitError(code, `${error.message} at ${where}; lower --max-rps or try again later${id}`);
		case 'not-found':
			return new ExitError(code, `${error.message} in ${where}; check the ID and the region${id}`);
		case 'no-credentials':
		case 'expired-credentials':
		case 'no-region':
			return new ExitError(code, error.message);
		default:
			return new ExitError(code, `${error.message}${id}`);
	}
}
