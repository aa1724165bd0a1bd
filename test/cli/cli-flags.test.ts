import {describe, expect, expectTypeOf, it} from 'vitest';
import {FLAG_SCOPES, FLAGS, HELP, kebabCase, type Flags} from '../../source/cli/cli-flags.js';
import type {EmulatorFlags} from '../../source/cli/emulator-command.js';
import {parseConfig} from '../../source/cli/parse-config.js';

describe('the flags, typed from FLAGS', () => {
	it('types each flag as its definition says, and an unknown name is a type error', () => {
		expectTypeOf<Flags['maxRps']>().toEqualTypeOf<string | undefined>();
		expectTypeOf<Flags['once']>().toEqualTypeOf<boolean | undefined>();
		expectTypeOf<Flags['fault']>().toEqualTypeOf<string[] | undefined>();
		expectTypeOf<EmulatorFlags['port']>().toEqualTypeOf<string | undefined>();
		const flags: Flags = {maxRps: '3'};
		// tsc -p . checks these: reading or passing a flag that FLAGS does not define does not compile.
		// @ts-expect-error -- no such flag
		expect(flags.maxRPS).toBeUndefined();
		const terminal = {stdinIsTty: false, stdoutIsTty: false};
		// @ts-expect-error -- no such flag
		expect(() => parseConfig(['1'], {maxRequests: '3'}, terminal, {})).not.toThrow();
		// @ts-expect-error -- a string flag takes a string
		const wrong: Flags = {maxRps: 3};
		expect(wrong).toBeDefined();
	});

	it('gives every flag a scope and a line in --help', () => {
		expect(Object.keys(FLAG_SCOPES).sort()).toEqual(Object.keys(FLAGS).sort());
		for (const name of Object.keys(FLAGS))
			expect({name, inHelp: new RegExp(`--(no-)?${kebabCase(name)}\\b`).test(HELP)}).toEqual({
				name,
				inHelp: true,
			});
	});

	it('has no boolean defaults, so an absent flag is undefined and the config file can fill it in', () => {
		for (const [name, flag] of Object.entries(FLAGS))
			expect({name, default: 'default' in flag}).toEqual({name, default: false});
	});
});
