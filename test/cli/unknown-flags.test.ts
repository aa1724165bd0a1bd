import {describe, expect, it} from 'vitest';
import {FLAGS} from '../../source/cli/cli-flags.js';
import {UsageError} from '../../source/cli/exit-codes.js';
import {rejectUnknownFlags} from '../../source/cli/unknown-flags.js';

describe('flags meow would misread', () => {
	it.each([
		['--demo=1', '--demo does not take a value (got "1"); use --demo or --no-demo alone'],
		['--once=yes', '--once does not take a value (got "yes"); use --once or --no-once alone'],
		['--all=false', '--all does not take a value (got "false"); use --all or --no-all alone'],
		['--no-color=1', '--no-color does not take a value (got "1"); use --no-color alone'],
	])('refuses a value on a switch: %s', (argument, message) => {
		expect(() => rejectUnknownFlags([argument], FLAGS)).toThrow(new UsageError(message));
	});

	it('accepts switches alone and values on value flags, inline or next', () => {
		expect(() =>
			rejectUnknownFlags(['--demo', '--no-color', '--max-rps=5', '--interval', '5:60', '123'], FLAGS),
		).not.toThrow();
	});

	it('names an unknown flag', () => {
		expect(() => rejectUnknownFlags(['--jsno'], FLAGS)).toThrow(/unknown option --jsno/);
	});
});
