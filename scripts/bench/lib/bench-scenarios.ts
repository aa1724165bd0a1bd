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
			// A second apart, within ~17 minutes: older ones would have finished and dropped off the watch.
			createdAgo: 600 + (index % 1_000),
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

/**
 * A big account: `count` batches of 20-216 runs, one created every 25 s over days (most finished,
 * a few submitting or running), with a StartRun quota large enough not to be what is measured.
 */
export function manyBatches(count = 10_000): object {
	return {
		description: `${count} batches over ${Math.round((count * 25) / 86_400)} days`,
		seed: 13,
		account: {startRunTps: 1_000},
		defaults: {
			submitRate: 2,
			runFailureShare: 0.02,
			durations: {pending: [5, 20], starting: [10, 40], running: [300, 900]},
		},
		batches: Array.from({length: count}, (_, index) => ({
			name: `many-${String(index + 1).padStart(5, '0')}`,
			totalRuns: 20 + (index % 50) * 4,
			createdAgo: 30 + index * 25,
			...(index % 97 === 5 ? {actions: [{at: 40, do: 'cancel'}]} : {}),
			...(index % 89 === 7 ? {actions: [{at: 0, do: 'deleteRuns'}]} : {}),
		})),
	};
}
