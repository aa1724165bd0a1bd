// The one exit-code policy: every code batchtop can end with, and which error kind maps to which.
// README.md ("Exit codes") and `--help` document exactly these.

/** The kinds of failure the poller, the UI and the exit codes tell apart. */
export type ErrorKind =
	| 'not-found'
	| 'access-denied'
	| 'throttled'
	| 'unavailable'
	/** The TLS handshake failed: a certificate not trusted (a TLS-inspecting proxy), or no TLS at all. */
	| 'tls'
	| 'invalid'
	| 'bad-response'
	| 'expired-credentials'
	| 'no-credentials'
	| 'no-region'
	| 'unknown';

export const ExitCode = {
	/** Every batch PROCESSED with no failed runs or submissions (or: watching ended normally). */
	ok: 0,
	/** Some runs or submissions failed; or an error of no known kind. */
	someFailed: 1,
	/** Bad command line or input; an unknown batch ID. */
	usage: 2,
	/** A batch FAILED or was CANCELLED. */
	batchFailed: 3,
	/** Credentials or permissions stopped the watch. */
	credentials: 4,
	/** --timeout passed while batches were still running. */
	timeout: 5,
	/** HealthOmics unreachable, throttled or answering garbage (longer than --stale-timeout when watching). */
	unreachable: 6,
	/** `batchtop failures --retry-manifest`: the file is written, but some failures could not be put in it. */
	incomplete: 7,
	sighup: 129,
	sigint: 130,
	sigquit: 131,
	/** stdout was closed by its reader (`batchtop --plain | head`): 128 + SIGPIPE, as a shell reports it. */
	sigpipe: 141,
	sigterm: 143,
} as const;

/** The signals that end batchtop, with their conventional 128 + n codes. */
export const SIGNAL_EXIT_CODES = {
	SIGHUP: ExitCode.sighup,
	SIGINT: ExitCode.sigint,
	SIGQUIT: ExitCode.sigquit,
	SIGTERM: ExitCode.sigterm,
} as const;

export type ExitSignal = keyof typeof SIGNAL_EXIT_CODES;

/** The exit code for an error of this kind. */
export function exitCodeForError(kind: ErrorKind): number {
	switch (kind) {
		case 'no-credentials':
		case 'expired-credentials':
		case 'access-denied':
			return ExitCode.credentials;
		case 'no-region':
		case 'not-found':
		case 'invalid':
			return ExitCode.usage;
		case 'unavailable':
		case 'tls':
		case 'throttled':
		case 'bad-response':
			return ExitCode.unreachable;
		case 'unknown':
			return ExitCode.someFailed;
	}
}

/** When several batches failed to read, the code that matters most: credentials, then usage, then reachability. */
export function worstErrorExitCode(kinds: Iterable<ErrorKind>): number | undefined {
	const order: readonly number[] = [
		ExitCode.credentials,
		ExitCode.usage,
		ExitCode.unreachable,
		ExitCode.someFailed,
	];
	let worst: number | undefined;
	for (const kind of kinds) {
		const code = exitCodeForError(kind);
		if (worst === undefined || order.indexOf(code) < order.indexOf(worst)) worst = code;
	}
	return worst;
}
