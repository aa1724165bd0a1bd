// Run by test/omics/aws-config.test.ts and credential-errors.test.ts in a child process (node --import
// tsx), so the SDK's real credential chain and config loaders read a HOME, AWS_CONFIG_FILE, AWS_PROFILE
// and endpoint variables of the test's making from process.env, without the test process's own being
// touched. It connects as run-watch.ts does (resolveRegion, the `where` string, createOmicsClient,
// createBatchApi), makes one GetBatch call with no fixed credentials, and prints one JSON line: the
// outcome, the OmicsError, and the one-line message and exit code the CLI would end with.
import dns from 'node:dns';

// Nothing in this process may leave the machine, whatever a bug in the code under test does: every
// host name but localhost fails to resolve (servers and proxies are IP addresses and need no lookup).
const realLookup = dns.lookup;
dns.lookup = ((hostname: string, options: unknown, callback?: unknown) => {
	if (hostname === 'localhost')
		return (realLookup as (...args: unknown[]) => void)(hostname, options, callback);
	const done = (typeof options === 'function' ? options : callback) as (error: Error) => void;
	process.nextTick(() =>
		done(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND', hostname})),
	);
}) as typeof dns.lookup;

const {createOmicsClient, describeConnection, resolveEndpoint} =
	await import('../../source/omics/omics-client.js');
const {createBatchApi} = await import('../../source/omics/batch-api.js');
const {OmicsError} = await import('../../source/omics/omics-error.js');
const {NetworkConfigError} = await import('../../source/omics/network-config.js');
const {resolveRegion} = await import('../../source/cli/resolve-region.js');
const {exitForOmicsError} = await import('../../source/cli/omics-exit.js');
const {endingOf, ExitError} = await import('../../source/cli/exit-codes.js');

export interface ChildCall {
	readonly batchId: string;
	readonly endpointUrl?: string;
	readonly region?: string;
	readonly profile?: string;
	readonly requestTimeoutMs?: number;
	/** Use `region` as it is, without resolveRegion (to reach the credential chain's own failures). */
	readonly skipResolveRegion?: boolean;
}

const args = JSON.parse(process.env['BATCHTOP_TEST_CALL'] ?? '{}') as ChildCall;
const connection = {
	...(args.endpointUrl ? {endpointUrl: args.endpointUrl} : {}),
	...(args.region ? {region: args.region} : {}),
	...(args.profile ? {profile: args.profile} : {}),
	requestTimeoutMs: args.requestTimeoutMs ?? 5_000,
};
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

try {
	const region = args.skipResolveRegion ? (args.region ?? '') : await resolveRegion(connection, []);
	const endpoint = resolveEndpoint(connection);
	const where = describeConnection(connection, region);
	const client = createOmicsClient({...connection, region});
	const started = Date.now();
	try {
		const batch = await createBatchApi(client, {deadlineMs: connection.requestTimeoutMs}).getBatch(
			args.batchId,
		);
		print({ok: true, id: batch.id, where, endpoint: endpoint ?? null});
	} catch (error) {
		if (!(error instanceof OmicsError)) throw error;
		const exit = exitForOmicsError(error, where);
		print({
			ok: false,
			kind: error.kind,
			message: error.message,
			details: error.details,
			action: error.action,
			where,
			endpoint: endpoint ?? null,
			exit: {code: exit.exitCode, message: exit.message},
			elapsedMs: Date.now() - started,
		});
	} finally {
		client.destroy();
	}
} catch (error) {
	// What cli.tsx would end with.
	if (error instanceof ExitError || error instanceof NetworkConfigError)
		print({ok: false, exit: endingOf(error)});
	else print({ok: false, kind: 'crash', message: String((error as Error)?.stack ?? error)});
}
