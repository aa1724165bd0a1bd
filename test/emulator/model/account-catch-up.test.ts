import {describe, expect, it, vi} from 'vitest';
import {Account} from '../../../source/emulator/model/account.js';
import {catchUpAccount} from '../../../source/emulator/model/account-catch-up.js';
import {getBatchBody} from '../../../source/emulator/model/batch-views.js';
import {VirtualClock} from '../../../source/emulator/model/virtual-clock.js';
import type {BatchSpec} from '../../../source/emulator/scenario/scenario-schema.js';

const START = Date.parse('2026-11-01T00:00:00Z');
const BATCHES = 40;

/** An account whose batches were created over the last hours, none read yet. */
function oldAccount(): {clock: VirtualClock; account: Account} {
	const clock = new VirtualClock({mode: 'manual', startTime: START});
	const account = new Account({
		clock,
		seed: 9,
		region: 'us-east-1',
		accountId: '123456789012',
		defaults: {submitRate: 5, durations: {running: [60, 600]}},
	});
	for (let index = 0; index < BATCHES; index++) {
		const spec = {name: `old-${index}`, totalRuns: 50 + index * 10} as BatchSpec;
		account.create({spec, creationTime: START - (index + 1) * 600_000});
	}
	return {clock, account};
}

const caughtUp = (account: Account): number =>
	account.all().filter((record) => record.sim.time >= account.clock.now()).length;

describe('catching an account up', () => {
	it('goes batch by batch with a turn of the event loop between slices, and callers meanwhile share the pass', async () => {
		const {account} = oldAccount();
		const pass = catchUpAccount(account, 0);
		// With no time allowed per slice, one batch is done before the first turn of the event loop.
		expect(caughtUp(account)).toBe(1);
		expect(catchUpAccount(account, 0)).toBe(pass);
		await new Promise((resolve) => setImmediate(resolve));
		expect(caughtUp(account)).toBeGreaterThan(1);
		expect(caughtUp(account)).toBeLessThan(BATCHES);
		await pass;
		expect(caughtUp(account)).toBe(BATCHES);
	});

	it('settles the StartRun quota of many batches in steps too, yielding before any batch moves', async () => {
		const quotaAccount = () => {
			const clock = new VirtualClock({mode: 'manual', startTime: START});
			const account = new Account({
				clock,
				seed: 9,
				region: 'us-east-1',
				accountId: '123456789012',
				defaults: {submitRate: 5, durations: {running: [60, 600]}},
				startRunTps: 3,
			});
			// Batches joining and leaving the quota one after another: hundreds of changes to settle.
			for (let index = 0; index < 400; index++) {
				const spec = {name: `q-${index}`, totalRuns: 2} as BatchSpec;
				account.create({spec, creationTime: START - (index + 1) * 20_000});
			}
			return account;
		};
		const sliced = quotaAccount();
		const pass = catchUpAccount(sliced, 0);
		expect(caughtUp(sliced)).toBe(0);
		await pass;
		expect(caughtUp(sliced)).toBe(400);
		expect(sliced.list().map(getBatchBody)).toEqual(quotaAccount().list().map(getBatchBody));
	});

	it('reaches the state a synchronous read reaches', async () => {
		const sliced = oldAccount();
		const direct = oldAccount();
		sliced.clock.advance(1_800_000);
		direct.clock.advance(1_800_000);
		await catchUpAccount(sliced.account, 0);
		expect(sliced.account.list().map(getBatchBody)).toEqual(direct.account.list().map(getBatchBody));
	});

	it('starts by itself once the batches are created, before anything reads them', async () => {
		const {account} = oldAccount();
		expect(caughtUp(account)).toBe(0);
		await vi.waitFor(() => expect(caughtUp(account)).toBe(BATCHES));
	});
});
