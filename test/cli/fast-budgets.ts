/**
 * Each operation's budget at its documented quota (the most --budget allows), the batch operations
 * (no documented quota) higher: `batchtop failures` reads a failed run with 4 calls of 4 operations.
 */
export const FAST_BUDGETS = [
	'--budget',
	'GetRun=10,ListRuns=10,ListRunTasks=10,GetRunTask=10,ListRunsInBatch=500',
	'--max-rps',
	'500',
];
