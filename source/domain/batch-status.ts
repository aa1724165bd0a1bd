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
