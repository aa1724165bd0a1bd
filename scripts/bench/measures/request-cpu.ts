// 4. Cost that grows no faster than the work: the CLI's CPU per request with few and with many batches.
import {scaleMemory, type ScaleMemory} from './scale-memory.js';

export interface RequestCpu {
	readonly small: ScaleMemory[];
	readonly large: ScaleMemory[];
}

/**
 * The real CLI at --max-rps 50 once every batch has answered (so that each second sends 50 polls), with
 * `small` and then `large` batches, `runs` times each, alternating so that a busy machine weighs on both.
 */
export async function requestCpu(
	small: number,
	large: number,
	seconds: number,
	runs: number,
): Promise<RequestCpu> {
	const result: RequestCpu = {small: [], large: []};
	for (let run = 0; run < runs; run++) {
		result.small.push(await scaleMemory(small, seconds, {maxRps: 50, afterEveryPoll: true}));
		result.large.push(await scaleMemory(large, seconds, {maxRps: 50, afterEveryPoll: true}));
	}
	return result;
}
