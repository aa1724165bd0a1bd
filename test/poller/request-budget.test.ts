import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {getEventListeners} from 'node:events';
import {BURST_SECONDS, RequestBudget, RequestSlots} from '../../source/poller/request-budget.js';

describe('RequestBudget', () => {
	beforeEach(() => vi.useFakeTimers({now: 0}));
	afterEach(() => vi.useRealTimers());

	it('grants at most burst + rate x t over any span', async () => {
		const budget = new RequestBudget({ratePerSecond: 2});
		expect(budget.burst).toBe(2 * BURST_SECONDS);
		const granted: number[] = [];
		for (let i = 0; i < 80; i++) void budget.acquire('high').then(() => granted.push(Date.now()));
		await vi.advanceTimersByTimeAsync(40_000);
		expect(granted).toHaveLength(80);
		// The saved-up burst goes at once; after that, the rate.
		expect(granted.filter((t) => t === 0)).toHaveLength(budget.burst);
		for (let i = 0; i < granted.length; i++) {
			const inWindow = granted.filter((t) => t >= (granted[i] ?? 0) && t < (granted[i] ?? 0) + 5_000).length;
			expect(inWindow).toBeLessThanOrEqual(budget.burst + 2 * 5);
		}
		budget.close();
	});

	it('serves high priority first but never starves low priority', async () => {
		const budget = new RequestBudget({ratePerSecond: 1, burst: 1});
		const order: string[] = [];
		for (let i = 0; i < 12; i++) void budget.acquire('high').then(() => order.push('h'));
		for (let i = 0; i < 3; i++) void budget.acquire('low').then(() => order.push('l'));
		await vi.advanceTimersByTimeAsync(20_000);
		expect(order.join('')).toBe('hhhlhhhlhhhlhhh');
		budget.close();
	});

	it('grants nothing while paused, then what waited, in order, on resume', async () => {
		const budget = new RequestBudget({ratePerSecond: 10});
		budget.pause();
		const order: string[] = [];
		void budget.acquire('low').then(() => order.push('l'));
		void budget.acquire('high').then(() => order.push('h'));
		await vi.advanceTimersByTimeAsync(60_000);
		expect(order).toEqual([]);
		budget.resume();
		await vi.advanceTimersByTimeAsync(1);
		expect(order).toEqual(['h', 'l']);
		budget.close();
	});

	it('holds every request until a Retry-After has passed', async () => {
		const budget = new RequestBudget({ratePerSecond: 10});
		budget.holdUntil(5_000);
		let at = -1;
		void budget.acquire('high').then(() => (at = Date.now()));
		await vi.advanceTimersByTimeAsync(10_000);
		expect(at).toBe(5_000);
		budget.close();
	});

	it('rejects waiters when closed or aborted, and removes its abort listeners once granted', async () => {
		const budget = new RequestBudget({ratePerSecond: 1, burst: 1});
		const controller = new AbortController();
		await budget.acquire('high', controller.signal);
		const waiting = budget.acquire('high', controller.signal);
		controller.abort();
		await expect(waiting).rejects.toThrow();
		const closed = budget.acquire('low');
		budget.close();
		await expect(closed).rejects.toThrow(/closed/);
	});

	it('keeps one abort listener per signal, not per waiter, with 10,000 waiters (O(1) acquire and abort)', async () => {
		const budget = new RequestBudget({ratePerSecond: 1, burst: 1});
		const shared = new AbortController();
		const own = Array.from({length: 10_000}, () => new AbortController());
		const outcomes = {granted: [] as number[], rejected: 0};
		for (let i = 0; i < 10_000; i++) {
			void budget.acquire(i % 2 === 0 ? 'high' : 'low', shared.signal).then(
				() => outcomes.granted.push(i),
				() => (outcomes.rejected += 1),
			);
		}
		for (let i = 0; i < own.length; i++)
			void budget.acquire('low', own[i]?.signal).then(
				() => outcomes.granted.push(10_000 + i),
				() => (outcomes.rejected += 1),
			);
		expect(getEventListeners(shared.signal, 'abort')).toHaveLength(1);
		expect(getEventListeners(own[0]!.signal, 'abort')).toHaveLength(1);
		expect(budget.waiting).toBe(19_999);
		// Aborting every other own waiter drops it at once, without a scan of the queue.
		for (let i = 0; i < own.length; i += 2) own[i]?.abort();
		expect(budget.waiting).toBe(19_999 - 5_000);
		shared.abort();
		await vi.advanceTimersByTimeAsync(0);
		expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
		expect(budget.waiting).toBe(5_000);
		expect(outcomes.rejected).toBe(10_000 - 1 + 5_000);
		// What is left goes in order, skipping the aborted ones; a granted waiter's listener is gone.
		await vi.advanceTimersByTimeAsync(10_000);
		const own1 = outcomes.granted.filter((id) => id >= 10_000).slice(0, 5);
		expect(own1).toEqual([10_001, 10_003, 10_005, 10_007, 10_009].slice(0, own1.length));
		expect(getEventListeners(own[1]!.signal, 'abort')).toHaveLength(0);
		budget.close();
	});

	it('shares in-flight slots between budgets: a release in one lets a waiter of another go', async () => {
		const slots = new RequestSlots(1);
		const a = new RequestBudget({ratePerSecond: 10, slots});
		const b = new RequestBudget({ratePerSecond: 10, slots});
		const releaseA = await a.acquire('high');
		let bGranted = false;
		void b.acquire('high').then(() => (bGranted = true));
		await vi.advanceTimersByTimeAsync(1_000);
		expect(bGranted).toBe(false);
		releaseA();
		await vi.advanceTimersByTimeAsync(0);
		expect(bGranted).toBe(true);
		a.close();
		b.close();
	});
});
