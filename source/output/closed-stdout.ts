import {ExitCode} from '../domain/exit-policy.js';

/**
 * `batchtop --plain | head -2`: once the reader has gone, writes fail with EPIPE. End at once and
 * quietly, with the code a shell reports for SIGPIPE, instead of an unhandled 'error' stack trace.
 */
export function endQuietlyWhenStdoutCloses(
	stdout: NodeJS.WriteStream = process.stdout,
	stderr: NodeJS.WriteStream = process.stderr,
	exit: (code: number) => void = (code) => process.exit(code),
): void {
	stdout.on('error', (error: NodeJS.ErrnoException) => {
		exit(error.code === 'EPIPE' ? ExitCode.sigpipe : ExitCode.someFailed);
	});
	// A closed stderr has nobody left to tell.
	stderr.on('error', () => {});
}
