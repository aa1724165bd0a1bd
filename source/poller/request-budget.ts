/** High: GetBatch and discovery. Low: failure details, which get every 4th token while both wait. */
export type Priority = 'high' | 'low';

interface Waiter {
	readonly resolve: (release: () => void) => void;
	readonly reject: (error: Error) => void;
}

/**
 * Seconds of rate that may be saved up: at start-up (or after a quiet spell) one GetBatch per batch
 * goes out at once instead of trickling in at 2/s; the average over any longer span stays at the rate.
 */
export const BURST_SECONDS = 10;

/** While both queues wait, one token in this many goes to low priority. */
const LOW_SHARE_EVERY = 4;

export interface RequestBudgetOptions {
	readonly ratePerSecond: number;
	/** Tokens that may be saved up for a short burst; defaults to rate × BURST_SECONDS. */
	readonly burst?: number;
	/** Requests in flight at once (the sockets the client has): a request waits here, not for a socket. */
	readonly maxInFlight?: number;
	readonly now?: () => number;
}

/** Thrown to waiters when the budget is disposed (the poller stopped). */
export class BudgetClosedError extends Error {
	constructor() {
		super('request budget closed');
		this.name = 'AbortError';
	}
}

/**
 * One token bucket for every HealthOmics call the monitor makes, whatever the number of batches:
 * at most `burst + rate × t` requests in any span of t seconds, and at most `maxInFlight` at once, so
 * that a granted request is sent at once and its deadline never runs while it queues for a socket.
 * After a throttle, `holdUntil` stops all traffic until the service's Retry-After has passed.
 */
export class RequestBudget {
	readonly ratePerSecond: number;
	readonly burst: number;
	readonly maxInFlight: number;
	readonly #now: () => number;
	#inFlight = 0;
	#tokens: number;
	#refilledAt: number;
	#heldUntil = 0;
	#timer: NodeJS.Timeout | undefined;
	#closed = false;
	#paused = false;
	#highStreak = 0;
	readonly #high: Waiter[] = [];
	readonly #low: Waiter[] = [];
	readonly #granted: number[] = [];

	constructor(options: RequestBudgetOptions) {
		if (!(options.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
		this.ratePerSecond = options.ratePerSecond;
		this.burst = Math.max(1, options.burst ?? Math.round(options.ratePerSecond * BURST_SECONDS));
		this.maxInFlight = Math.max(1, options.maxInFlight ?? Number.POSITIVE_INFINITY);
		this.#now = options.now ?? Date.now;
		this.#tokens = this.burst;
		this.#refilledAt = this.#now();
	}

	/** Requests waiting for a token. */
	get waiting(): number {
		return this.#high.length + this.#low.length;
	}

	/** Requests granted and not yet released. */
	get inFlight(): number {
		return this.#inFlight;
	}

	/** Runs one request when the budget allows (high priority first), releasing its slot when it settles. */
	async run<T>(priority: Priority, signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T> {
		const release = await this.acquire(priority, signal);
		try {
			return await request();
		} finally {
			release();
		}
	}

	/**
	 * Resolves with a release function when a request may be sent; call it once the request has
	 * settled. High priority is always served first.
	 */
	acquire(priority: Priority, signal?: AbortSignal): Promise<() => void> {
		if (this.#closed) return Promise.reject(new BudgetClosedError());
		return new Promise<() => void>((resolve, reject) => {
			const queue = priority === 'high' ? this.#high : this.#low;
			const onAbort = (): void => {
				const index = queue.indexOf(waiter);
				if (index !== -1) queue.splice(index, 1);
				reject(new BudgetClosedError());
			};
			// The listener goes as soon as the token is granted: a long session must not pile them up.
			const waiter: Waiter = {
				resolve: (release) => {
					signal?.removeEventListener('abort', onAbort);
					resolve(release);
				},
				reject: (error) => {
					signal?.removeEventListener('abort', onAbort);
					reject(error);
				},
			};
			queue.push(waiter);
			signal?.addEventListener('abort', onAbort, {once: true});
			this.#pump();
		});
	}

	/** Lets nothing through before `time` (epoch ms), e.g. a throttle's Retry-After. */
	holdUntil(time: number): void {
		if (time <= this.#heldUntil) return;
		this.#heldUntil = time;
		this.#tokens = Math.min(this.#tokens, 1);
		this.#pump();
	}

	/** Grants nothing until resume(): a paused monitor sends nothing, failure details included. */
	pause(): void {
		this.#paused = true;
	}

	/** Grants again, in order, what waited while paused. */
	resume(): void {
		this.#paused = false;
		this.#pump();
	}

	/** Requests granted within the last `ms` milliseconds. */
	grantedWithin(ms: number): number {
		const since = this.#now() - ms;
		while (this.#granted.length > 0 && (this.#granted[0] ?? 0) < this.#now() - 60_000) this.#granted.shift();
		let count = 0;
		for (let index = this.#granted.length - 1; index >= 0 && (this.#granted[index] ?? 0) >= since; index--)
			count++;
		return count;
	}

	/** Rejects every waiter and refuses new ones. */
	close(): void {
		this.#closed = true;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
		for (const waiter of [...this.#high.splice(0), ...this.#low.splice(0)])
			waiter.reject(new BudgetClosedError());
	}

	#pump(): void {
		if (this.#closed) return;
		const now = this.#now();
		this.#tokens = Math.min(
			this.burst,
			this.#tokens + ((now - this.#refilledAt) / 1000) * this.ratePerSecond,
		);
		this.#refilledAt = now;
		while (
			!this.#paused &&
			this.waiting > 0 &&
			this.#tokens >= 1 &&
			now >= this.#heldUntil &&
			this.#inFlight < this.maxInFlight
		) {
			// Polls come first, but a steady stream of them must not starve failure details forever.
			const lowTurn =
				this.#low.length > 0 && (this.#high.length === 0 || this.#highStreak >= LOW_SHARE_EVERY - 1);
			const waiter = lowTurn ? this.#low.shift() : this.#high.shift();
			if (!waiter) break;
			this.#highStreak = lowTurn ? 0 : this.#highStreak + 1;
			this.#tokens -= 1;
			this.#granted.push(now);
			this.#inFlight += 1;
			waiter.resolve(this.#releaser());
		}
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
		// Waiting for a slot: the next release pumps again.
		if (this.#paused || this.waiting === 0 || this.#inFlight >= this.maxInFlight) return;
		const tokenAt = now + ((1 - this.#tokens) / this.ratePerSecond) * 1000;
		const at = Math.max(tokenAt, this.#heldUntil);
		this.#timer = setTimeout(() => this.#pump(), Math.max(1, Math.ceil(at - now)));
	}

	#releaser(): () => void {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#inFlight -= 1;
			this.#pump();
		};
	}
}
