/** High: GetBatch and discovery. Low: failure details, which get every 4th token while both wait. */
export type Priority = 'high' | 'low';

interface Waiter {
	readonly resolve: (release: () => void) => void;
	readonly reject: (error: Error) => void;
	readonly signal: AbortSignal | undefined;
	readonly queue: WaiterQueue;
	/** Granted, rejected or aborted: skipped when its queue reaches it (lazy removal). */
	settled: boolean;
}

/**
 * A FIFO whose entries are dropped lazily: an aborted waiter stays in place, marked settled, and is
 * skipped when it reaches the head, so that abort and grant are O(1) however many wait.
 */
class WaiterQueue {
	#items: Waiter[] = [];
	#head = 0;
	/** Waiters not yet settled. */
	live = 0;

	push(waiter: Waiter): void {
		this.#items.push(waiter);
		this.live += 1;
	}

	/** The oldest live waiter, removed; undefined when none is live. */
	shift(): Waiter | undefined {
		while (this.#head < this.#items.length) {
			const waiter = this.#items[this.#head++];
			if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
				this.#items = this.#items.slice(this.#head);
				this.#head = 0;
			}
			if (waiter && !waiter.settled) {
				this.live -= 1;
				return waiter;
			}
		}
		return undefined;
	}

	/** Every live waiter, removed. */
	drain(): Waiter[] {
		const rest = this.#items.slice(this.#head).filter((waiter) => !waiter.settled);
		this.#items = [];
		this.#head = 0;
		this.live = 0;
		return rest;
	}
}

/**
 * Seconds of rate that may be saved up: at start-up (or after a quiet spell) one GetBatch per batch
 * goes out at once instead of trickling in at 2/s; the average over any longer span stays at the rate.
 */
export const BURST_SECONDS = 10;

/** While both queues wait, one token in this many goes to low priority. */
const LOW_SHARE_EVERY = 4;

/**
 * Requests in flight across several budgets: the client's sockets are shared by every operation, so a
 * release in one budget may let a waiter of another go.
 */
export class RequestSlots {
	inFlight = 0;
	readonly max: number;
	readonly #pumps = new Set<() => void>();

	constructor(max = Number.POSITIVE_INFINITY) {
		this.max = Math.max(1, max);
	}

	/** Whether another request may be in flight now. */
	get free(): boolean {
		return this.inFlight < this.max;
	}

	/** Asks `pump` to grant again whenever a slot is freed; returns the unregister function. */
	onFreed(pump: () => void): () => void {
		this.#pumps.add(pump);
		return () => this.#pumps.delete(pump);
	}

	/** Frees one slot and lets every budget grant again. */
	release(): void {
		this.inFlight -= 1;
		for (const pump of this.#pumps) pump();
	}
}

export interface RequestBudgetOptions {
	readonly ratePerSecond: number;
	/** Tokens that may be saved up for a short burst; defaults to rate × BURST_SECONDS. */
	readonly burst?: number;
	/** Requests in flight at once (the sockets the client has): a request waits here, not for a socket. */
	readonly maxInFlight?: number;
	/** Slots shared with other budgets (replaces maxInFlight). */
	readonly slots?: RequestSlots;
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
	readonly #slots: RequestSlots;
	readonly #unregister: () => void;
	#inFlight = 0;
	#tokens: number;
	#refilledAt: number;
	#heldUntil = 0;
	#timer: NodeJS.Timeout | undefined;
	#closed = false;
	#paused = false;
	#highStreak = 0;
	readonly #high = new WaiterQueue();
	readonly #low = new WaiterQueue();
	/** The live waiters of each signal, with one abort listener per signal (not per waiter). */
	readonly #bySignal = new Map<AbortSignal, {waiters: Set<Waiter>; onAbort: () => void}>();
	readonly #granted: number[] = [];

	constructor(options: RequestBudgetOptions) {
		if (!(options.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
		this.ratePerSecond = options.ratePerSecond;
		this.burst = Math.max(1, options.burst ?? Math.round(options.ratePerSecond * BURST_SECONDS));
		this.#slots = options.slots ?? new RequestSlots(options.maxInFlight);
		this.maxInFlight = this.#slots.max;
		this.#unregister = this.#slots.onFreed(() => this.#pump());
		this.#now = options.now ?? Date.now;
		this.#tokens = this.burst;
		this.#refilledAt = this.#now();
	}

	/** Requests waiting for a token. */
	get waiting(): number {
		return this.#high.live + this.#low.live;
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
		if (signal?.aborted) return Promise.reject(new BudgetClosedError());
		return new Promise<() => void>((resolve, reject) => {
			const queue = priority === 'high' ? this.#high : this.#low;
			const waiter: Waiter = {resolve, reject, signal, queue, settled: false};
			queue.push(waiter);
			if (signal) this.#watch(signal, waiter);
			this.#pump();
		});
	}

	/** Adds a waiter to its signal's set, adding the signal's one listener if it is the first. */
	#watch(signal: AbortSignal, waiter: Waiter): void {
		let entry = this.#bySignal.get(signal);
		if (!entry) {
			const waiters = new Set<Waiter>();
			const onAbort = (): void => {
				this.#bySignal.delete(signal);
				for (const each of waiters) {
					// Still in its queue (lazily dropped there): it no longer counts as waiting.
					if (!each.settled) each.queue.live -= 1;
					this.#settle(each, new BudgetClosedError());
				}
				this.#pump();
			};
			entry = {waiters, onAbort};
			this.#bySignal.set(signal, entry);
			signal.addEventListener('abort', onAbort, {once: true});
		}
		entry.waiters.add(waiter);
	}

	/** Settles a waiter once (granted with `release`, or rejected with an error), forgetting its signal. */
	#settle(waiter: Waiter, outcome: Error | (() => void)): void {
		if (waiter.settled) return;
		waiter.settled = true;
		if (waiter.signal) {
			const entry = this.#bySignal.get(waiter.signal);
			if (entry) {
				entry.waiters.delete(waiter);
				// The listener goes with the signal's last waiter: a long session must not pile them up.
				if (entry.waiters.size === 0) {
					waiter.signal.removeEventListener('abort', entry.onAbort);
					this.#bySignal.delete(waiter.signal);
				}
			}
		}
		if (outcome instanceof Error) waiter.reject(outcome);
		else waiter.resolve(outcome);
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
		this.#unregister();
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
		for (const waiter of [...this.#high.drain(), ...this.#low.drain()])
			this.#settle(waiter, new BudgetClosedError());
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
			this.#slots.free
		) {
			// Polls come first, but a steady stream of them must not starve failure details forever.
			const lowTurn =
				this.#low.live > 0 && (this.#high.live === 0 || this.#highStreak >= LOW_SHARE_EVERY - 1);
			const waiter = lowTurn ? this.#low.shift() : this.#high.shift();
			if (!waiter) break;
			this.#highStreak = lowTurn ? 0 : this.#highStreak + 1;
			this.#tokens -= 1;
			this.#granted.push(now);
			this.#inFlight += 1;
			this.#slots.inFlight += 1;
			this.#settle(waiter, this.#releaser());
		}
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
		// Waiting for a slot: the next release pumps again.
		if (this.#paused || this.waiting === 0 || !this.#slots.free) return;
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
			// Pumps every budget sharing the slots, this one included.
			this.#slots.release();
		};
	}
}
