// A small scenario for the quick run in CI: every phase and fate within a few virtual minutes.
export function quickScenario(): object {
	return {
		description: 'quick bench: four small batches that finish within minutes',
		seed: 3,
		// Four batches at 2/s each: a quota that lets each keep its own rate.
		account: {startRunTps: 8},
		defaults: {submitRate: 2, durations: {pending: [2, 5], starting: [2, 5], running: [20, 60]}},
		batches: [
			{name: 'quick-ok', totalRuns: 40},
			{name: 'quick-failures', totalRuns: 30, runFailureShare: 0.2},
			{name: 'quick-cancel', totalRuns: 60, actions: [{at: 30, do: 'cancel'}]},
			{name: 'quick-done', totalRuns: 10, createdAgo: 600},
		],
	};
}
