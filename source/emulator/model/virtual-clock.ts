/** Where virtual time comes from: the wall clock scaled by a speed factor, or only explicit advances. */
export type ClockMode = 'real' | 'manual';

export interface VirtualClockOptions {
	/** Virtual epoch milliseconds at start; defaults to the wall clock, so timestamps look current. */
	startTime?: number;
	/** Virtual seconds per real second (real mode). */
	speed?: number;
	mode?: ClockMode;
	/** Injected for tests of the clock itself. */
	realNow?: () => number;
}

/** Simulation time: runs `speed` times faster than the wall clock and can be pushed forward on demand. */
export class VirtualClock {
	readonly mode: ClockMode;
	readonly startTime: number;
	#speed: number;
	#realOrigin: number;
	#virtualOrigin: number;
	readonly #realNow: () => number;

	constructor(options: VirtualClockOptions = {}) {
		this.#realNow = options.realNow ?? (() => performance.now());
		this.mode = options.mode ?? 'real';
		this.startTime = options.startTime ?? Date.now();
		this.#speed = options.speed ?? 1;
		if (!(this.#speed > 0) || !Number.isFinite(this.#speed)) {
			throw new RangeError(`speed must be a positive number, got ${String(options.speed)}`);
		}
		this.#realOrigin = this.#realNow();
		this.#virtualOrigin = this.startTime;
	}

	get speed(): number {
		return this.#speed;
	}

	/** Current virtual time in epoch milliseconds; never goes backwards. */
	now(): number {
		if (this.mode === 'manual') return this.#virtualOrigin;
		return this.#virtualOrigin + (this.#realNow() - this.#realOrigin) * this.#speed;
	}

	/** Jumps virtual time forward (tests, `/__emulator/advance`). */
	advance(ms: number): void {
		if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`cannot advance the clock by ${ms} ms`);
		this.#virtualOrigin += ms;
	}

	/** Changes the speed from now on without a jump in virtual time. */
	setSpeed(speed: number): void {
		if (!(speed > 0) || !Number.isFinite(speed))
			throw new RangeError(`speed must be a positive number, got ${speed}`);
		this.#virtualOrigin = this.now();
		this.#realOrigin = this.#realNow();
		this.#speed = speed;
	}
}
