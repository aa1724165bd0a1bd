import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {
	createOmicsClient,
	describeConnection,
	isAwsServiceEndpoint,
	resolveEndpoint,
} from '../../source/omics/omics-client.js';
import {describeCredentialSource, loadSharedConfig, parseIni} from '../../source/omics/aws-config.js';
import {NetworkConfigError} from '../../source/omics/network-config.js';
import {startLoggingProxy, type LoggingProxy} from '../helpers/logging-proxy.js';
import {runAwsChild} from '../helpers/run-aws-child.js';

// A profile's endpoint_url and services section, as the AWS CLI reads them: resolveEndpoint's
// precedence as the AWS SDKs document it ("Service-specific endpoints", AWS SDKs and Tools Reference
// Guide), then the real SDK chain in a child against the emulator (requireAuth: only signed requests
// are served) through a logging proxy that shows which URL was asked for.

let dir: string;
const configText = (emulatorUrl = 'http://services-endpoint:2') =>
	[
		'[profile lab]',
		'region = us-east-1',
		'services = lab-services',
		'endpoint_url = http://profile-endpoint:1',
		'[services lab-services]',
		's3 =',
		'  endpoint_url = http://s3-endpoint:3',
		'omics =',
		`  endpoint_url = ${emulatorUrl}`,
		'[profile plain]',
		'endpoint_url = http://plain-endpoint:4 ; a comment',
		'[profile ignoring]',
		'services = lab-services',
		'ignore_configured_endpoint_urls = true',
		'[profile no-section]',
		'services = missing-services',
		'[profile not-a-url]',
		'endpoint_url = ftp://files',
		'',
	].join('\n');

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'batchtop-endpoints-'));
	writeFileSync(join(dir, 'config'), configText());
	writeFileSync(
		join(dir, 'credentials'),
		'[plain]\naws_access_key_id = AKIDPLAIN\naws_secret_access_key = s\n',
	);
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const files = () => ({
	AWS_CONFIG_FILE: join(dir, 'config'),
	AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
	HOME: dir,
});

describe('the endpoint in use, in the documented order', () => {
	it('--endpoint-url > AWS_ENDPOINT_URL_OMICS > AWS_ENDPOINT_URL > services section > endpoint_url', () => {
		const env = {
			...files(),
			AWS_ENDPOINT_URL_OMICS: 'http://service-env:5',
			AWS_ENDPOINT_URL: 'http://global-env:6',
		};
		const lab = {profile: 'lab'};
		expect(resolveEndpoint({...lab, endpointUrl: 'http://flag:7'}, env)).toEqual({
			url: 'http://flag:7',
			source: '--endpoint-url',
		});
		expect(resolveEndpoint(lab, env)).toEqual({
			url: 'http://service-env:5',
			source: 'AWS_ENDPOINT_URL_OMICS',
		});
		const {AWS_ENDPOINT_URL_OMICS: _service, ...withoutService} = env;
		expect(resolveEndpoint(lab, withoutService)).toEqual({
			url: 'http://global-env:6',
			source: 'AWS_ENDPOINT_URL',
		});
		// The omics entry of the services section, not s3's, and not the profile's own endpoint_url.
		expect(resolveEndpoint(lab, files())).toEqual({
			url: 'http://services-endpoint:2',
			source: `endpoint_url for omics in [services lab-services] (profile "lab") in ${join(dir, 'config')}`,
		});
		expect(resolveEndpoint({profile: 'plain'}, files())).toEqual({
			url: 'http://plain-endpoint:4',
			source: `endpoint_url of profile "plain" in ${join(dir, 'config')}`,
		});
		expect(resolveEndpoint({}, files())).toBeUndefined();
		expect(resolveEndpoint({profile: 'unknown'}, files())).toBeUndefined();
	});

	it('takes the profile from --profile, else AWS_PROFILE', () => {
		expect(resolveEndpoint({}, {...files(), AWS_PROFILE: 'lab'})?.url).toBe('http://services-endpoint:2');
		expect(resolveEndpoint({profile: 'plain'}, {...files(), AWS_PROFILE: 'lab'})?.url).toBe(
			'http://plain-endpoint:4',
		);
	});

	it('ignores every configured endpoint, but never --endpoint-url, with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile setting', () => {
		const ignore = {
			...files(),
			AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
			AWS_ENDPOINT_URL_OMICS: 'http://e:1',
		};
		expect(resolveEndpoint({profile: 'lab'}, ignore)).toBeUndefined();
		expect(
			resolveEndpoint({profile: 'lab'}, {...ignore, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE'}),
		).toBeUndefined();
		expect(resolveEndpoint({profile: 'lab', endpointUrl: 'http://flag:7'}, ignore)?.url).toBe(
			'http://flag:7',
		);
		expect(
			resolveEndpoint({profile: 'ignoring'}, {...files(), AWS_ENDPOINT_URL: 'http://g:1'}),
		).toBeUndefined();
		// The variable beats the profile's setting, as for every setting.
		expect(
			resolveEndpoint({profile: 'ignoring'}, {...files(), AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false'})?.url,
		).toBe('http://services-endpoint:2');
		expect(() =>
			resolveEndpoint({profile: 'lab'}, {...files(), AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'yes'}),
		).toThrow(
			new NetworkConfigError(
				'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
				'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS must be true or false, got "yes"',
			),
		);
	});

	it('refuses a services section that is not there and a value that is not a URL, naming the setting', () => {
		expect(() => resolveEndpoint({profile: 'no-section'}, files())).toThrow(
			new NetworkConfigError(
				'services',
				`the services section "missing-services" that profile "no-section" names is not in ${join(dir, 'config')}`,
			),
		);
		expect(() => resolveEndpoint({profile: 'not-a-url'}, files())).toThrow(
			/^endpoint_url of profile "not-a-url" in .*config: "ftp:\/\/files" is not an endpoint URL/,
		);
		expect(() => resolveEndpoint({}, {...files(), AWS_ENDPOINT_URL: 'localhost:4566'})).toThrow(
			/^AWS_ENDPOINT_URL: "localhost:4566" is not an endpoint URL/,
		);
	});

	it("drops the SDK's host prefix for every endpoint but HealthOmics' own, and never lets the SDK read endpoints itself", async () => {
		expect(isAwsServiceEndpoint('https://omics.us-east-1.amazonaws.com')).toBe(true);
		expect(isAwsServiceEndpoint('https://omics-fips.us-gov-west-1.amazonaws.com/')).toBe(true);
		expect(isAwsServiceEndpoint('https://omics.cn-north-1.amazonaws.com.cn')).toBe(true);
		expect(isAwsServiceEndpoint('https://omics.eu-west-1.api.aws')).toBe(true);
		expect(isAwsServiceEndpoint('https://workflows-omics.us-east-1.amazonaws.com')).toBe(false);
		expect(isAwsServiceEndpoint('https://vpce-1a2b.omics.us-east-1.vpce.amazonaws.com')).toBe(false);
		expect(isAwsServiceEndpoint('http://omics.us-east-1.amazonaws.com')).toBe(false);
		expect(isAwsServiceEndpoint('http://127.0.0.1:4566')).toBe(false);
		const credentials = {accessKeyId: 'a', secretAccessKey: 'b'};
		const local = createOmicsClient({region: 'us-east-1', credentials, profile: 'lab'}, files());
		const aws = createOmicsClient(
			{region: 'us-east-1', credentials, endpointUrl: 'https://omics.us-east-1.amazonaws.com'},
			files(),
		);
		try {
			expect(local.config.disableHostPrefix).toBe(true);
			expect((await local.config.endpoint?.())?.hostname).toBe('services-endpoint');
			expect(aws.config.disableHostPrefix).toBe(false);
			expect(local.config.ignoreConfiguredEndpointUrls).toBe(true);
		} finally {
			local.destroy();
			aws.destroy();
		}
	});

	it('names the profile, the region and the endpoint in use in `where`', () => {
		expect(describeConnection({profile: 'lab'}, 'us-east-1', files())).toBe(
			'profile lab, us-east-1 (http://services-endpoint:2)',
		);
		expect(describeConnection({}, 'eu-west-1', {...files(), AWS_PROFILE: 'plain'})).toBe(
			'profile plain, eu-west-1 (http://plain-endpoint:4)',
		);
		expect(describeConnection({}, 'eu-west-1', files())).toBe('eu-west-1');
	});
});

describe('the shared files, read as the SDK reads them', () => {
	it('parses sections, sub-settings, comments, and merges the credentials file over the config file', () => {
		expect(
			parseIni(
				'[profile a]\nx = 1 # note\ns3 =\n  y = 2\nz=3\n[sso-session s]\nk = v\n[odd-type x]\nq = 1\n[plain]\nr = 2\n',
			),
		).toEqual({
			'profile.a': {x: '1', 's3.y': '2', z: '3'},
			'sso-session.s': {k: 'v'},
			plain: {r: '2'},
		});
		const config = loadSharedConfig(files());
		expect(config.profiles['plain']).toEqual({
			endpoint_url: 'http://plain-endpoint:4',
			aws_access_key_id: 'AKIDPLAIN',
			aws_secret_access_key: 's',
		});
		expect(Object.keys(config.services)).toEqual(['lab-services']);
		expect(config.profiles['constructor']).toBeUndefined();
	});

	it('tells what kind of credentials a profile gets, following source_profile to the first link', () => {
		const text = [
			'[profile role]',
			'role_arn = arn:aws:iam::1:role/R',
			'source_profile = middle',
			'[profile middle]',
			'role_arn = arn:aws:iam::1:role/M',
			'source_profile = sso',
			'[profile sso]',
			'sso_session = corp',
			'sso_account_id = 1',
			'sso_role_name = R',
			'[sso-session corp]',
			'sso_start_url = https://corp.awsapps.com/start',
			'[profile proc]',
			'credential_process = /bin/helper --x',
			'',
		].join('\n');
		const home = mkdtempSync(join(tmpdir(), 'batchtop-kinds-'));
		try {
			writeFileSync(join(home, 'config'), text);
			const config = loadSharedConfig({AWS_CONFIG_FILE: join(home, 'config'), HOME: home});
			expect(describeCredentialSource('role', config)).toEqual({
				kind: 'assume-role',
				profile: 'role',
				roleArn: 'arn:aws:iam::1:role/R',
				sourceProfile: 'middle',
				leafProfile: 'sso',
				leafKind: 'sso',
				ssoSession: 'corp',
				ssoStartUrl: 'https://corp.awsapps.com/start',
			});
			expect(describeCredentialSource('proc', config)).toMatchObject({
				kind: 'process',
				credentialProcess: '/bin/helper --x',
			});
			expect(describeCredentialSource('nope', config).kind).toBe('missing');
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});
});

describe("a profile's endpoint with the SDK's real chain (child process, emulator with requireAuth)", () => {
	let emulator: Emulator;
	let batchId: string;
	let proxy: LoggingProxy;

	beforeAll(async () => {
		emulator = await startEmulator({
			clock: 'manual',
			scenario: {batches: [{name: 'configured-endpoint', totalRuns: 3, createdAgo: 600}]},
			faults: {'*': {requireAuth: true}},
		});
		batchId = emulator.batchIds[0] ?? '';
		proxy = await startLoggingProxy();
	});
	afterAll(async () => {
		await proxy.close();
		await emulator.stop();
	});

	const profileConfig = (endpointLines: string) =>
		[
			'[profile lab]',
			'aws_access_key_id = AKIDLAB',
			'aws_secret_access_key = secret',
			'region = us-east-1',
			endpointLines,
			'',
		].join('\n');
	const SERVICES = () =>
		profileConfig(
			`services = lab-services\n[services lab-services]\nomics =\n  endpoint_url = ${emulator.url}`,
		);

	it.each([
		['--profile', {profile: 'lab'}, {}],
		['AWS_PROFILE', {}, {AWS_PROFILE: 'lab'}],
	] as const)(
		'uses the services section with %s, without the workflows- host prefix, signed with the profile',
		async (_how, call, env) => {
			proxy.log.length = 0;
			const {result, stderr} = await runAwsChild({
				config: SERVICES(),
				call: {batchId, ...call},
				env: {...env, HTTP_PROXY: proxy.url},
			});
			expect(result).toMatchObject({
				ok: true,
				id: batchId,
				where: `profile lab, us-east-1 (${emulator.url})`,
			});
			expect(result.endpoint?.source).toMatch(/^endpoint_url for omics in \[services lab-services\]/);
			expect(proxy.log.map((entry) => [entry.method, entry.target])).toEqual([
				['GET', `${emulator.url}/runBatch/${batchId}`],
			]);
			expect(proxy.log[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLAB\//);
			expect(stderr).toBe('');
		},
	);

	it("uses a profile's plain endpoint_url, and AWS_ENDPOINT_URL_OMICS over it", async () => {
		const plain = await runAwsChild({
			config: profileConfig(`endpoint_url = ${emulator.url}`),
			call: {batchId, profile: 'lab'},
		});
		expect(plain.result).toMatchObject({ok: true, where: `profile lab, us-east-1 (${emulator.url})`});
		const overridden = await runAwsChild({
			config: profileConfig('endpoint_url = http://127.0.0.1:9'),
			call: {batchId, profile: 'lab'},
			env: {AWS_ENDPOINT_URL_OMICS: emulator.url},
		});
		expect(overridden.result).toMatchObject({
			ok: true,
			endpoint: {url: emulator.url, source: 'AWS_ENDPOINT_URL_OMICS'},
		});
	});

	it("with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true goes to HealthOmics' own endpoint (blocked here), never to the configured one", async () => {
		proxy.log.length = 0;
		const {result} = await runAwsChild({
			config: SERVICES(),
			call: {batchId, profile: 'lab'},
			env: {AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', HTTP_PROXY: proxy.url},
		});
		expect(result).toMatchObject({
			ok: false,
			kind: 'unavailable',
			where: 'profile lab, us-east-1',
			endpoint: null,
		});
		expect(result.message).toBe('HealthOmics unreachable (ENOTFOUND)');
		expect(result.exit?.message).toBe(
			'cannot reach HealthOmics at profile lab, us-east-1: ENOTFOUND; check --endpoint-url, the region and your network',
		);
		expect(proxy.log).toEqual([]);
	});

	it('a services section that is not in the file is one usage line and exit 2', async () => {
		const {result} = await runAwsChild({
			config: profileConfig('services = gone'),
			call: {batchId, profile: 'lab'},
		});
		expect(result.exit?.code).toBe(2);
		expect(result.exit?.message).toMatch(
			/^the services section "gone" that profile "lab" names is not in \/.*\/config$/,
		);
	});
});
