import {UsageError} from './exit-codes.js';

const UNITS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000};

/** "90" (seconds), "90s", "5m", "1h30m", "2d" -> milliseconds; anything else is a usage error naming the flag. */
export function parseDuration(flag: string, raw: string | undefined): number | undefined {
	if (raw === undefined) return undefined;
	const text = raw.trim();
	if (/^\d+(\.\d+)?$/.test(text)) {
		if (!(Number(text) > 0)) throw new UsageError(`--${flag} must be longer than zero, got "${raw}"`);
		return Number(text) * 1000;
	}
	const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
	if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) {
		throw new UsageError(`--${flag} takes a duration such as 90s, 5m, 1h30m or 2d, got "${raw}"`);
	}
	const ms = parts.reduce((sum, part) => sum + Number(part[1]) * (UNITS[part[2] ?? 's'] ?? 1000), 0);
	if (!(ms > 0)) throw new UsageError(`--${flag} must be longer than zero, got "${raw}"`);
	return ms;
}
