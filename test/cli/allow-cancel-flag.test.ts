import {describe, expect, it} from 'vitest';
import {parseConfig} from '../../source/cli/parse-config.js';
import {rejectUnknownFlags} from '../../source/cli/unknown-flags.js';
import {FLAGS} from '../../source/cli/cli-flags.js';

const tty = {stdinIsTty: true, stdoutIsTty: true};

describe('--allow-cancel', () => {
	it('is off unless given, on with the flag, and never read from the config file', () => {
		expect(parseConfig(['1'], {}, tty, {})).toMatchObject({allowCancel: false});
		expect(parseConfig(['1'], {allowCancel: true}, tty, {})).toMatchObject({allowCancel: true});
		const file = {path: '/home/u/.config/batchtop/config.json', content: '{"allowCancel": true}'};
		expect(() => parseConfig(['1'], {}, tty, {}, file)).toThrow(/allowCancel/);
	});

	it('is a known boolean flag, and does not apply to --once', () => {
		expect(() => rejectUnknownFlags(['--allow-cancel'], FLAGS)).not.toThrow();
		expect(() => rejectUnknownFlags(['--allow-cancel=yes'], FLAGS)).toThrow(/does not take a value/);
		expect(() => parseConfig(['1'], {allowCancel: true, once: true}, tty, {})).toThrow(
			'--allow-cancel does not apply to --once, which reads every batch once and exits; drop one of them',
		);
	});
});
