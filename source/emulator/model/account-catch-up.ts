import {setImmediate as afterPendingIo} from 'node:timers';
import type {Account} from './account.js';

/** How long one slice of catch-up may hold the event loop before other requests get their turn. */
export const CATCH_UP_SLICE_MS = 10;

const passes = new WeakMap<Account, Promise<void>>();
const scheduled = new WeakSet<Account>();

/**
 * Brings every live batch of the account up to the current virtual time without holding the event
 * loop for long: batches are advanced in slices of about CATCH_UP_SLICE_MS, with a turn of the event
 * loop (pending I/O first) between slices, so that requests arriving meanwhile are answered in between.
 * Callers during a pass share it; what moved since a batch was caught up is left to the caller's own
 * (synchronous, now small) advance.
 */
export function catchUpAccount(account: Account, sliceMs = CATCH_UP_SLICE_MS): Promise<void> {
	const running = passes.get(account);
	if (running) return running;
	const pass = catchUpPass(account, sliceMs).finally(() => passes.delete(account));
	passes.set(account, pass);
	return pass;
}

/**
 * Starts a catch-up pass once the current work (the scenario's batches being created) is done, so that
 * a first read finds the history already computed; it never keeps the process alive on its own.
 */
export function catchUpSoon(account: Account): void {
	if (scheduled.has(account)) return;
	scheduled.add(account);
	afterPendingIo(() => void catchUpAccount(account)).unref();
}

/** Joins and leaves of the StartRun quota settled between two looks at the slice's clock. */
const QUOTA_STEP = 64;

async function catchUpPass(account: Account, sliceMs: number): Promise<void> {
	let sliceStarted = performance.now();
	// The quota first, in steps: every batch's advance settles it up to now, in one piece otherwise.
	const target = account.clock.now();
	while (!account.syncQuotaSome(target, QUOTA_STEP)) {
		if (performance.now() - sliceStarted >= sliceMs) {
			await new Promise<void>((resolve) => afterPendingIo(resolve));
			sliceStarted = performance.now();
		}
	}
	// Batches created during the pass are appended to the same list and start from their creation: cheap.
	for (const record of account.all()) {
		if (record.deleted) continue;
		record.sim.advanceTo(account.clock.now());
		if (performance.now() - sliceStarted >= sliceMs) {
			await new Promise<void>((resolve) => afterPendingIo(resolve));
			sliceStarted = performance.now();
		}
	}
}
