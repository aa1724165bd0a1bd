import {FLAG_SCOPES, kebabCase, type FlagName, type Flags} from './cli-flags.js';
import {UsageError} from './exit-codes.js';

/** A flag is given when meow has a value for it (an isMultiple flag: at least one). */
const given = (value: unknown): boolean =>
	value !== undefined && !(Array.isArray(value) && value.length === 0);

/** The flag as it was typed: `--no-color` for a negated boolean. */
const spelled = (name: FlagName, value: unknown): string =>
	value === false ? `--no-${kebabCase(name)}` : `--${kebabCase(name)}`;

/**
 * Rejects, in one line, the first flag that does not apply to the command: watch flags with
 * `batchtop emulator`, --port and --host when watching, the simulation's flags without --demo, and
 * the flags of a continuing watch with --once.
 */
export function rejectFlagsThatDoNotApply(command: 'watch' | 'emulator', flags: Flags): void {
	for (const name of Object.keys(FLAG_SCOPES) as FlagName[]) {
		const value = flags[name];
		if (!given(value)) continue;
		const flag = spelled(name, value);
		const scope = FLAG_SCOPES[name];
		if (command === 'emulator') {
			if (scope === 'emulator' || scope === 'simulation') continue;
			throw new UsageError(
				`${flag} does not apply to batchtop emulator (it is a watch option); see batchtop --help`,
			);
		}
		if (scope === 'emulator')
			throw new UsageError(
				`${flag} applies only to batchtop emulator${flags.demo === true ? ' (--demo listens on a free loopback port of its own)' : ''}`,
			);
		if (scope === 'simulation' && flags.demo !== true)
			throw new UsageError(`${flag} applies only to --demo and batchtop emulator`);
		if (scope === 'watch-not-once' && flags.once === true)
			throw new UsageError(
				`${flag} does not apply to --once, which reads every batch once and exits; drop one of them`,
			);
	}
}
