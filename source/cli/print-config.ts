import type {IntervalBounds} from '../poller/interval-policy.js';
import {CONFIG_KEYS, type ConfigKey, type Setting, type SettingSource} from './settings.js';
import type {PrintConfig} from './watch-config.js';

/** Seconds as the flags and the config file write them: `90s`, `15s`, `10m`, `250ms`. */
function duration(ms: number): string {
	if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
	if (ms % 60_000 === 0) return `${ms / 60_000}m`;
	if (ms % 1000 === 0) return `${ms / 1000}s`;
	return `${ms}ms`;
}

const interval = (bounds: IntervalBounds): string => `${bounds.minMs / 1000}:${bounds.maxMs / 1000}`;

/** A setting's value as a config file would hold it (so `--print-config --json` output can seed one). */
export function configValue(key: ConfigKey, setting: Setting<unknown>): string | number | boolean | null {
	const {value} = setting;
	if (value === undefined) return null;
	if (key === 'interval') return interval(value as IntervalBounds);
	if (key === 'requestTimeout' || key === 'staleTimeout') return duration(value as number);
	return value as string | number | boolean;
}

export function describeSource(source: SettingSource): string {
	switch (source.kind) {
		case 'flag':
			return `flag ${source.flag}`;
		case 'env':
			return `env ${source.variable}`;
		case 'arn':
			return 'batch ARN';
		case 'config':
			return `config ${source.file}`;
		case 'default':
			return 'default';
	}
}

/** `--print-config`: the config file looked for, then one aligned line per setting: key, value, source. */
export function printConfigLines({settings, configFile}: PrintConfig): string[] {
	const lines = [
		configFile
			? `config file ${configFile.path}${configFile.found ? '' : ' (not found: no settings from a file)'}`
			: 'config file: none (no home directory; set BATCHTOP_CONFIG)',
	];
	const rows = CONFIG_KEYS.map((key) => {
		const setting = settings[key];
		const value = configValue(key, setting);
		const note = setting.note ? ` (${setting.note})` : '';
		return [key, value === null ? '-' : String(value), `${describeSource(setting.source)}${note}`] as const;
	});
	let keyWidth = 0;
	let valueWidth = 0;
	for (const [key, value] of rows) {
		keyWidth = Math.max(keyWidth, key.length);
		valueWidth = Math.max(valueWidth, value.length);
	}
	for (const [key, value, source] of rows)
		lines.push(`${key.padEnd(keyWidth)}  ${value.padEnd(valueWidth)}  ${source}`);
	return lines;
}

/** `--print-config --json`: one object; each setting's `value` as a config file holds it, and its source. */
export function printConfigRecord({settings, configFile}: PrintConfig): Record<string, unknown> {
	const entries: Record<string, unknown> = {};
	for (const key of CONFIG_KEYS) {
		const setting = settings[key];
		const {kind, ...where} = setting.source;
		// {"value": 2, "source": "flag", "flag": "--max-rps"}; env has "variable", config "file".
		entries[key] = {
			value: configValue(key, setting),
			source: kind,
			...where,
			...(setting.note ? {note: setting.note} : {}),
		};
	}
	return {
		configFile: configFile ? {path: configFile.path, found: configFile.found} : null,
		settings: entries,
	};
}
