import {OPERATIONS, budgetProblem, type Operation} from '../poller/operation-budgets.js';
import {UsageError} from './exit-codes.js';

/**
 * `--budget GetRun=8,ListRuns=4` (or the config file's `budget`): requests per second by operation,
 * each checked against its documented quota (one line naming the limit when above it).
 */
export function parseBudgets(raw: string, label: string): Partial<Record<Operation, number>> {
	const budgets: Partial<Record<Operation, number>> = {};
	for (const part of raw.split(',')) {
		const match = /^\s*([A-Za-z]+)\s*=\s*([0-9]*\.?[0-9]+)\s*$/.exec(part);
		if (!match)
			throw new UsageError(`${label} must be OPERATION=N[,OPERATION=N...] such as GetRun=8, got "${raw}"`);
		const name = match[1] ?? '';
		const operation = OPERATIONS.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
		if (!operation)
			throw new UsageError(
				`${label}: unknown operation "${name}"; the operations are ${OPERATIONS.join(', ')}`,
			);
		const tps = Number(match[2]);
		const problem =
			budgetProblem(operation, tps) ??
			(tps > 1000 ? `${operation} budget must be at most 1000/s` : undefined);
		if (problem) throw new UsageError(`${label}: ${problem}`);
		budgets[operation] = tps;
	}
	return budgets;
}

/** The canonical text of a budget list, as --print-config and a config file write it. */
export function budgetsText(budgets: Partial<Record<Operation, number>>): string {
	return OPERATIONS.filter((operation) => budgets[operation] !== undefined)
		.map((operation) => `${operation}=${budgets[operation]}`)
		.join(',');
}
