import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {sanitizeText} from '../domain/sanitize-text.js';

// The shared AWS config and credentials files, read the way the AWS SDK for JavaScript reads them
// (@smithy/core/config: parseIni, getConfigData, parseKnownFiles), but synchronously and from the `env`
// it is given: batchtop must know the profile, its endpoint and its kind of credentials before the
// first call, to build the client and to word what goes wrong. The SDK's own chain still does the work.

/** One section's keys; a sub-setting (`omics =` then `  endpoint_url = …`) is `omics.endpoint_url`. */
export type IniSection = Readonly<Record<string, string>>;

export interface SharedConfig {
	/** AWS_CONFIG_FILE, else ~/.aws/config (with `~/` expanded, as the SDK does). */
	readonly configFile: string;
	/** AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials. */
	readonly credentialsFile: string;
	/** Profiles of both files merged by name, the credentials file's keys winning (parseKnownFiles). */
	readonly profiles: Readonly<Record<string, IniSection>>;
	/** Profiles of the config file alone (`[default]`, `[profile NAME]`). */
	readonly configProfiles: Readonly<Record<string, IniSection>>;
	/** Profiles of the credentials file alone (`[NAME]`). */
	readonly credentialsProfiles: Readonly<Record<string, IniSection>>;
	/** `[services NAME]` sections of the config file. */
	readonly services: Readonly<Record<string, IniSection>>;
	/** `[sso-session NAME]` sections of the config file. */
	readonly ssoSessions: Readonly<Record<string, IniSection>>;
}

const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
const PREFIXED_SECTION = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;

/** The SDK's parseIni: `[type name]` becomes `type.name`, comments after ; or #, indented sub-settings. */
export function parseIni(text: string): Record<string, Record<string, string>> {
	const map = Object.create(null) as Record<string, Record<string, string>>;
	let section: string | undefined;
	let subSection: string | undefined;
	for (const line of text.split(/\r?\n/)) {
		const trimmed = (line.split(/(^|\s)[;#]/)[0] ?? '').trim();
		if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
			section = undefined;
			subSection = undefined;
			const name = trimmed.slice(1, -1);
			const prefixed = PREFIXED_SECTION.exec(name);
			if (prefixed) {
				if (SECTION_TYPES.has(prefixed[1] ?? '')) section = `${prefixed[1]}.${prefixed[3]}`;
			} else section = name;
			// The SDK refuses these; here they are simply not profiles.
			if (name === '__proto__' || name === 'profile __proto__') section = undefined;
			continue;
		}
		if (section === undefined) continue;
		const equals = trimmed.indexOf('=');
		if (equals <= 0) continue;
		const key = trimmed.slice(0, equals).trim();
		const value = trimmed.slice(equals + 1).trim();
		if (value === '') {
			subSection = key;
			continue;
		}
		if (subSection && line.trimStart() === line) subSection = undefined;
		const entries = (map[section] ??= Object.create(null) as Record<string, string>);
		entries[subSection ? `${subSection}.${key}` : key] = value;
	}
	return map;
}

const homeOf = (env: NodeJS.ProcessEnv): string =>
	env['HOME'] ||
	env['USERPROFILE'] ||
	(env['HOMEPATH'] ? `${env['HOMEDRIVE'] ?? 'C:\\'}${env['HOMEPATH']}` : homedir());

const expandHome = (path: string, env: NodeJS.ProcessEnv): string =>
	path.startsWith('~/') ? join(homeOf(env), path.slice(2)) : path;

export const configFilePath = (env: NodeJS.ProcessEnv): string =>
	expandHome(env['AWS_CONFIG_FILE'] || join(homeOf(env), '.aws', 'config'), env);

export const credentialsFilePath = (env: NodeJS.ProcessEnv): string =>
	expandHome(env['AWS_SHARED_CREDENTIALS_FILE'] || join(homeOf(env), '.aws', 'credentials'), env);

function readIni(path: string): Record<string, Record<string, string>> {
	try {
		return parseIni(readFileSync(path, 'utf8'));
	} catch {
		// A file that is missing or unreadable holds nothing, as for the SDK.
		return {};
	}
}

/** A map keyed by names from the files: no prototype, so a profile called "constructor" is just a name. */
const table = (): Record<string, IniSection> => Object.create(null) as Record<string, IniSection>;

/** Both shared files, parsed. */
export function loadSharedConfig(env: NodeJS.ProcessEnv): SharedConfig {
	const configFile = configFilePath(env);
	const credentialsFile = credentialsFilePath(env);
	const config = readIni(configFile);
	const configProfiles = table();
	const services = table();
	const ssoSessions = table();
	if (config['default']) configProfiles['default'] = config['default'];
	for (const [key, section] of Object.entries(config)) {
		const dot = key.indexOf('.');
		if (dot === -1) continue;
		const type = key.slice(0, dot);
		const name = key.slice(dot + 1);
		if (type === 'profile') configProfiles[name] = section;
		else if (type === 'services') services[name] = section;
		else if (type === 'sso-session') ssoSessions[name] = section;
	}
	const credentialsProfiles = readIni(credentialsFile);
	const profiles = table();
	for (const [name, section] of Object.entries(configProfiles)) profiles[name] = {...section};
	for (const [name, section] of Object.entries(credentialsProfiles))
		profiles[name] = {...profiles[name], ...section};
	return {configFile, credentialsFile, profiles, configProfiles, credentialsProfiles, services, ssoSessions};
}

/** The profile the SDK will use, and who named it. */
export interface ProfileInUse {
	readonly name: string;
	/** `--profile` (or batchtop's config file, through the flag), AWS_PROFILE, or nobody (default). */
	readonly namedBy: 'flag' | 'AWS_PROFILE' | 'default';
}

/** The SDK's getProfileName: the client's profile, else AWS_PROFILE, else default. */
export function profileInUse(profile: string | undefined, env: NodeJS.ProcessEnv): ProfileInUse {
	if (profile) return {name: profile, namedBy: 'flag'};
	const fromEnv = env['AWS_PROFILE'];
	if (fromEnv) return {name: fromEnv, namedBy: 'AWS_PROFILE'};
	return {name: 'default', namedBy: 'default'};
}

/** How a profile gets its credentials, in the order the SDK's fromIni tries them. */
export type CredentialSourceKind =
	| 'assume-role'
	| 'web-identity'
	| 'static'
	| 'process'
	| 'sso'
	| 'login'
	/** No such profile in either file. */
	| 'missing'
	/** A profile without any credential setting (the chain goes on to the environment, IMDS, …). */
	| 'none';

export interface CredentialSource {
	readonly kind: CredentialSourceKind;
	/** The profile in use. */
	readonly profile: string;
	/** For an assumed role: its ARN and where the source credentials come from. */
	readonly roleArn?: string;
	readonly sourceProfile?: string;
	readonly credentialSource?: string;
	/**
	 * The profile whose own settings give the first credentials (the end of a source_profile chain):
	 * where `credential_process` or the SSO settings are. Equal to `profile` without a role.
	 */
	readonly leafProfile: string;
	/** What that leaf profile is: static keys, a process, SSO… (`kind` of a role profile is assume-role). */
	readonly leafKind: CredentialSourceKind;
	readonly credentialProcess?: string;
	/** SSO: the sso-session name (new style) or the start URL (legacy), which keys the token cache. */
	readonly ssoSession?: string;
	readonly ssoStartUrl?: string;
}

function ownKind(data: IniSection | undefined, nested: boolean): CredentialSourceKind {
	if (!data) return 'missing';
	const hasStatic = data['aws_access_key_id'] !== undefined && data['aws_secret_access_key'] !== undefined;
	// A source profile's static keys win over its own role (resolveProfileData).
	if (nested && hasStatic) return 'static';
	if (
		data['role_arn'] !== undefined &&
		(data['source_profile'] !== undefined) !== (data['credential_source'] !== undefined)
	)
		return 'assume-role';
	if (hasStatic) return 'static';
	if (data['web_identity_token_file'] !== undefined && data['role_arn'] !== undefined) return 'web-identity';
	if (data['credential_process'] !== undefined) return 'process';
	if (
		['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some(
			(key) => key in data,
		)
	)
		return 'sso';
	if (data['login_session'] !== undefined) return 'login';
	return 'none';
}

/** What the SDK's fromIni will do for this profile (resolveProfileData), and with which settings. */
export function describeCredentialSource(profile: string, config: SharedConfig): CredentialSource {
	const data = config.profiles[profile];
	const kind = ownKind(data, false);
	let leafProfile = profile;
	let leafKind = kind;
	if (kind === 'assume-role' && data?.['source_profile']) {
		const visited = new Set([profile]);
		let next: string | undefined = data['source_profile'];
		while (next !== undefined && !visited.has(next)) {
			visited.add(next);
			leafProfile = next;
			const nextData: IniSection | undefined = config.profiles[next];
			leafKind = ownKind(nextData, true);
			next = leafKind === 'assume-role' ? nextData?.['source_profile'] : undefined;
		}
	}
	const leaf = config.profiles[leafProfile];
	const ssoSession = leaf?.['sso_session'];
	const ssoStartUrl = ssoSession
		? config.ssoSessions[ssoSession]?.['sso_start_url']
		: leaf?.['sso_start_url'];
	return {
		kind,
		profile,
		leafProfile,
		leafKind,
		...(data?.['role_arn'] ? {roleArn: data['role_arn']} : {}),
		...(data?.['source_profile'] ? {sourceProfile: data['source_profile']} : {}),
		...(data?.['credential_source'] ? {credentialSource: data['credential_source']} : {}),
		...(leafKind === 'process' && leaf?.['credential_process']
			? {credentialProcess: leaf['credential_process']}
			: {}),
		...(leafKind === 'sso' && ssoSession ? {ssoSession} : {}),
		...(leafKind === 'sso' && ssoStartUrl ? {ssoStartUrl} : {}),
	};
}

/** The state of the SSO token cache for a session (new style) or start URL (legacy). */
export type SsoTokenState =
	| {readonly state: 'missing'}
	| {readonly state: 'expired'; readonly expiresAt: string}
	| {readonly state: 'valid'};

/** The SDK's getSSOTokenFilepath: ~/.aws/sso/cache/<sha1 of the session name or start URL>.json. */
export function ssoTokenState(key: string, env: NodeJS.ProcessEnv, now = Date.now()): SsoTokenState {
	const file = join(
		homeOf(env),
		'.aws',
		'sso',
		'cache',
		`${createHash('sha1').update(key).digest('hex')}.json`,
	);
	let token: {expiresAt?: unknown; accessToken?: unknown};
	try {
		token = JSON.parse(readFileSync(file, 'utf8')) as typeof token;
	} catch {
		return {state: 'missing'};
	}
	if (typeof token !== 'object' || token === null || typeof token.accessToken !== 'string')
		return {state: 'missing'};
	const expiresAt = typeof token.expiresAt === 'string' ? token.expiresAt : '';
	const time = Date.parse(expiresAt);
	if (Number.isNaN(time)) return {state: 'missing'};
	return time <= now ? {state: 'expired', expiresAt: sanitizeText(expiresAt, 40)} : {state: 'valid'};
}

/** The profiles in the files, for a message: sanitised, sorted, at most `limit`. */
export function profileNames(config: SharedConfig, limit = 8): string {
	const names = Object.keys(config.profiles)
		.map((name) => sanitizeText(name, 64))
		.filter(Boolean)
		.sort();
	if (names.length === 0) return '';
	return names.length > limit ? `${names.slice(0, limit).join(', ')}, …` : names.join(', ');
}
