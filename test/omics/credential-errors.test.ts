import {createHash} from 'node:crypto';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {CredentialChainError, type CredentialContext} from '../../source/omics/credential-error.js';
import {credentialContext} from '../../source/omics/omics-client.js';
import {toOmicsError} from '../../source/omics/omics-error.js';
import {startLoggingProxy, type LoggingProxy} from '../helpers/logging-proxy.js';
import {runAwsChild, type AwsChildOptions} from '../helpers/run-aws-child.js';
import {createTestPki, type TestPki} from '../helpers/test-certificates.js';
import {startTlsService, type TlsService} from '../helpers/tls-service.js';

// The credential chain's failures, each named with its real cause and the profile, the SDK's own
// message beside batchtop's: the real chain in a child process (temporary HOME and config files, DNS
// blocked but for localhost), STS answered by a local TLS server that a logging proxy maps the real
// host names onto, HealthOmics by the emulator (requireAuth: it serves only signed requests).

const REGION = 'us-east-1';
const ROLE = 'arn:aws:iam::123456789012:role/Reader';
const STS_DENIAL =
	'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/Reader';

let pki: TestPki;
let emulator: Emulator;
let batchId: string;
let sts: TlsService;
let proxy: LoggingProxy;
/** What the local STS does with AssumeRole. */
let stsAnswer: 'deny' | 'hang' = 'deny';

beforeAll(async () => {
	pki = createTestPki(['sts.us-east-1.amazonaws.com', 'sts.amazonaws.com']);
	emulator = await startEmulator({
		clock: 'manual',
		scenario: {batches: [{name: 'credentials', totalRuns: 2, createdAgo: 600}]},
		faults: {'*': {requireAuth: true}},
	});
	batchId = emulator.batchIds[0] ?? '';
	sts = await startTlsService({
		...pki.server,
		handle: (request, response, body) => {
			expect(body).toMatch(/Action=AssumeRole/);
			if (stsAnswer === 'hang') return true;
			response.writeHead(403, {'content-type': 'text/xml', 'x-amzn-requestid': 'sts-request-1'});
			response.end(
				`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
					`<Code>AccessDenied</Code><Message>${STS_DENIAL}</Message></Error>` +
					`<RequestId>sts-request-1</RequestId></ErrorResponse>`,
			);
			return true;
		},
	});
	proxy = await startLoggingProxy({
		route: (host) => (host.endsWith('.amazonaws.com') ? {host: '127.0.0.1', port: sts.port} : undefined),
	});
});

afterAll(async () => {
	await proxy.close();
	await sts.close();
	await emulator.stop();
	pki.dispose();
});

beforeEach(() => {
	proxy.log.length = 0;
	sts.requests.length = 0;
	stsAnswer = 'deny';
});

const ASSUME_ROLE = [
	'[profile base]',
	'aws_access_key_id = AKIDBASE',
	'aws_secret_access_key = secret',
	'[profile lab]',
	`role_arn = ${ROLE}`,
	'source_profile = base',
	`region = ${REGION}`,
	'',
].join('\n');

/** One GetBatch through the chain, with the emulator as the endpoint and the profile from --profile. */
const run = (options: Omit<AwsChildOptions, 'call'> & {call?: Partial<AwsChildOptions['call']>}) =>
	runAwsChild({...options, call: {batchId, endpointUrl: emulator.url, profile: 'lab', ...options.call}});

describe('an assumed role', () => {
	it('that STS refuses says the role could not be assumed, with the role, the profile and STS’s message (not omics:GetBatch)', async () => {
		const {result, stderr} = await run({
			config: ASSUME_ROLE,
			env: {HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: pki.caFile},
		});
		const message = `profile lab could not assume role ${ROLE}: STS denied AssumeRole (AccessDenied): ${STS_DENIAL}`;
		expect(result).toMatchObject({ok: false, kind: 'no-credentials', message, action: 'sts:AssumeRole'});
		expect(result.details).toMatchObject({
			code: 'AccessDenied',
			httpStatus: 403,
			requestId: 'sts-request-1',
			profile: 'lab',
			credentials: {link: 'sts', profile: 'lab', roleArn: ROLE, sdkMessage: STS_DENIAL},
		});
		expect(result.exit).toEqual({
			code: 4,
			message: `${message}; check the role's trust policy and that the source credentials may call sts:AssumeRole (request id sts-request-1)`,
		});
		expect(result.exit?.message).not.toMatch(/omics:GetBatch|HealthOmics/);
		// STS was asked, with the source profile's keys; HealthOmics never was.
		expect(sts.requests.map((request) => request.accessKeyId)).toEqual(['AKIDBASE']);
		expect(stderr).toBe('');
	});

	it('whose STS cannot be reached says STS (the credential chain) is unreachable, naming the profile', async () => {
		// No proxy: the child cannot resolve sts.us-east-1.amazonaws.com.
		const {result} = await run({config: ASSUME_ROLE});
		const message = `cannot reach STS for profile lab (the credential chain, to assume ${ROLE}): getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com`;
		expect(result).toMatchObject({ok: false, kind: 'unavailable', message});
		expect(result.details).toMatchObject({code: 'ENOTFOUND', credentials: {link: 'sts', profile: 'lab'}});
		expect(result.exit).toEqual({code: 6, message: `${message}; check your network and HTTPS_PROXY`});
		expect(result.exit?.message).not.toMatch(/HealthOmics/);
	});

	it('whose STS is behind a proxy that refuses it names the proxy, and STS', async () => {
		const refusing = await startLoggingProxy({refuse: {status: 403, reason: 'Forbidden'}});
		try {
			const {result} = await run({config: ASSUME_ROLE, env: {HTTPS_PROXY: refusing.url}});
			expect(result.kind).toBe('unavailable');
			expect(result.message).toBe(
				`cannot reach STS for profile lab (the credential chain, to assume ${ROLE}): the proxy 127.0.0.1:${refusing.port} refused to connect to sts.us-east-1.amazonaws.com:443: HTTP 403 Forbidden`,
			);
		} finally {
			await refusing.close();
		}
	});

	it('whose STS never answers is named when the deadline passes, not HealthOmics', async () => {
		stsAnswer = 'hang';
		const started = Date.now();
		const {result} = await run({
			config: ASSUME_ROLE,
			env: {HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: pki.caFile},
			call: {requestTimeoutMs: 1_000},
		});
		expect(result).toMatchObject({
			ok: false,
			kind: 'unavailable',
			message: `STS did not answer within 1s, getting credentials for profile lab (to assume ${ROLE})`,
		});
		expect(result.elapsedMs).toBeLessThan(2_500);
		expect(result.exit?.code).toBe(6);
		// The chain's clients make one attempt (its request timeout, then done): the process ends soon after.
		expect(Date.now() - started).toBeLessThan(4_500);
	});
});

describe('an SSO profile', () => {
	const START_URL = 'https://example.awsapps.com/start';
	const LEGACY = [
		'[profile lab]',
		`sso_start_url = ${START_URL}`,
		`sso_region = ${REGION}`,
		'sso_account_id = 123456789012',
		'sso_role_name = Reader',
		`region = ${REGION}`,
		'',
	].join('\n');
	const SESSION = [
		'[profile lab]',
		'sso_session = corp',
		'sso_account_id = 123456789012',
		'sso_role_name = Reader',
		`region = ${REGION}`,
		'[sso-session corp]',
		`sso_start_url = ${START_URL}`,
		`sso_region = ${REGION}`,
		'',
	].join('\n');
	const cachedToken = (key: string, expiresAt: string) => (home: string) => {
		const cache = join(home, '.aws', 'sso', 'cache');
		mkdirSync(cache, {recursive: true});
		writeFileSync(
			join(cache, `${createHash('sha1').update(key).digest('hex')}.json`),
			JSON.stringify({accessToken: 'old', expiresAt, region: REGION, startUrl: START_URL}),
		);
	};

	it('without a cached token says to run "aws sso login --profile NAME", with the SDK’s message', async () => {
		const legacy = await run({config: LEGACY});
		expect(legacy.result).toMatchObject({
			ok: false,
			kind: 'no-credentials',
			message:
				'profile lab has no cached SSO token: run "aws sso login --profile lab" (SDK: The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.)',
			details: {code: 'SsoTokenMissing', credentials: {link: 'sso', profile: 'lab'}},
		});
		expect(legacy.result.exit?.code).toBe(4);
		expect(legacy.result.exit?.message).toBe(legacy.result.message);
		const session = await run({config: SESSION});
		expect(session.result.message).toBe(
			'profile lab has no cached SSO token: run "aws sso login --profile lab" (SDK: The SSO session token associated with profile=lab was not found or is invalid. To refresh this SSO session run \'aws sso login\' with the corresponding profile.)',
		);
	});

	it('with an expired token says when it expired (expired-credentials, exit 4)', async () => {
		const {result} = await run({
			config: LEGACY,
			setupHome: cachedToken(START_URL, '2020-01-01T00:00:00Z'),
		});
		expect(result).toMatchObject({
			kind: 'expired-credentials',
			message:
				'the SSO token of profile lab expired at 2020-01-01T00:00:00Z: run "aws sso login --profile lab" (SDK: The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.)',
			exit: {code: 4},
		});
	});

	it('as the source of a role names the SSO profile to log in with', async () => {
		const {result} = await run({
			config: `${SESSION.replace('[profile lab]', '[profile sso-base]')}[profile lab]\nrole_arn = ${ROLE}\nsource_profile = sso-base\nregion = ${REGION}\n`,
		});
		expect(result.message).toMatch(
			/^profile sso-base \(the source of profile lab\) has no cached SSO token: run "aws sso login --profile sso-base" \(SDK: /,
		);
	});
});

describe('a credential_process', () => {
	const helper = (script: string) => (home: string) => {
		const path = join(home, 'helper.sh');
		writeFileSync(path, `#!/bin/sh\n${script}\n`);
		chmodSync(path, 0o755);
	};
	const PROCESS = (home = '$HOME') =>
		`[profile lab]\ncredential_process = ${home}/helper.sh --account lab\nregion = ${REGION}\n`;

	it("that fails shows the helper's first stderr line, beside the SDK's message", async () => {
		const {result, home} = await run({
			// The SDK runs the command through a shell, which expands $HOME.
			config: PROCESS(),
			setupHome: helper(
				'echo "vault: token expired, run vault login" >&2\necho "(details: 403)" >&2\nexit 3',
			),
		});
		expect(home).toBeTruthy();
		expect(result).toMatchObject({
			ok: false,
			kind: 'no-credentials',
			message:
				'credential_process of profile lab failed: vault: token expired, run vault login (SDK: Command failed: $HOME/helper.sh --account lab)',
			details: {code: 'CredentialProcessFailed', credentials: {link: 'process', profile: 'lab'}},
			exit: {code: 4},
		});
	});

	it('that prints what is not credentials says what the SDK found wrong', async () => {
		const {result} = await run({config: PROCESS(), setupHome: helper('echo not-json')});
		expect(result.message).toBe(
			'credential_process of profile lab failed: Profile lab credential_process returned invalid JSON.',
		);
		const silent = await run({config: PROCESS(), setupHome: helper('exit 1')});
		expect(silent.result.message).toBe(
			'credential_process of profile lab failed without a message on stderr ($HOME/helper.sh --account lab); run it to see why (SDK: Command failed: $HOME/helper.sh --account lab)',
		);
	});
});

describe('an unknown profile', () => {
	const CONFIG = `[profile lab]\naws_access_key_id = AKIDLAB\naws_secret_access_key = secret\nregion = ${REGION}\n`;

	it('named by --profile says it is not in the config file (exit 4), not "no AWS region"', async () => {
		const {result, home} = await run({config: CONFIG, call: {profile: 'labb'}});
		expect(result).toEqual({
			ok: false,
			exit: {
				code: 4,
				message: `profile labb not found in ${home}/config (nor in ${home}/credentials); the profiles there: lab`,
			},
		});
	});

	it('named by AWS_PROFILE says so too, and so does the chain if it gets that far', async () => {
		const {result, home} = await run({
			config: CONFIG,
			call: {profile: undefined},
			env: {AWS_PROFILE: 'labb'},
		});
		expect(result.exit).toEqual({
			code: 4,
			message: `profile labb (named by AWS_PROFILE) not found in ${home}/config (nor in ${home}/credentials); the profiles there: lab`,
		});
		// Past resolveRegion, the chain's own failure is worded the same way, with the SDK's message.
		const chain = await run({
			config: CONFIG,
			call: {profile: undefined, region: REGION, skipResolveRegion: true},
			env: {AWS_PROFILE: 'labb'},
		});
		expect(chain.result).toMatchObject({
			kind: 'no-credentials',
			details: {code: 'ProfileNotFound', credentials: {link: 'profile', profile: 'labb'}},
			exit: {
				code: 4,
				message: `profile labb (named by AWS_PROFILE) not found in ${chain.home}/config (nor in ${chain.home}/credentials); the profiles there: lab (SDK: Could not load credentials from any providers)`,
			},
		});
	});

	it('is fine when nobody named it: the default profile may be absent (environment keys)', async () => {
		const {result} = await run({
			config: CONFIG,
			call: {profile: undefined, region: REGION},
			env: {AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'secret'},
		});
		expect(result).toMatchObject({ok: true, id: batchId});
	});
});

describe('the classification of other chain failures (in process, SDK-shaped errors)', () => {
	const context = (config: string): CredentialContext => {
		const home = mkdtempSync(join(tmpdir(), 'batchtop-classify-'));
		homes.push(home);
		writeFileSync(join(home, 'config'), config);
		return credentialContext('lab', {HOME: home, AWS_CONFIG_FILE: join(home, 'config')});
	};
	const homes: string[] = [];
	afterAll(() => {
		for (const home of homes) rmSync(home, {recursive: true, force: true});
	});
	const stsError = (name: string, status: number, message = 'm') =>
		Object.assign(new Error(message), {name, $metadata: {httpStatusCode: status, requestId: 'r-1'}});
	const classify = (failure: unknown, config = ASSUME_ROLE) =>
		toOmicsError(new CredentialChainError(failure, context(config), []), 'GetBatch');

	it.each([
		[
			'ExpiredToken',
			403,
			'expired-credentials',
			/^STS rejected the credentials profile lab assumes its role with \(ExpiredToken, from profile base\): m; refresh them$/,
		],
		['InvalidClientTokenId', 403, 'expired-credentials', /^STS rejected/],
		['Throttling', 400, 'throttled', /^STS throttled AssumeRole for profile lab \(Throttling\)$/],
		[
			'InternalFailure',
			500,
			'unavailable',
			/^STS failed AssumeRole for profile lab \(HTTP 500, InternalFailure\): m$/,
		],
		[
			'ValidationError',
			400,
			'no-credentials',
			/^profile lab could not assume role .*: STS refused AssumeRole \(ValidationError\): m$/,
		],
	] as const)('an STS %s (HTTP %i) is %s', (name, status, kind, message) => {
		const error = classify(stsError(name, status));
		expect(error.kind).toBe(kind);
		expect(error.message).toMatch(message);
		expect(error.details).toMatchObject({requestId: 'r-1', httpStatus: status, action: 'sts:AssumeRole'});
		expect(error.details.credentials?.link).toBe('sts');
	});

	it('an SSO portal that cannot be reached (the SSO provider keeps only the text) is unavailable, naming SSO', () => {
		const sso = `[profile lab]\nsso_start_url = https://x.awsapps.com/start\nsso_region = ${REGION}\nsso_account_id = 1\nsso_role_name = R\n`;
		const failure = Object.assign(
			new Error('Error: getaddrinfo ENOTFOUND portal.sso.us-east-1.amazonaws.com'),
			{
				name: 'CredentialsProviderError',
				tryNextLink: false,
			},
		);
		const error = classify(failure, sso);
		expect(error.kind).toBe('unavailable');
		expect(error.message).toBe(
			'cannot reach SSO for profile lab (the credential chain): Error: getaddrinfo ENOTFOUND portal.sso.us-east-1.amazonaws.com',
		);
	});

	it('keeps untrusted text from the chain out of the terminal', () => {
		const error = classify(stsError('AccessDenied', 403, 'denied \u001b]0;owned\u0007 here\nsecond line'));
		expect(error.message).toBe(
			`profile lab could not assume role ${ROLE}: STS denied AssumeRole (AccessDenied): denied here`,
		);
	});

	it("names an SSO profile's login in HealthOmics' own expired-token answer", () => {
		const sso = `[profile lab]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n[sso-session corp]\nsso_start_url = https://x/start\nsso_region = ${REGION}\n`;
		const expired = Object.assign(new Error('The security token included in the request is expired'), {
			name: 'ExpiredTokenException',
			$metadata: {httpStatusCode: 403},
		});
		const error = toOmicsError(expired, 'GetBatch', '', context(sso));
		expect(error.kind).toBe('expired-credentials');
		expect(error.message).toBe(
			'AWS credentials of profile lab expired or were rejected: run "aws sso login --profile lab"',
		);
		expect(error.details.profile).toBe('lab');
		expect(error.details.credentials).toBeUndefined();
	});
});
