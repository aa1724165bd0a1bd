import {kebabCase} from './cli-flags.js';
import {UsageError} from './exit-codes.js';

/** meow flag definitions, as far as this check needs them. */
export type FlagTypes = Readonly<Record<string, {readonly type: 'string' | 'boolean' | 'number'}>>;

/**
 * Rejects the first flag meow would not recognise, in one line that names it; meow's own report
 * spans two lines and exits by itself before the terminal and config are under our control.
 */
export function rejectUnknownFlags(argv: readonly string[], flags: FlagTypes): void {
	const takesValue = new Map<string, boolean>([
		['help', false],
		['version', false],
	]);
	for (const [name, {type}] of Object.entries(flags)) takesValue.set(kebabCase(name), type !== 'boolean');
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index] ?? '';
		if (argument === '--') return;
		if (!argument.startsWith('-') || argument === '-' || /^-\d/.test(argument)) continue;
		const [name = '', inlineValue] = argument.replace(/^--?/, '').split(/=(.*)/s, 2);
		const bare = name.startsWith('no-') ? name.slice(3) : name;
		const known = takesValue.get(name) ?? (takesValue.get(bare) === false ? false : undefined);
		if (known === undefined)
			throw new UsageError(`unknown option ${argument.split('=')[0]}; see batchtop --help`);
		if (!known && inlineValue !== undefined)
			throw new UsageError(
				`--${name} does not take a value (got "${inlineValue}"); use --${name}${bare === name ? ` or --no-${name}` : ''} alone`,
			);
		if (known && inlineValue === undefined) index += 1; // the next argument is this flag's value
	}
}
