// Scenarios the bench generates: sizes and speeds chosen so that batches stay active for the whole measurement.

/** `count` batches, all active (submitting or running) for hours of virtual time. */
export function activeBatches(count: number, totalRuns = 5_000): object {
	return {
		description: `${count} active batches for the benchmarks`,
		seed: 7,
		// Room for every batch's own submitRate, so that they stay spread over submitting and running.
		account: {startRunTps: count * 0.5},
		defaults: {
			submitRate: 0.5,
			runFailureShare: 0.01,
			durations: {pending: [5, 30], starting: [20, 90], running: [3_600, 7_200]},
		},
		batches: Array.from({length: count}, (_, index) => ({
			name: `bench-${String(index + 1).padStart(4, '0')}`,
			totalRuns,
			createdAgo: 600 + index,
		})),
	};
}

/** Ten batches of 100,000 runs, an hour into submission: the emulator's heaviest realistic load. */
export function largeBatches(count = 10): object {
	return {
		description: `${count} batches of 100,000 runs`,
		seed: 11,
		// Room for every batch's own 8/s: an hour in, each is a third of the way through submitting.
		account: {startRunTps: count * 8},
		defaults: {submitRate: 8, runFailureShare: 0.01, durations: {running: [900, 3_600]}},
		batches: Array.from({length: count}, (_, index) => ({
			name: `large-${index + 1}`,
			totalRuns: 100_000,
			createdAgo: 3_600,
		})),
	};
}
