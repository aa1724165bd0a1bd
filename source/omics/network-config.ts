import {X509Certificate} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {isAbsolute, join, resolve} from 'node:path';
import {BlockList, isIP} from 'node:net';
import * as tls from 'node:tls';
import {parseIni} from './aws-config.js';

// How batchtop reaches AWS from a corporate network: the proxy variables and the CA bundle, read from
// the environment it is given (never from process.env behind a caller's back), the way curl and the
// AWS CLI read them. Everything here is pure but for reading the config file and the CA bundle.

/**
 * A network setting that cannot be used (a proxy, a CA bundle, a configured endpoint or services
 * section): one line for the user, who must fix the setting (exit 2).
 */
export class NetworkConfigError extends Error {
	constructor(
		/** The variable or config key at fault, e.g. AWS_CA_BUNDLE, HTTPS_PROXY, ca_bundle. */
		readonly setting: string,
		message: string,
	) {
		super(message);
		this.name = 'NetworkConfigError';
	}
}

/** Whether a request to host:port must go direct (NO_PROXY). `host` is a name or an IP, without brackets. */
export type ProxyBypass = (host: string, port: number) => boolean;

export interface ProxySettings {
	/** For https:// requests (a CONNECT tunnel): https_proxy, else HTTPS_PROXY. */
	readonly https?: URL;
	/** For http:// requests (an absolute-URI forward proxy): http_proxy, else HTTP_PROXY. */
	readonly http?: URL;
	/** no_proxy, else NO_PROXY. */
	readonly bypass: ProxyBypass;
}

/** The value of a variable, the lower-case name first (as curl reads them); an empty value is unset. */
function variable(env: NodeJS.ProcessEnv, name: string): {name: string; value: string} | undefined {
	for (const key of [name.toLowerCase(), name.toUpperCase()]) {
		const value = env[key]?.trim();
		if (value) return {name: key, value};
	}
	return undefined;
}

/** A proxy URL as curl takes it: `host:port` means http://host:port; only http and https proxies exist here. */
function proxyUrl(setting: {name: string; value: string}): URL {
	const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(setting.value) ? setting.value : `http://${setting.value}`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new NetworkConfigError(
			setting.name,
			`${setting.name} is not a proxy URL (expected http://host:port)`,
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new NetworkConfigError(
			setting.name,
			`${setting.name}: ${url.protocol.slice(0, -1)} proxies are not supported; use an http:// or https:// proxy`,
		);
	if (!url.hostname)
		throw new NetworkConfigError(
			setting.name,
			`${setting.name} names no proxy host (expected http://host:port)`,
		);
	return url;
}

/** The proxies to use, or undefined when none is set (then nothing changes: direct connections only). */
export function resolveProxySettings(env: NodeJS.ProcessEnv): ProxySettings | undefined {
	const https = variable(env, 'https_proxy');
	const http = variable(env, 'http_proxy');
	if (!https && !http) return undefined;
	return {
		...(https ? {https: proxyUrl(https)} : {}),
		...(http ? {http: proxyUrl(http)} : {}),
		bypass: parseNoProxy(variable(env, 'no_proxy')?.value ?? ''),
	};
}

/** Where a proxy is, for messages: host:port only, never the credentials a proxy URL may carry. */
export function proxyLabel(proxy: URL): string {
	return `${proxy.hostname}:${proxy.port || (proxy.protocol === 'https:' ? '443' : '80')}`;
}

const unbracket = (host: string): string => host.replace(/^\[(.*)\]$/, '$1');

/**
 * NO_PROXY as curl reads it: entries separated by commas (or spaces); `*` alone bypasses everything; a
 * name matches itself and its subdomains, with or without a leading dot (or `*.`); `host:port` matches
 * that port only; an IP matches itself and a CIDR block its addresses. Names are not resolved, so
 * `localhost` does not cover 127.0.0.1: list both.
 */
export function parseNoProxy(value: string): ProxyBypass {
	const names: Array<{name: string; port?: number}> = [];
	const ips: Array<{ip: string; port?: number}> = [];
	const blocks = new BlockList();
	let anyBlock = false;
	for (const raw of value.split(/[\s,]+/)) {
		let entry = raw.trim().toLowerCase();
		if (!entry) continue;
		if (entry === '*') return () => true;
		let port: number | undefined;
		// host:port, [v6]:port; a bare IPv6 address has several colons and no port.
		const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
		if (withPort?.[1] && withPort[2]) {
			entry = withPort[1];
			port = Number(withPort[2]);
		}
		entry = unbracket(entry);
		const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
		if (cidr?.[1] && cidr[2] && isIP(cidr[1])) {
			const family = isIP(cidr[1]) === 6 ? 'ipv6' : 'ipv4';
			const prefix = Number(cidr[2]);
			if (prefix <= (family === 'ipv6' ? 128 : 32)) {
				blocks.addSubnet(cidr[1], prefix, family);
				anyBlock = true;
			}
			continue;
		}
		if (isIP(entry)) {
			ips.push({ip: entry, ...(port === undefined ? {} : {port})});
			continue;
		}
		const name = entry.replace(/^\*?\./, '').replace(/\.$/, '');
		if (name) names.push({name, ...(port === undefined ? {} : {port})});
	}
	return (rawHost, port) => {
		const host = unbracket(rawHost.toLowerCase()).replace(/\.$/, '');
		const family = isIP(host);
		if (family) {
			if (ips.some((entry) => entry.ip === host && (entry.port === undefined || entry.port === port)))
				return true;
			return anyBlock && blocks.check(host, family === 6 ? 'ipv6' : 'ipv4');
		}
		return names.some(
			(entry) =>
				(host === entry.name || host.endsWith(`.${entry.name}`)) &&
				(entry.port === undefined || entry.port === port),
		);
	};
}

/** Where a CA bundle setting came from, for messages. */
export interface CaBundleSource {
	readonly path: string;
	/** "AWS_CA_BUNDLE", or `ca_bundle of profile "lab" in /home/me/.aws/config`. */
	readonly setting: string;
}

const expandHome = (path: string, env: NodeJS.ProcessEnv): string =>
	path === '~' || path.startsWith('~/') ? join(env['HOME'] || homedir(), path.slice(1)) : path;

/**
 * The `ca_bundle` key of one profile in the shared config file: `[default]` or `[profile NAME]`
 * (`[profile default]` wins over `[default]`), read as the SDK reads the file (aws-config.ts): a
 * sub-setting (`s3 =` then an indented `ca_bundle = …`) is not the profile's own.
 */
export function caBundleInConfig(text: string, profile: string): string | undefined {
	const sections = parseIni(text);
	const section =
		profile === 'default'
			? (sections['profile.default'] ?? sections['default'])
			: sections[`profile.${profile}`];
	return section?.['ca_bundle'] || undefined;
}

/**
 * The CA bundle to trust, if any: AWS_CA_BUNDLE, else the profile's `ca_bundle` (the profile from
 * `profile`, else AWS_PROFILE, else default; the file from AWS_CONFIG_FILE, else ~/.aws/config), the
 * AWS CLI's order. A config file that does not exist names no bundle.
 */
export function resolveCaBundle(
	profile: string | undefined,
	env: NodeJS.ProcessEnv,
): CaBundleSource | undefined {
	const fromEnv = env['AWS_CA_BUNDLE']?.trim();
	if (fromEnv) return {path: expandHome(fromEnv, env), setting: 'AWS_CA_BUNDLE'};
	const configFile = env['AWS_CONFIG_FILE'] || join(env['HOME'] || homedir(), '.aws', 'config');
	let text: string;
	try {
		text = readFileSync(expandHome(configFile, env), 'utf8');
	} catch {
		return undefined;
	}
	const name = profile || env['AWS_PROFILE'] || 'default';
	const path = caBundleInConfig(text, name);
	return path === undefined
		? undefined
		: {path: expandHome(path, env), setting: `ca_bundle of profile "${name}" in ${configFile}`};
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function readPemCertificates(source: CaBundleSource): string[] {
	let text: string;
	try {
		text = readFileSync(isAbsolute(source.path) ? source.path : resolve(source.path), 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
		throw new NetworkConfigError(
			source.setting,
			`the CA bundle ${source.path} (${source.setting}) cannot be read: ${why}`,
		);
	}
	const certificates = text.match(PEM_CERTIFICATE) ?? [];
	if (certificates.length === 0)
		throw new NetworkConfigError(
			source.setting,
			`the CA bundle ${source.path} (${source.setting}) holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
		);
	try {
		for (const pem of certificates) new X509Certificate(pem);
	} catch {
		throw new NetworkConfigError(
			source.setting,
			`the CA bundle ${source.path} (${source.setting}) holds a certificate that cannot be parsed`,
		);
	}
	return certificates;
}

/**
 * The CAs the https agent trusts when a CA bundle is set: Node's defaults plus the bundle's certificates.
 * Undefined when none is set, and the agent keeps Node's own defaults, which already include
 * NODE_EXTRA_CA_CERTS (Node reads that variable itself, at start-up). An explicit `ca` replaces those
 * defaults, so here they are put back: the bundled roots and NODE_EXTRA_CA_CERTS (or, on a Node that has
 * tls.getCACertificates, whatever it uses by default, the system store with --use-system-ca included).
 */
export function trustedCertificates(
	profile: string | undefined,
	env: NodeJS.ProcessEnv,
): {certificates: string[]; source: CaBundleSource} | undefined {
	const source = resolveCaBundle(profile, env);
	if (!source) return undefined;
	const bundle = readPemCertificates(source);
	// Node 22.15+ (not in Node 20's types).
	const {getCACertificates} = tls as {getCACertificates?: (type: 'default') => string[]};
	let defaults: string[];
	if (typeof getCACertificates === 'function') defaults = getCACertificates('default');
	else {
		defaults = [...tls.rootCertificates];
		const extra = env['NODE_EXTRA_CA_CERTS'];
		if (extra) {
			try {
				for (const pem of readFileSync(extra, 'utf8').match(PEM_CERTIFICATE) ?? []) defaults.push(pem);
			} catch {
				// Node has already warned about it at start-up, and ignores it too.
			}
		}
	}
	return {certificates: [...defaults, ...bundle], source};
}
