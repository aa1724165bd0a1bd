import type {PollerSnapshot} from '../../source/poller/poller-state.js';

/** A poller snapshot with no batches, not paused, at rest; `extra` sets the rest. */
export const pollerSnapshot = (extra: Partial<PollerSnapshot> = {}): PollerSnapshot => ({
	batches: [],
	paused: false,
	requestsPerSecond: 0,
	budgetPerSecond: 2,
	...extra,
});
