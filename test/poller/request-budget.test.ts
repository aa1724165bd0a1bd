import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {BURST_SECONDS, RequestBudget} from '../../source/poller/request-budget.js';

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
});
