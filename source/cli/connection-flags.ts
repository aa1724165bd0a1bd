import type {Flags} from './cli-flags.js';
import {UsageError} from './exit-codes.js';

/**
 * The connection flags every command that reads the account shares: `--demo` brings its own emulator
 * (so no --region, --profile or --endpoint-url beside it), and `--endpoint-url` must be an http(s) URL.
 */
export function checkConnectionFlags(
	flags: Pick<Flags, 'region' | 'profile' | 'endpointUrl'>,
	demo: boolean,
): void {
	const {endpointUrl} = flags;
	if (demo && (flags.region !== undefined || flags.profile !== undefined || endpointUrl !== undefined))
		throw new UsageError('--demo runs its own emulator; drop --region, --profile and --endpoint-url');
	if (endpointUrl === undefined) return;
	let url: URL | undefined;
	try {
		url = new URL(endpointUrl);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
		throw new UsageError(
			`--endpoint-url "${endpointUrl}" is not an http(s) URL such as http://127.0.0.1:4566`,
		);
}
