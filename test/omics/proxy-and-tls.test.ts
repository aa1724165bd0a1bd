import {omicsRejection} from '../helpers/omics-test-client.js';
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {OmicsClient} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createBatchApi, type BatchApi} from '../../source/omics/batch-api.js';
import {createOmicsClient, type OmicsConnection} from '../../source/omics/omics-client.js';
import {
	caBundleInConfig,
	NetworkConfigError,
	parseNoProxy,
	resolveCaBundle,
	resolveProxySettings,
} from '../../source/omics/network-config.js';
import {classifyConnectionError, TLS_HINT} from '../../source/omics/tls-error.js';
import {exitCodeForError, ExitCode} from '../../source/domain/exit-policy.js';
import {exitForOmicsError} from '../../source/cli/omics-exit.js';
import {startLoggingProxy, type LoggingProxy} from '../helpers/logging-proxy.js';
import {startTlsService, type TlsService} from '../helpers/tls-service.js';
import {createTestPki, type TestPki} from '../helpers/test-certificates.js';
import {startHostileService, validBatch} from '../helpers/hostile-service.js';

// Corporate networks, with real parts on 127.0.0.1: a logging HTTP proxy (CONNECT and forward), an
// HTTPS terminator with a throw-away CA in front of the emulator, and the SDK's real credential chain
// (STS, SSO) in a child process. Settings come from an `env` argument; process.env is never changed.

const credentials = {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret'};
const REGION = 'us-east-1';
// Real AWS names, which the proxy maps onto the local TLS server (and the child refuses to resolve).
const AWS_NAMES = ['sts.us-east-1.amazonaws.com', 'sts.amazonaws.com', 'portal.sso.us-east-1.amazonaws.com'];

let pki: TestPki;
let emulator: Emulator;
let tls: TlsService;
let batchId: string;
const proxies: LoggingProxy[] = [];
const services: TlsService[] = [];
const clients: OmicsClient[] = [];
const dirs: string[] = [];

beforeAll(async () => {
	pki = createTestPki(AWS_NAMES);
	emulator = await startEmulator({
		clock: 'manual',
		scenario: {batches: [{name: 'behind-the-proxy', totalRuns: 4, createdAgo: 3600}]},
	});
	batchId = emulator.batchIds[0] ?? '';
	tls = await startTlsService({...pki.server, forwardTo: emulator.url, handle: answerStsAndSso});
});

afterAll(async () => {
	await tls.close();
	await emulator.stop();
	pki.dispose();
});

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	for (const proxy of proxies.splice(0)) await proxy.close();
	for (const service of services.splice(0)) await service.close();
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
	tls.requests.length = 0;
});

async function proxy(options: Parameters<typeof startLoggingProxy>[0] = {}): Promise<LoggingProxy> {
	const started = await startLoggingProxy(options);
	proxies.push(started);
	return started;
}

function api(connection: OmicsConnection, env: NodeJS.ProcessEnv, deadlineMs = 5_000): BatchApi {
	const client = createOmicsClient(
		{region: REGION, credentials, requestTimeoutMs: deadlineMs, ...connection},
		env,
	);
	clients.push(client);
	return createBatchApi(client, {deadlineMs});
}

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'batchtop-net-'));
	dirs.push(dir);
	return dir;
}

const connects = (log: LoggingProxy['log']) =>
	log.filter((entry) => entry.method === 'CONNECT').map((entry) => entry.target);

/** STS AssumeRole (query protocol, XML) and SSO GetRoleCredentials (JSON), answered by the TLS server. */
function answerStsAndSso(
	request: Parameters<NonNullable<Parameters<typeof startTlsService>[0]['handle']>>[0],
	response: Parameters<NonNullable<Parameters<typeof startTlsService>[0]['handle']>>[1],
	body: string,
): boolean {
	const host = (request.headers.host ?? '').replace(/:\d+$/, '');
	if (host.startsWith('sts.')) {
		expect(body).toMatch(/Action=AssumeRole/);
		response.writeHead(200, {'content-type': 'text/xml'});
		response.end(
			`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
				`<AssumedRoleUser><AssumedRoleId>AROATEST:s</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/Reader/s</Arn></AssumedRoleUser>` +
				`<Credentials><AccessKeyId>ASIAFROMSTS</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>` +
				`</AssumeRoleResult><ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata></AssumeRoleResponse>`,
		);
		return true;
	}
	if (host.startsWith('portal.sso.')) {
		expect(request.headers['x-amz-sso_bearer_token']).toBe('cached-sso-token');
		response.writeHead(200, {'content-type': 'application/json'});
		response.end(
			JSON.stringify({
				roleCredentials: {
					accessKeyId: 'ASIAFROMSSO',
					secretAccessKey: 'secret',
					sessionToken: 'token',
					expiration: Date.parse('2099-01-01T00:00:00Z'),
				},
			}),
		);
		return true;
	}
	return false;
}

/** The proxy's map for the tests that use real AWS host names: every one of them goes to the TLS server. */
const toLocalTls = (host: string) =>
	host.endsWith('.amazonaws.com') ? {host: '127.0.0.1', port: tls.port} : undefined;

describe('proxy settings from the environment', () => {
	it('prefers the lower-case variables, like curl, and reads host:port as http://', () => {
		const settings = resolveProxySettings({
			https_proxy: 'http://lower:3128',
			HTTPS_PROXY: 'http://upper:3128',
			HTTP_PROXY: 'proxy.corp:8080',
			NO_PROXY: 'example.com',
			no_proxy: 'internal',
		});
		expect(settings?.https?.host).toBe('lower:3128');
		expect(settings?.http?.href).toBe('http://proxy.corp:8080/');
		expect(settings?.bypass('api.internal', 443)).toBe(true);
		expect(settings?.bypass('example.com', 443)).toBe(false);
		expect(resolveProxySettings({NO_PROXY: '*'})).toBeUndefined();
		expect(resolveProxySettings({https_proxy: '', HTTPS_PROXY: 'http://upper:1'})?.https?.hostname).toBe(
			'upper',
		);
	});

	it('refuses proxies it cannot speak to with a usage error naming the variable', () => {
		expect(() => resolveProxySettings({HTTPS_PROXY: 'socks5://127.0.0.1:1080'})).toThrow(
			new NetworkConfigError(
				'HTTPS_PROXY',
				'HTTPS_PROXY: socks5 proxies are not supported; use an http:// or https:// proxy',
			),
		);
		expect(() => resolveProxySettings({http_proxy: 'http://'})).toThrow(/http_proxy is not a proxy URL/);
	});

	it('matches NO_PROXY entries: names and suffixes, leading dots, *, host:port, IPs and CIDR blocks', () => {
		const bypass = parseNoProxy(
			' .corp.example, amazonaws.com:8443 ,*.internal localhost 127.0.0.1,10.0.0.0/8,[::1], fd00::/8',
		);
		expect(bypass('corp.example', 443)).toBe(true);
		expect(bypass('omics.corp.example', 443)).toBe(true);
		expect(bypass('notcorp.example', 443)).toBe(false);
		expect(bypass('omics.us-east-1.amazonaws.com', 8443)).toBe(true);
		expect(bypass('omics.us-east-1.amazonaws.com', 443)).toBe(false);
		expect(bypass('a.b.internal', 443)).toBe(true);
		expect(bypass('LOCALHOST.', 80)).toBe(true);
		expect(bypass('127.0.0.1', 9000)).toBe(true);
		expect(bypass('127.0.0.2', 9000)).toBe(false);
		expect(bypass('10.20.30.40', 443)).toBe(true);
		expect(bypass('11.0.0.1', 443)).toBe(false);
		expect(bypass('::1', 443)).toBe(true);
		expect(bypass('fd12::1', 443)).toBe(true);
		expect(parseNoProxy('*')('anything', 1)).toBe(true);
		expect(parseNoProxy('')('anything', 1)).toBe(false);
		expect(parseNoProxy('host.example:8080')('host.example', 8080)).toBe(true);
		expect(parseNoProxy('host.example:8080')('host.example', 443)).toBe(false);
	});
});

describe('CA bundle settings', () => {
	it("reads a profile's ca_bundle from the shared config file (top-level keys of that profile only)", () => {
		const text = [
			'[default]',
			'ca_bundle = /default.pem',
			'[profile lab]',
			'region = eu-west-1',
			's3 =',
			'  ca_bundle = /not-this.pem',
			'ca_bundle=/lab.pem',
			'[profile other]',
			'ca_bundle = /other.pem',
		].join('\n');
		expect(caBundleInConfig(text, 'lab')).toBe('/lab.pem');
		expect(caBundleInConfig(text, 'default')).toBe('/default.pem');
		expect(caBundleInConfig(text, 'missing')).toBeUndefined();
		expect(caBundleInConfig('[profile default]\nca_bundle = /pd.pem\n', 'default')).toBe('/pd.pem');
	});

	it('takes AWS_CA_BUNDLE over the profile, the profile from the argument, then AWS_PROFILE, then default', () => {
		const dir = tempDir();
		const config = join(dir, 'config');
		writeFileSync(config, '[default]\nca_bundle = ~/d.pem\n[profile lab]\nca_bundle = /lab.pem\n');
		const env = {AWS_CONFIG_FILE: config, HOME: '/home/me'};
		expect(resolveCaBundle(undefined, {...env, AWS_CA_BUNDLE: '/env.pem'})?.path).toBe('/env.pem');
		expect(resolveCaBundle('lab', env)).toEqual({
			path: '/lab.pem',
			setting: `ca_bundle of profile "lab" in ${config}`,
		});
		expect(resolveCaBundle(undefined, {...env, AWS_PROFILE: 'lab'})?.path).toBe('/lab.pem');
		expect(resolveCaBundle(undefined, env)?.path).toBe('/home/me/d.pem');
		expect(resolveCaBundle(undefined, {AWS_CONFIG_FILE: join(dir, 'missing')})).toBeUndefined();
	});

	it('refuses a CA bundle that cannot be read or holds no certificate, with one line naming the file and the setting', () => {
		const dir = tempDir();
		const missing = join(dir, 'missing.pem');
		expect(() => createOmicsClient({region: REGION, credentials}, {AWS_CA_BUNDLE: missing})).toThrow(
			new NetworkConfigError(
				'AWS_CA_BUNDLE',
				`the CA bundle ${missing} (AWS_CA_BUNDLE) cannot be read: no such file`,
			),
		);
		const empty = join(dir, 'empty.pem');
		writeFileSync(empty, 'not a certificate\n');
		expect(() => createOmicsClient({region: REGION, credentials}, {AWS_CA_BUNDLE: empty})).toThrow(
			/the CA bundle .*empty\.pem \(AWS_CA_BUNDLE\) holds no PEM certificate/,
		);
		const broken = join(dir, 'broken.pem');
		writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
		expect(() => createOmicsClient({region: REGION, credentials}, {AWS_CA_BUNDLE: broken})).toThrow(
			/cannot be parsed/,
		);
		const config = join(dir, 'config');
		writeFileSync(config, `[profile lab]\nca_bundle = ${dir}\n`);
		let thrown: unknown;
		try {
			createOmicsClient({region: REGION, credentials, profile: 'lab'}, {AWS_CONFIG_FILE: config});
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NetworkConfigError);
		expect((thrown as Error).message).toBe(
			`the CA bundle ${dir} (ca_bundle of profile "lab" in ${config}) cannot be read: EISDIR`,
		);
		if (process.getuid?.() !== 0) {
			const locked = join(dir, 'locked.pem');
			writeFileSync(locked, pki.caPem);
			chmodSync(locked, 0o000);
			expect(() => createOmicsClient({region: REGION, credentials}, {AWS_CA_BUNDLE: locked})).toThrow(
				/permission denied/,
			);
		}
	});
});

describe('HTTPS through a CONNECT proxy', () => {
	it('tunnels every call through HTTPS_PROXY and trusts the CA from AWS_CA_BUNDLE, reusing the tunnel', async () => {
		const logging = await proxy();
		const batches = api({endpointUrl: tls.url}, {HTTPS_PROXY: logging.url, AWS_CA_BUNDLE: pki.caFile});
		expect((await batches.getBatch(batchId)).name).toBe('behind-the-proxy');
		expect((await batches.getBatch(batchId)).id).toBe(batchId);
		expect((await batches.listBatchPage({})).items.map((item) => item.id)).toEqual([batchId]);
		// One keep-alive tunnel for the three calls; the proxy saw nothing but CONNECT (the rest is TLS).
		expect(logging.log.map((entry) => [entry.method, entry.target])).toEqual([
			['CONNECT', `127.0.0.1:${tls.port}`],
		]);
		expect(tls.requests.map((request) => [request.path.split('?')[0], request.socketReused])).toEqual([
			[`/runBatch/${batchId}`, false],
			[`/runBatch/${batchId}`, true],
			['/runBatch', true],
		]);
	});

	it("uses https_proxy over HTTPS_PROXY, and sends a proxy URL's credentials as Proxy-Authorization", async () => {
		const logging = await proxy();
		const env = {
			https_proxy: `http://user:p%40ss@127.0.0.1:${logging.port}`,
			HTTPS_PROXY: 'http://127.0.0.1:9',
			AWS_CA_BUNDLE: pki.caFile,
		};
		expect((await api({endpointUrl: `https://localhost:${tls.port}`}, env).getBatch(batchId)).id).toBe(
			batchId,
		);
		expect(connects(logging.log)).toEqual([`localhost:${tls.port}`]);
		expect(logging.log[0]?.headers['proxy-authorization']).toBe(
			`Basic ${Buffer.from('user:p@ss').toString('base64')}`,
		);
	});

	it('goes direct for NO_PROXY hosts: the proxy sees nothing', async () => {
		for (const noProxy of ['127.0.0.1,localhost', `127.0.0.1:${tls.port}`, '127.0.0.0/8', '*']) {
			const logging = await proxy();
			const env = {HTTPS_PROXY: logging.url, NO_PROXY: noProxy, AWS_CA_BUNDLE: pki.caFile};
			expect((await api({endpointUrl: tls.url}, env).getBatch(batchId)).id).toBe(batchId);
			expect(logging.log, noProxy).toEqual([]);
		}
		const logging = await proxy();
		const env = {HTTPS_PROXY: logging.url, no_proxy: '.localhost', AWS_CA_BUNDLE: pki.caFile};
		expect((await api({endpointUrl: `https://localhost:${tls.port}`}, env).getBatch(batchId)).id).toBe(
			batchId,
		);
		expect(logging.log).toEqual([]);
	});

	it("trusts a profile's ca_bundle from AWS_CONFIG_FILE (profile from the connection or AWS_PROFILE)", async () => {
		const dir = tempDir();
		const config = join(dir, 'config');
		writeFileSync(config, `[profile lab]\nregion = ${REGION}\nca_bundle = ${pki.caFile}\n`);
		const logging = await proxy();
		const env = {HTTPS_PROXY: logging.url, AWS_CONFIG_FILE: config};
		expect((await api({endpointUrl: tls.url, profile: 'lab'}, env).getBatch(batchId)).id).toBe(batchId);
		expect((await api({endpointUrl: tls.url}, {...env, AWS_PROFILE: 'lab'}).getBatch(batchId)).id).toBe(
			batchId,
		);
		expect(connects(logging.log)).toHaveLength(2);
		// Another profile names no bundle: the test CA is not trusted.
		const error = await omicsRejection(api({endpointUrl: tls.url, profile: 'other'}, env).getBatch(batchId));
		expect(error.kind).toBe('tls');
	});

	it('keeps NODE_EXTRA_CA_CERTS trusted when AWS_CA_BUNDLE adds another CA', async () => {
		const other = createTestPki();
		try {
			const service = await startTlsService({...other.server, forwardTo: emulator.url});
			services.push(service);
			const env = {AWS_CA_BUNDLE: pki.caFile, NODE_EXTRA_CA_CERTS: other.caFile};
			const batches = api({endpointUrl: service.url}, env);
			expect((await batches.getBatch(batchId)).id).toBe(batchId);
			expect((await api({endpointUrl: tls.url}, env).getBatch(batchId)).id).toBe(batchId);
		} finally {
			other.dispose();
		}
	});
});

describe('TLS failures', () => {
	const tlsError = async (env: NodeJS.ProcessEnv, endpointUrl: string) =>
		omicsRejection(api({endpointUrl}, env).getBatch(batchId));

	it("is kind 'tls' when the proxy's certificate chain is not trusted, with the hint, through the proxy or not", async () => {
		const logging = await proxy();
		const proxied = await tlsError({HTTPS_PROXY: logging.url}, tls.url);
		expect(proxied.kind).toBe('tls');
		expect(proxied.message).toBe(
			`TLS certificate not trusted (GetBatch through the proxy 127.0.0.1:${logging.port}): the server's certificate is signed by an unknown CA (UNABLE_TO_VERIFY_LEAF_SIGNATURE); ${TLS_HINT}`,
		);
		expect(proxied.details.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
		expect(proxied.transient).toBe(false);
		const direct = await tlsError({}, tls.url);
		expect(direct.message).toBe(
			`TLS certificate not trusted (GetBatch): the server's certificate is signed by an unknown CA (UNABLE_TO_VERIFY_LEAF_SIGNATURE); ${TLS_HINT}`,
		);
		expect(exitCodeForError('tls')).toBe(ExitCode.unreachable);
		expect(exitForOmicsError(direct, 'us-east-1').exitCode).toBe(6);
		expect(exitForOmicsError(direct, `us-east-1 (${tls.url})`).message).toBe(
			`cannot connect securely to HealthOmics at us-east-1 (${tls.url}): ${direct.message}`,
		);
	});

	it.each([
		['self-signed', 'selfSigned', 'DEPTH_ZERO_SELF_SIGNED_CERT', "the server's certificate is self-signed"],
		['expired', 'expired', 'CERT_HAS_EXPIRED', "the server's certificate has expired"],
		[
			'for another host',
			'otherHost',
			'ERR_TLS_CERT_ALTNAME_INVALID',
			"the server's certificate is for another host name",
		],
	] as const)('names a certificate that is %s', async (_name, pair, code, problem) => {
		const service = await startTlsService({...pki[pair], forwardTo: emulator.url});
		services.push(service);
		const error = await tlsError({AWS_CA_BUNDLE: pki.caFile}, service.url);
		expect(error.kind).toBe('tls');
		expect(error.details.code).toBe(code);
		expect(error.message).toBe(`TLS certificate not trusted (GetBatch): ${problem} (${code}); ${TLS_HINT}`);
	});

	it('says so when an https:// endpoint does not speak TLS', async () => {
		const error = await tlsError({}, emulator.url.replace('http://', 'https://'));
		expect(error.kind).toBe('tls');
		expect(error.message).toBe(
			'TLS handshake failed (GetBatch): the other end does not speak TLS (an http:// address?) (EPROTO: wrong version number); check --endpoint-url and HTTPS_PROXY',
		);
	});

	it('classifies only failures without an HTTP answer: a body cannot claim to be a certificate error', () => {
		const fromBody = Object.assign(new Error('x'), {
			code: 'CERT_HAS_EXPIRED',
			$metadata: {httpStatusCode: 500},
		});
		expect(classifyConnectionError(fromBody, 'GetBatch')).toBeUndefined();
		// A credential provider that re-threw the failure as text keeps its meaning.
		const wrapped = Object.assign(new Error('Error: unable to get local issuer certificate'), {
			name: 'CredentialsProviderError',
		});
		expect(classifyConnectionError(wrapped, 'GetBatch')?.code).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
	});
});

describe('a proxy that fails', () => {
	it('refusing CONNECT is unavailable, naming the proxy and its status, never a service answer', async () => {
		for (const [status, reason] of [
			[407, 'Proxy Authentication Required'],
			[403, 'Forbidden'],
		] as const) {
			const logging = await proxy({refuse: {status, reason}});
			const env = {HTTPS_PROXY: `http://user:secret@127.0.0.1:${logging.port}`, AWS_CA_BUNDLE: pki.caFile};
			const error = await omicsRejection(api({endpointUrl: tls.url}, env).getBatch(batchId));
			expect(error.kind).toBe('unavailable');
			expect(error.message).toBe(
				`HealthOmics unreachable (the proxy 127.0.0.1:${logging.port} refused to connect to 127.0.0.1:${tls.port}: HTTP ${status} ${reason})`,
			);
			expect(JSON.stringify(error)).not.toMatch(/secret/);
			expect(exitForOmicsError(error, 'us-east-1').message).toMatch(
				/^cannot reach HealthOmics at us-east-1: the proxy/,
			);
		}
		expect(tls.requests).toEqual([]);
	});

	it('not listening is unavailable at the proxy', async () => {
		const error = await omicsRejection(
			api({endpointUrl: tls.url}, {HTTPS_PROXY: 'http://127.0.0.1:9'}).getBatch(batchId),
		);
		expect(error.kind).toBe('unavailable');
		expect(error.message).toBe('HealthOmics unreachable (ECONNREFUSED at the proxy 127.0.0.1:9)');
	});

	it('never answering CONNECT is hung up on within the proxy timeout', async () => {
		const logging = await proxy({hang: true});
		const started = Date.now();
		const error = await omicsRejection(
			api({endpointUrl: tls.url}, {HTTPS_PROXY: logging.url}, 1_000).getBatch(batchId),
		);
		expect(error.kind).toBe('unavailable');
		expect(error.message).toBe(
			`HealthOmics unreachable (the proxy 127.0.0.1:${logging.port} did not connect to 127.0.0.1:${tls.port} within 0.8s)`,
		);
		expect(Date.now() - started).toBeLessThan(3_000);
		await expect.poll(() => logging.openConnections(), {timeout: 2_000}).toBe(0);
	});
});

describe('plain http (the emulator) through HTTP_PROXY', () => {
	it('sends absolute-URI requests to a forward proxy; HTTPS_PROXY alone does not apply to http', async () => {
		const logging = await proxy();
		expect((await api({endpointUrl: emulator.url}, {HTTP_PROXY: logging.url}).getBatch(batchId)).id).toBe(
			batchId,
		);
		expect(logging.log.map((entry) => [entry.method, entry.target])).toEqual([
			['GET', `${emulator.url}/runBatch/${batchId}`],
		]);
		expect(logging.log[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
		const other = await proxy();
		expect((await api({endpointUrl: emulator.url}, {HTTPS_PROXY: other.url}).getBatch(batchId)).id).toBe(
			batchId,
		);
		expect(other.log).toEqual([]);
	});

	it('bypasses the proxy for NO_PROXY=127.0.0.1,localhost, and for a direct connection (the demo)', async () => {
		const logging = await proxy();
		const env = {http_proxy: logging.url, no_proxy: '127.0.0.1,localhost'};
		expect((await api({endpointUrl: emulator.url}, env).getBatch(batchId)).id).toBe(batchId);
		expect(
			(await api({endpointUrl: emulator.url, direct: true}, {HTTP_PROXY: logging.url}).getBatch(batchId)).id,
		).toBe(batchId);
		expect(logging.log).toEqual([]);
	});

	it('a refused forward proxy connection is unavailable at the proxy', async () => {
		const error = await omicsRejection(
			api({endpointUrl: emulator.url}, {HTTP_PROXY: 'http://127.0.0.1:9'}).getBatch(batchId),
		);
		expect(error.message).toBe('HealthOmics unreachable (ECONNREFUSED at the proxy 127.0.0.1:9)');
	});
});

describe('a reset of a reused keep-alive socket is still retried once', () => {
	it('on a direct connection, with the proxy variables set and NO_PROXY naming the host', async () => {
		const service = await startHostileService();
		try {
			service.setScript('GetBatch', (request, index) =>
				index === 0
					? {kind: 'json-then-close', body: validBatch(request.params['batchId'] ?? '')}
					: {kind: 'json', body: validBatch(request.params['batchId'] ?? '')},
			);
			const logging = await proxy();
			const env = {HTTP_PROXY: logging.url, HTTPS_PROXY: logging.url, NO_PROXY: '127.0.0.1'};
			const batches = api({endpointUrl: service.url}, env);
			expect((await batches.getBatch('1')).id).toBe('1');
			expect((await batches.getBatch('2')).id).toBe('2');
			expect(service.requests.map((request) => [request.socketReused, request.answeredWith])).toEqual([
				[false, 'json-then-close'],
				[true, 'doomed'],
				[false, 'json'],
			]);
			expect(logging.log).toEqual([]);
		} finally {
			await service.close();
		}
	});

	it('through the CONNECT tunnel: a reused tunnel that the server hung up on is retried on a new one', async () => {
		const service = await startTlsService({...pki.server, forwardTo: emulator.url, hangUpOnReuse: true});
		services.push(service);
		const logging = await proxy();
		const batches = api({endpointUrl: service.url}, {HTTPS_PROXY: logging.url, AWS_CA_BUNDLE: pki.caFile});
		expect((await batches.getBatch(batchId)).id).toBe(batchId);
		expect((await batches.getBatch(batchId)).id).toBe(batchId);
		expect(service.requests.map((request) => request.socketReused)).toEqual([false, true, false]);
		expect(connects(logging.log)).toEqual([`127.0.0.1:${service.port}`, `127.0.0.1:${service.port}`]);
	});
});

describe("the SDK's credential chain uses the same proxy and CAs (child process, real host names)", () => {
	interface ChildResult {
		readonly ok: boolean;
		readonly id?: string;
		readonly kind?: string;
		readonly message?: string;
		readonly code?: string;
	}

	async function runChain(
		config: string,
		extraEnv: Record<string, string>,
		setupHome?: (home: string) => void,
	): Promise<{result: ChildResult; stderr: string}> {
		const home = tempDir();
		setupHome?.(home);
		const configFile = join(home, 'config');
		writeFileSync(configFile, config);
		const env: NodeJS.ProcessEnv = {
			PATH: process.env['PATH'],
			HOME: home,
			AWS_CONFIG_FILE: configFile,
			AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
			AWS_EC2_METADATA_DISABLED: 'true',
			// The proxy agents' debug output must not reach stderr (it would be drawn over the TUI).
			DEBUG: '*',
			BATCHTOP_TEST_CALL: JSON.stringify({endpointUrl: tls.url, region: REGION, profile: 'chain', batchId}),
			...extraEnv,
		};
		const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/credential-chain-child.ts'], {
			env,
			cwd: new URL('../..', import.meta.url).pathname,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		await new Promise((resolve) => child.on('close', resolve));
		clearTimeout(timer);
		const line = stdout.trim().split('\n').pop() ?? '';
		if (!line.startsWith('{')) throw new Error(`the child printed no result; stderr: ${stderr}`);
		return {result: JSON.parse(line) as ChildResult, stderr};
	}

	const ASSUME_ROLE = [
		'[profile base]',
		'aws_access_key_id = AKIDBASE',
		'aws_secret_access_key = secret',
		'[profile chain]',
		'role_arn = arn:aws:iam::123456789012:role/Reader',
		'source_profile = base',
		`region = ${REGION}`,
		'',
	].join('\n');
	const START_URL = 'https://example.awsapps.com/start';
	const SSO = [
		'[profile chain]',
		`sso_start_url = ${START_URL}`,
		`sso_region = ${REGION}`,
		'sso_account_id = 123456789012',
		'sso_role_name = Reader',
		`region = ${REGION}`,
		'',
	].join('\n');
	const ssoToken = (home: string) => {
		const cache = join(home, '.aws', 'sso', 'cache');
		mkdirSync(cache, {recursive: true});
		writeFileSync(
			join(cache, `${createHash('sha1').update(START_URL).digest('hex')}.json`),
			JSON.stringify({
				accessToken: 'cached-sso-token',
				expiresAt: '2099-01-01T00:00:00Z',
				region: REGION,
				startUrl: START_URL,
			}),
		);
	};

	it('assumes a role with STS through HTTPS_PROXY, then calls GetBatch with the role credentials', async () => {
		const logging = await proxy({route: toLocalTls});
		const {result, stderr} = await runChain(ASSUME_ROLE, {
			HTTPS_PROXY: logging.url,
			AWS_CA_BUNDLE: pki.caFile,
		});
		expect(result).toEqual({ok: true, id: batchId});
		expect(connects(logging.log)).toEqual([
			expect.stringMatching(/^sts\.(us-east-1\.)?amazonaws\.com:443$/),
			`127.0.0.1:${tls.port}`,
		]);
		expect(tls.requests.map((request) => [request.host.replace(/:\d+$/, ''), request.accessKeyId])).toEqual([
			[expect.stringMatching(/^sts\./), 'AKIDBASE'],
			['127.0.0.1', 'ASIAFROMSTS'],
		]);
		expect(stderr).toBe('');
	});

	it('gets SSO role credentials through HTTPS_PROXY (the SSO client would not inherit the handler by itself)', async () => {
		const logging = await proxy({route: toLocalTls});
		const {result, stderr} = await runChain(
			SSO,
			{HTTPS_PROXY: logging.url, AWS_CA_BUNDLE: pki.caFile},
			ssoToken,
		);
		expect(result).toEqual({ok: true, id: batchId});
		expect(connects(logging.log)).toEqual([
			`portal.sso.${REGION}.amazonaws.com:443`,
			`127.0.0.1:${tls.port}`,
		]);
		expect(tls.requests.at(-1)?.accessKeyId).toBe('ASIAFROMSSO');
		expect(stderr).toBe('');
	});

	it.each([
		['SSO', () => SSO, `portal.sso.${REGION}.amazonaws.com:443`],
		['STS', () => ASSUME_ROLE, expect.stringMatching(/^sts\./)],
	] as const)(
		"a CA missing on the way to %s is kind 'tls', not 'no credentials found'",
		async (_name, config, host) => {
			const logging = await proxy({route: toLocalTls});
			const {result} = await runChain(config(), {HTTPS_PROXY: logging.url}, ssoToken);
			expect(result.ok).toBe(false);
			expect(result.kind).toBe('tls');
			expect(result.message).toMatch(
				/^TLS certificate not trusted \(GetBatch[^)]*\): .*UNABLE_TO_VERIFY_LEAF_SIGNATURE/,
			);
			expect(result.message).toContain(TLS_HINT);
			expect(connects(logging.log)).toEqual([host]);
		},
	);
});
