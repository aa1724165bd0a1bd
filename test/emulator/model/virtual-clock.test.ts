import {describe, expect, it} from 'vitest';
import {VirtualClock} from '../../../source/emulator/model/virtual-clock.js';

describe('VirtualClock', () => {
	it('runs `speed` times faster than the real clock, and keeps time when the speed changes', () => {
		let real = 1000;
		const clock = new VirtualClock({startTime: 0, speed: 60, realNow: () => real});
		real += 1000;
		expect(clock.now()).toBe(60_000);
		clock.setSpeed(1);
		real += 1000;
		expect(clock.now()).toBe(61_000);
	});

	it('moves only on advance() in manual mode', () => {
		const clock = new VirtualClock({mode: 'manual', startTime: 5});
		expect(clock.now()).toBe(5);
		clock.advance(10);
		expect(clock.now()).toBe(15);
	});

	it('refuses a non-positive speed and a backwards advance', () => {
		expect(() => new VirtualClock({speed: 0})).toThrow(RangeError);
		expect(() => new VirtualClock({mode: 'manual'}).advance(-1)).toThrow(RangeError);
	});
});
