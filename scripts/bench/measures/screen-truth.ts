import {runScreenWalk} from '../../../test/helpers/screen-walk.js';

export interface ScreenTruth {
	readonly seed: number;
	readonly steps: number;
	readonly failedSteps: number;
	readonly checkedCells: number;
	readonly ms: number;
	/** The first failing step, as the walk describes it. */
	readonly failure?: string;
}

/** The screen-truth walk of the tests, longer: every step's screen against a fresh paint of its frame. */
export async function screenTruth(steps: number): Promise<ScreenTruth> {
	const seed = Number(process.env['BATCHTOP_WALK_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
	const started = performance.now();
	const result = await runScreenWalk({seed, steps});
	return {
		seed,
		steps: result.steps,
		failedSteps: result.failure ? 1 : 0,
		checkedCells: result.checkedCells,
		ms: performance.now() - started,
		...(result.failure ? {failure: `step ${result.failure.step}: ${result.failure.what}`} : {}),
	};
}
