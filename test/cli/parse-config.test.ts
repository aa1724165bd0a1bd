import {describe, expect, it} from 'vitest';
import {parseConfig, parseInterval} from '../../source/cli/parse-config.js';
import {parseDuration} from '../../source/cli/parse-duration.js';
import {UsageError} from '../../source/cli/exit-codes.js';

const tty = {stdinIsTty: true, stdoutIsTty: true};

describe('parseConfig', () => {
	it('chooses the TUI on a terminal and plain output otherwise', () => {
		expect(parseConfig(['1'], {}, tty, {})).toMatchObject({command: 'watch', output: 'tui'});
		expect(parseConfig(['1'], {}, {stdinIsTty: false, stdoutIsTty: true}, {})).toMatchObject({
			output: 'plain',
		});
		expect(parseConfig(['1'], {json: true}, tty, {})).toMatchObject({output: 'json'});
		expect(parseConfig(['1'], {once: true}, tty, {})).toMatchObject({output: 'plain', once: true});
	});

	it('discovers active batches without IDs, finished ones too with --all or a filter', () => {
		expect(parseConfig([], {}, tty, {})).toMatchObject({discovery: {filter: {}, includeFinished: false}});
		expect(parseConfig([], {all: true}, tty, {})).toMatchObject({discovery: {includeFinished: true}});
		expect(parseConfig([], {status: 'failed'}, tty, {})).toMatchObject({
			discovery: {filter: {status: 'FAILED'}, includeFinished: true},
		});
		expect(parseConfig([], {runGroup: '12'}, tty, {})).toMatchObject({
			discovery: {filter: {runGroupId: '12'}},
		});
	});

	it('maps --wait to --exit-status, and defaults the stale timeout to ten minutes', () => {
		expect(parseConfig(['1'], {wait: true}, tty, {})).toMatchObject({
			exitStatus: true,
			staleTimeoutMs: 600_000,
		});
	});

	it('honours NO_COLOR and TERM=dumb', () => {
		expect(parseConfig(['1'], {}, tty, {NO_COLOR: '1', TERM: 'dumb'})).toMatchObject({
			color: false,
			ascii: true,
		});
	});

	it.each([
		[['1', '1234567890123456789'], {}, /has 19 digits/],
		[['1'], {status: 'RUNNING'}, /not a batch status/],
		[['1'], {all: true}, /when no IDs are given/],
		[[], {status: 'FAILED', runGroup: '1'}, /one of --status, --name or --run-group/],
		[['1'], {plain: true, json: true}, /one of --plain and --json/],
		[['1'], {region: 'mars'}, /not an AWS region/],
		[['1'], {endpointUrl: 'ftp://x'}, /not an http\(s\) URL/],
		[[], {demo: true, region: 'us-east-1'}, /--demo runs its own emulator/],
		[['1'], {log: ' '}, /--log needs a file name/],
	])('rejects %j %j', (input, flags, message) => {
		expect(() => parseConfig(input, flags, tty, {})).toThrow(UsageError);
		expect(() => parseConfig(input, flags, tty, {})).toThrow(message);
	});
});

describe('durations and intervals', () => {
	it.each([
		['90', 90_000],
		['90s', 90_000],
		['5m', 300_000],
		['1h30m', 5_400_000],
		['2d', 172_800_000],
		['250ms', 250],
	])('%s is %i ms', (text, ms) => {
		expect(parseDuration('timeout', text)).toBe(ms);
	});

	it.each(['soon', '5 m', '-1s', '0s', '1x'])('rejects %j', (text) => {
		expect(() => parseDuration('timeout', text)).toThrow(/--timeout/);
	});

	it('reads MIN[:MAX]', () => {
		expect(parseInterval(undefined)).toEqual({minMs: 5000, maxMs: 60_000});
		expect(parseInterval('10')).toEqual({minMs: 10_000, maxMs: 60_000});
		expect(parseInterval('90')).toEqual({minMs: 90_000, maxMs: 90_000});
		expect(parseInterval('2:30')).toEqual({minMs: 2000, maxMs: 30_000});
		expect(() => parseInterval('30:2')).toThrow(/MAX must not be below MIN/);
		expect(() => parseInterval('fast')).toThrow(/MIN or MIN:MAX/);
	});
});
