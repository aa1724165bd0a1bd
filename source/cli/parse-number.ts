import {UsageError} from './exit-codes.js';

/** Parses a numeric flag value with a message that names the flag and what it accepts. */
export function parseNumberFlag(
	flag: string,
	raw: string | undefined,
	{min, max, integer = false}: {min: number; max: number; integer?: boolean},
): number | undefined {
	if (raw === undefined) return undefined;
	const value = Number(raw);
	const kind = integer ? 'a whole number' : 'a number';
	if (raw.trim() === '') throw new UsageError(`--${flag} needs a value: ${kind} from ${min} to ${max}`);
	if (
		raw.trim() === '' ||
		!Number.isFinite(value) ||
		(integer && !Number.isInteger(value)) ||
		value < min ||
		value > max
	) {
		throw new UsageError(`--${flag} must be ${kind} from ${min} to ${max}, got "${raw}"`);
	}
	return value;
}
