import {describe, expect, it} from 'vitest';
import {runScreenWalk, type WalkOptions} from '../helpers/screen-walk.js';

// The screen never lies: the full-screen monitor's exact bytes go into @xterm/headless while a seeded random
// walk presses every key of the bindings table, changes the batches (appearing, vanishing, changing status
// and counts, failing to answer and recovering, failure reasons loading) and resizes the window (to the
// too-small screen and back, and width alone). After every step the screen must equal a fresh paint of the
// frame, cell for cell, text and attributes. Each CI run walks new ground; a failure names its seed:
// BATCHTOP_WALK_SEED=<seed> npx vitest run test/e2e/screen-truth.test.ts walks the same steps again.

const seed = Number(process.env['BATCHTOP_WALK_SEED'] ?? Math.floor(Math.random() * 2 ** 31));

async function expectTruthfulWalk(options: WalkOptions): Promise<void> {
	const result = await runScreenWalk(options);
	const failure = result.failure;
	expect(
		failure
			? `seed ${options.seed}, step ${failure.step}: ${failure.what}\nlast steps:\n  ${failure.history.join('\n  ')}\nscreen (! shown, = fresh paint):\n${failure.detail}`
			: undefined,
	).toBeUndefined();
	expect(result.steps).toBe(options.steps);
}

describe(`the screen equals a fresh paint after every step (seed ${seed})`, () => {
	it('2,000 steps on the alternate screen, in colour', async () => {
		await expectTruthfulWalk({seed, steps: 2_000});
	}, 240_000);

	it('300 steps on the normal screen (--no-alt-screen)', async () => {
		await expectTruthfulWalk({seed: seed + 1, steps: 300, normalScreen: true});
	}, 60_000);

	it('300 steps in ASCII without colour', async () => {
		await expectTruthfulWalk({seed: seed + 2, steps: 300, ascii: true, color: false});
	}, 60_000);
});
