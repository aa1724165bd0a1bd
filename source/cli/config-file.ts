import {closeSync, constants, fstatSync, openSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {UsageError} from './exit-codes.js';
import {
	CONFIG_KEYS,
	TEXT_SETTINGS,
	type BooleanSettingKey,
	type ConfigKey,
	type FileSettings,
	type TextSettingKey,
} from './settings.js';

/** A config file as read: its path, and its text (undefined when there is no such file). */
export interface ConfigFileSource {
	readonly path: string;
	readonly content: string | undefined;
}

/** The config file, validated. */
export interface ConfigFile {
	readonly path: string;
	readonly found: boolean;
	readonly settings: FileSettings;
}

/** More than any settings file needs; a bigger one is a mistake (a log named as the config?). */
const MAX_BYTES = 1024 * 1024;

/**
 * Where the config file is: BATCHTOP_CONFIG, else $XDG_CONFIG_HOME/batchtop/config.json (an absolute
 * XDG_CONFIG_HOME only, as the XDG spec says), else ~/.config/batchtop/config.json; undefined without a home.
 */
export function configFilePath(
	env: NodeJS.ProcessEnv,
	home: string | undefined = env['HOME'] || undefined,
): string | undefined {
	const explicit = env['BATCHTOP_CONFIG'];
	if (explicit) return explicit;
	const xdg = env['XDG_CONFIG_HOME'];
	if (xdg && isAbsolute(xdg)) return join(xdg, 'batchtop', 'config.json');
	return home ? join(home, '.config', 'batchtop', 'config.json') : undefined;
}

/** The config file's path for this process (the environment, else the OS's home directory). */
export function defaultConfigFilePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
	let home: string | undefined = env['HOME'] || undefined;
	try {
		home ??= homedir() || undefined;
	} catch {
		home = undefined;
	}
	return configFilePath(env, home);
}

const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Reads the config file: a missing one is no settings; anything else that cannot be read (a
 * directory, a FIFO or device, no permission, too big) is a UsageError naming the file. Opened
 * non-blocking and checked with fstat, so a FIFO never hangs the start.
 */
export function readConfigFile(path: string): ConfigFileSource {
	// BATCHTOP_CONFIG=/dev/null: a config file with no settings.
	if (path === '/dev/null') return {path, content: ''};
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {path, content: undefined};
		throw new UsageError(`cannot read config file ${path}: ${describeErrno(error)}`);
	}
	try {
		const stat = fstatSync(fd);
		if (stat.isDirectory()) throw new UsageError(`config file ${path} is a directory, not a file`);
		if (!stat.isFile()) throw new UsageError(`config file ${path} is not a regular file`);
		if (stat.size > MAX_BYTES)
			throw new UsageError(`config file ${path} is ${stat.size} bytes; a config file is at most 1 MiB`);
		return {path, content: readFileSync(fd, 'utf8')};
	} catch (error) {
		if (error instanceof UsageError) throw error;
		throw new UsageError(`cannot read config file ${path}: ${describeErrno(error)}`);
	} finally {
		closeSync(fd);
	}
}

function describeErrno(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'EISDIR') return 'it is a directory';
	if (code === 'ENOTDIR') return 'a part of the path is not a directory';
	if (code === 'ELOOP') return 'too many symbolic links';
	return error instanceof Error ? error.message : String(error);
}

/** A JSON value as a message shows it: short, on one line. */
function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** JSON.parse's complaint without the copy of the text that Node 20+ appends, plus a line and column. */
function jsonProblem(error: unknown, content: string): string {
	const message = (error instanceof Error ? error.message : String(error))
		.replace(/, ".*" is not valid JSON$/s, '')
		.replace(/\s+/g, ' ');
	const position = /at position (\d+)/.exec(message);
	if (!position) return message;
	const before = content.slice(0, Number(position[1]));
	const line = before.split('\n').length;
	const column = before.length - before.lastIndexOf('\n');
	return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

/** The keys a mistyped key may have meant: the same letters in another case, or dashes for camelCase. */
function suggestion(key: string): string {
	const simple = (name: string) => name.toLowerCase().replace(/[-_]/g, '');
	const match = CONFIG_KEYS.find((known) => simple(known) === simple(key));
	return match ? ` (did you mean "${match}"?)` : '';
}

/**
 * Validates a config file's text into settings. Every problem is one UsageError naming the file and
 * the key: not JSON, not an object, an unknown key, a wrong type, a bad value. `home` expands a
 * leading `~/` in `log`; a relative `log` is relative to the file's directory.
 */
export function parseConfigFile(source: ConfigFileSource, home: string | undefined): ConfigFile {
	const {path, content} = source;
	if (content === undefined) return {path, found: false, settings: {}};
	// An empty file is a file with no settings yet.
	if (content.trim() === '') return {path, found: true, settings: {}};
	let data: unknown;
	try {
		data = JSON.parse(content.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new UsageError(`config file ${path} is not valid JSON: ${jsonProblem(error, content)}`);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		throw new UsageError(
			`config file ${path} must hold a JSON object such as {"region": "us-east-1"}, got ${Array.isArray(data) ? 'an array' : shown(data)}`,
		);
	const settings: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(data)) {
		if (!(CONFIG_KEYS as readonly string[]).includes(key))
			throw new UsageError(
				`config file ${path}: unknown key "${key}"${suggestion(key)}; the keys are ${CONFIG_KEYS.join(', ')}`,
			);
		settings[key] = parseValue(key as ConfigKey, value, `config file ${path}: "${key}"`, path, home);
	}
	return {path, found: true, settings: settings as FileSettings};
}

const BOOLEAN_KEYS: readonly BooleanSettingKey[] = ['ascii', 'color', 'notify', 'title', 'mouse'];
/** Settings written as text or as a number of seconds. */
const SECONDS_KEYS: readonly TextSettingKey[] = ['interval', 'requestTimeout', 'staleTimeout'];

function parseValue(key: ConfigKey, value: unknown, label: string, path: string, home: string | undefined) {
	if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
		if (typeof value !== 'boolean')
			throw new UsageError(`${label} must be true or false, got ${shown(value)}`);
		return value;
	}
	const textKey = key as TextSettingKey;
	if (textKey === 'maxRps') {
		if (typeof value !== 'number')
			throw new UsageError(`${label} must be a number (requests per second), got ${shown(value)}`);
		return TEXT_SETTINGS.maxRps(String(value), label);
	}
	if (textKey === 'budget') {
		// {"GetRun": 8, "ListRuns": 4}, or the flag's text.
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
			const entries = Object.entries(value as Record<string, unknown>);
			const bad = entries.find(([, tps]) => typeof tps !== 'number');
			if (bad || entries.length === 0)
				throw new UsageError(
					`${label} must map operations to numbers such as {"GetRun": 8}, got ${shown(value)}`,
				);
			return TEXT_SETTINGS.budget(entries.map(([name, tps]) => `${name}=${String(tps)}`).join(','), label);
		}
		if (typeof value !== 'string')
			throw new UsageError(
				`${label} must map operations to numbers such as {"GetRun": 8}, got ${shown(value)}`,
			);
		return TEXT_SETTINGS.budget(value, label);
	}
	if (SECONDS_KEYS.includes(textKey)) {
		if (typeof value === 'number' && Number.isFinite(value))
			return TEXT_SETTINGS[textKey](String(value), label);
		if (typeof value !== 'string')
			throw new UsageError(
				`${label} must be text such as ${textKey === 'interval' ? '"5:60"' : '"15s"'} or a number of seconds, got ${shown(value)}`,
			);
		return TEXT_SETTINGS[textKey](value, label);
	}
	if (typeof value !== 'string') throw new UsageError(`${label} must be text, got ${shown(value)}`);
	const parsed = TEXT_SETTINGS[textKey](value, label);
	if (textKey === 'log') return logPath(value, path, home, label);
	return parsed;
}

/** `~/x` is in the home directory; a relative path is relative to the config file's directory. */
function logPath(raw: string, configPath: string, home: string | undefined, label: string): string {
	if (raw === '~' || raw.startsWith('~/')) {
		if (!home) throw new UsageError(`${label} starts with ~ but there is no home directory (HOME is unset)`);
		return join(home, raw.slice(1));
	}
	return isAbsolute(raw) ? raw : resolve(dirname(configPath), raw);
}
