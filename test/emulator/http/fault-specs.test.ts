import {describe, expect, it} from 'vitest';
import {
	FaultInjector,
	FaultSpecError,
	parseFaultSpecs,
	validateFaultTable,
} from '../../../source/emulator/http/faults.js';

describe('fault specs', () => {
	it('parses operation-scoped and global specs, merging repeats key by key', () => {
		expect(
			parseFaultSpecs([
				'GetBatch:throttle=0.5,retryAfter=2',
				'latencyMs=100',
				'requireAuth',
				'GetBatch:error5xx=0.1',
			]),
		).toEqual({
			GetBatch: {throttle: 0.5, retryAfter: 2, error5xx: 0.1},
			'*': {latencyMs: 100, requireAuth: true},
		});
		expect(parseFaultSpecs(['*:hang=0.01'])).toEqual({'*': {hang: 0.01}});
	});

	it.each([
		['GetBatch:trottle=1', /unknown fault "trottle"/],
		['GetBach:throttle=1', /unknown operation "GetBach"/],
		['throttle=lots', /needs a number/],
		['throttle', /needs a number/],
		['throttle=1.5', /throttle/],
		['requireAuth=maybe', /true or false/],
	])('rejects %s', (spec, message) => {
		expect(() => parseFaultSpecs([spec])).toThrow(FaultSpecError);
		expect(() => parseFaultSpecs([spec])).toThrow(message);
	});

	it('rejects tables that are not objects', () => {
		expect(() => validateFaultTable([])).toThrow(FaultSpecError);
	});

	it('draws outcomes from its own seeded stream: the same seed gives the same sequence', () => {
		const draws = (seed: number) => {
			const injector = new FaultInjector({'*': {throttle: 0.3, error5xx: 0.3}}, seed);
			return Array.from({length: 50}, () => injector.decide('GetBatch', true).outcome);
		};
		expect(draws(1)).toEqual(draws(1));
		expect(draws(1)).not.toEqual(draws(2));
		expect(new Set(draws(1))).toEqual(new Set(['throttle', 'error5xx', 'pass']));
	});

	it('merges the global row under the operation row', () => {
		const injector = new FaultInjector({'*': {latencyMs: 10, throttle: 1}, GetBatch: {throttle: 0}});
		expect(injector.decide('GetBatch', true)).toMatchObject({latencyMs: 10, outcome: 'pass'});
		expect(injector.decide('ListBatch', true).outcome).toBe('throttle');
	});
});
