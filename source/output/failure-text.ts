import type {FailureGroup} from '../domain/failure-groups.js';
import {groupThousands} from '../domain/thousands.js';

/** Failed runs or failed start submissions: the two lists HealthOmics gives reasons for. */
export type FailureKind = 'run' | 'submission';

/** What an example id of a kind is: a run id, or the entry's run setting id. */
export const exampleNoun = (kind: FailureKind): string => (kind === 'run' ? 'run' : 'run setting');

/** "failed runs" / "failed submissions". */
export const kindNoun = (kind: FailureKind): string =>
	kind === 'run' ? 'failed runs' : 'failed submissions';

/**
 * "TASK_FAILED: Task 'bwa' exited with 137 (e.g. run 3628869)": a group's reason, its whole message
 * (sanitised where it was read, at most 500 characters) and one example id. Nothing is cut here.
 */
export function failureGroupText(group: FailureGroup, kind: FailureKind): string {
	const example = group.examples[0];
	return `${group.reason}${group.message ? `: ${group.message}` : ''}${example ? ` (e.g. ${exampleNoun(kind)} ${example})` : ''}`;
}

/** "4 × TASK_FAILED: … (e.g. run 3628869)" ("4 x" in ASCII): a group with its count, for summaries and --once. */
export function countedGroupText(group: FailureGroup, kind: FailureKind, ascii = false): string {
	return `${groupThousands(group.count)} ${ascii ? 'x' : '×'} ${failureGroupText(group, kind)}`;
}
