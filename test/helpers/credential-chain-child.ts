// Run by test/omics/proxy-and-tls.test.ts in a child process (node --import tsx), so the SDK's default
// credential chain can read a HOME, AWS_CONFIG_FILE and proxy settings of the test's making from
// process.env without the test process's own environment being touched. It makes one GetBatch call
// with no fixed credentials and prints one JSON line: {ok, id} or {ok: false, kind, message, code}.
import dns from 'node:dns';

// Nothing in this process may leave the machine, whatever a bug in the code under test does: every
// host name but localhost fails to resolve (the proxy is an IP address and needs no lookup).
const realLookup = dns.lookup;
dns.lookup = ((hostname: string, options: unknown, callback?: unknown) => {
	if (hostname === 'localhost')
		return (realLookup as (...args: unknown[]) => void)(hostname, options, callback);
	const done = (typeof options === 'function' ? options : callback) as (error: Error) => void;
	process.nextTick(() =>
		done(Object.assign(new Error(`lookup of ${hostname} blocked in tests`), {code: 'ENOTFOUND'})),
	);
}) as typeof dns.lookup;

const {createOmicsClient} = await import('../../source/omics/omics-client.js');
const {createBatchApi} = await import('../../source/omics/batch-api.js');
const {OmicsError} = await import('../../source/omics/omics-error.js');

const args = JSON.parse(process.env['BATCHTOP_TEST_CALL'] ?? '{}') as {
	endpointUrl: string;
	region: string;
	profile?: string;
	batchId: string;
};
const client = createOmicsClient({
	endpointUrl: args.endpointUrl,
	region: args.region,
	...(args.profile ? {profile: args.profile} : {}),
	requestTimeoutMs: 5_000,
});
try {
	const batch = await createBatchApi(client, {deadlineMs: 5_000}).getBatch(args.batchId);
	process.stdout.write(`${JSON.stringify({ok: true, id: batch.id})}\n`);
} catch (error) {
	process.stdout.write(
		`${JSON.stringify(
			error instanceof OmicsError
				? {ok: false, kind: error.kind, message: error.message, code: error.details.code}
				: {ok: false, kind: 'not-an-OmicsError', message: String(error)},
		)}\n`,
	);
} finally {
	client.destroy();
}
