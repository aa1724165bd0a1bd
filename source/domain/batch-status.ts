/** Statuses the monitor knows; anything else from the API is kept raw and classed "unknown". */
export const ACTIVE_STATUSES = [
	'CREATING',
	'PENDING',
	'SUBMITTING',
	'INPROGRESS',
	'STOPPING',
	'RUNS_DELETING',
] as const;
export const TERMINAL_STATUSES = [
	'PROCESSED',
	'FAILED',
	'CANCELLED',
	'RUNS_DELETED',
	'RUNS_DELETE_FAILED',
] as const;
export const KNOWN_STATUSES = [...ACTIVE_STATUSES, ...TERMINAL_STATUSES] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];
export type StatusClass = 'active' | 'terminal' | 'unknown';

const ACTIVE: ReadonlySet<string> = new Set(ACTIVE_STATUSES);
const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STATUSES);

/** Whether a status still changes (active), never will (terminal), or is new to this version (unknown). */
export function statusClass(status: string | undefined): StatusClass {
	if (status !== undefined && ACTIVE.has(status)) return 'active';
	if (status !== undefined && TERMINAL.has(status)) return 'terminal';
	return 'unknown';
}

/** Statuses in which runs are still being started or executed (STOPPING: the cancelled ones are stopping). */
const RUNS_GOING: ReadonlySet<string> = new Set([
	'CREATING',
	'PENDING',
	'SUBMITTING',
	'INPROGRESS',
	'STOPPING',
]);

/**
 * Whether the batch's runs are over, `status` known: every run ended (PROCESSED), the batch broke
 * (FAILED), it was cancelled, or its runs are being or have been deleted. Undefined for a status this
 * version does not know.
 */
export function runsOver(status: string): boolean | undefined {
	if (RUNS_GOING.has(status)) return false;
	if (statusClass(status) === 'unknown') return undefined;
	return true;
}

/** Whether runs are being, or have been, deleted: their outcomes are gone from the counts. */
export function runsDeleted(status: string): boolean {
	return status === 'RUNS_DELETING' || status === 'RUNS_DELETED' || status === 'RUNS_DELETE_FAILED';
}
