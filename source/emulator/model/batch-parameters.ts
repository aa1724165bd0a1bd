import type {Behaviour} from '../scenario/scenario-schema.js';

export type Range = readonly [number, number];

/** Fully resolved simulation parameters of one batch (seconds are virtual). */
export interface BatchParameters {
	submitRate: number;
	submissionFailureShare: number;
	runFailureShare: number;
	cancelFailureShare: number;
	deleteFailureShare: number;
	cancelRate: number;
	deleteRate: number;
	hostileText: boolean;
	durations: {
		creating: Range;
		validating: Range;
		pending: Range;
		starting: Range;
		running: Range;
		stopping: Range;
	};
}

/** Defaults chosen to look like a real account at speed 1: minutes-long runs, a few StartRun per second. */
export const DEFAULT_PARAMETERS: BatchParameters = {
	submitRate: 2,
	submissionFailureShare: 0,
	runFailureShare: 0,
	cancelFailureShare: 0,
	deleteFailureShare: 0,
	cancelRate: 10,
	deleteRate: 10,
	hostileText: false,
	durations: {
		creating: [1, 3],
		validating: [3, 8],
		pending: [5, 30],
		starting: [20, 90],
		running: [300, 1800],
		stopping: [5, 30],
	},
};

/** Layers behaviour settings (defaults, then scenario defaults, then the batch's own) into parameters. */
export function resolveParameters(...layers: Array<Behaviour | undefined>): BatchParameters {
	const result: BatchParameters = {...DEFAULT_PARAMETERS, durations: {...DEFAULT_PARAMETERS.durations}};
	for (const layer of layers) {
		if (!layer) continue;
		const {durations, ...rest} = layer;
		for (const [key, value] of Object.entries(rest)) {
			if (value !== undefined) (result as unknown as Record<string, unknown>)[key] = value;
		}
		for (const [key, value] of Object.entries(durations ?? {})) {
			if (value !== undefined) result.durations[key as keyof BatchParameters['durations']] = value;
		}
	}
	return result;
}
