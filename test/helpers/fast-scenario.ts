import type {Scenario} from '../../source/emulator/index.js';

/**
 * Emulator defaults for CLI and terminal tests: 10 submissions/s and lifetimes of seconds, so that with
 * the CLI polling every 0.2-1 s a whole batch comes and goes in a couple of seconds of test time.
 */
export const FAST_DEFAULTS = {
	submitRate: 10,
	durations: {
		creating: [1, 2],
		validating: [2, 3],
		pending: [2, 5],
		starting: [2, 5],
		running: [60, 120],
		stopping: [2, 5],
	},
} as Scenario['defaults'];

/** An account whose StartRun quota never binds in these tests: every batch submits at its own submitRate. */
export const FAST_ACCOUNT = {startRunTps: 1000} as Scenario['account'];

/** FAST_DEFAULTS with runs that stay RUNNING for 10-15 minutes: a batch that is still there to cancel or read. */
export const LONG_RUNNING_DEFAULTS = {
	...FAST_DEFAULTS,
	durations: {...FAST_DEFAULTS?.durations, running: [600, 900]},
} as Scenario['defaults'];
