import {BURST_SECONDS, RequestBudget, RequestSlots, type Priority} from './request-budget.js';

/** Every API operation the monitor calls, each with its own per-account TPS quota and so its own budget. */
export const OPERATIONS = [
	'GetBatch',
	'ListBatch',
	'ListRunsInBatch',
	'ListRuns',
	'GetRun',
	'ListRunTasks',
	'GetRunTask',
	'GetLogEvents',
	'FilterLogEvents',
	'DescribeLogStreams',
	// The one write (--allow-cancel, the `c` key): high priority, one at a time (poller/batch-canceller.ts).
	'CancelRunBatch',
] as const;

export type Operation = (typeof OPERATIONS)[number];

const HEALTHOMICS_QUOTAS = 'https://docs.aws.amazon.com/omics/latest/dev/api-quotas.html';
const LOGS_QUOTAS = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html';

/** What the service allows an account for one operation, and where that is written. */
export interface OperationQuota {
	/** The account's default TPS per Region; for an undocumented one, the GetRun-like figure assumed. */
	readonly quotaTps: number;
	/** Whether `quotaTps` is published (a budget above it is refused) or assumed. */
	readonly documented: boolean;
	readonly source: string;
}

/**
 * The published per-account, per-Region quotas (checked 2026-12-01). HealthOmics publishes none for
 * the batch operations: like the API fact sheet, batchtop assumes a GetRun-like 10 TPS for them, and
 * does not refuse a higher budget (the emulator and tests need more; a real account throttles instead).
 */
export const OPERATION_QUOTAS: Readonly<Record<Operation, OperationQuota>> = {
	GetBatch: {quotaTps: 10, documented: false, source: HEALTHOMICS_QUOTAS},
	ListBatch: {quotaTps: 10, documented: false, source: HEALTHOMICS_QUOTAS},
	ListRunsInBatch: {quotaTps: 10, documented: false, source: HEALTHOMICS_QUOTAS},
	ListRuns: {quotaTps: 10, documented: true, source: HEALTHOMICS_QUOTAS},
	GetRun: {quotaTps: 10, documented: true, source: HEALTHOMICS_QUOTAS},
	ListRunTasks: {quotaTps: 10, documented: true, source: HEALTHOMICS_QUOTAS},
	GetRunTask: {quotaTps: 10, documented: true, source: HEALTHOMICS_QUOTAS},
	GetLogEvents: {quotaTps: 25, documented: true, source: LOGS_QUOTAS},
	FilterLogEvents: {quotaTps: 5, documented: true, source: LOGS_QUOTAS},
	DescribeLogStreams: {quotaTps: 5, documented: true, source: LOGS_QUOTAS},
	// Not published; the API fact sheet says it draws on the CancelRun quota (10 TPS): that figure, assumed.
	CancelRunBatch: {quotaTps: 10, documented: false, source: HEALTHOMICS_QUOTAS},
};

/**
 * The share of a quota a default budget uses: the quota is the account's, shared with the pipelines
 * that submit and with the console, so batchtop takes at most half of it unless told otherwise.
 */
export const DEFAULT_QUOTA_SHARE = 0.5;

/** The default budgets, TPS: half of each quota; GetBatch and ListBatch follow --max-rps (polling). */
export function defaultBudgets(pollingTps: number): Record<Operation, number> {
	const budgets = {} as Record<Operation, number>;
	for (const operation of OPERATIONS)
		budgets[operation] = OPERATION_QUOTAS[operation].quotaTps * DEFAULT_QUOTA_SHARE;
	budgets.GetBatch = pollingTps;
	budgets.ListBatch = pollingTps;
	return budgets;
}

/**
 * Tokens an operation may save up. Polling keeps BURST_SECONDS of rate (one GetBatch per batch at
 * start-up, as before); the others save at most what keeps `burst + rate × 1 s` within the quota, so
 * that failure loading never bursts past what the account allows in a second.
 */
export function burstOf(operation: Operation, tps: number): number {
	if (operation === 'GetBatch' || operation === 'ListBatch')
		return Math.max(1, Math.round(tps * BURST_SECONDS));
	const quota = OPERATION_QUOTAS[operation].quotaTps;
	// Above an undocumented quota's assumed figure (the emulator, tests): a second of rate.
	return Math.max(1, Math.floor(tps <= quota ? Math.min(tps, quota - tps) : tps));
}

/** Why a budget cannot be used (above a documented quota, or not a positive rate), or undefined when it can. */
export function budgetProblem(operation: Operation, tps: number): string | undefined {
	if (!(tps > 0) || !Number.isFinite(tps))
		return `${operation} budget must be a positive number of requests per second`;
	const quota = OPERATION_QUOTAS[operation];
	if (quota.documented && tps > quota.quotaTps)
		return `${operation} budget ${tps}/s is above its documented quota of ${quota.quotaTps} TPS (${quota.source})`;
	return undefined;
}

/** One operation's use of its budget, as snapshots report it. */
export interface OperationRate {
	readonly operation: Operation;
	/** Requests granted per second, averaged over the window. */
	readonly requestsPerSecond: number;
	readonly budgetPerSecond: number;
	readonly burst: number;
}

/**
 * The one home of the request budgets: a RequestBudget per operation, sharing the client's sockets,
 * paused, held (a throttle's Retry-After is account-wide) and closed together.
 */
export class OperationBudgets {
	readonly #budgets: ReadonlyMap<Operation, RequestBudget>;

	constructor(
		rates: Readonly<Record<Operation, number>>,
		options: {readonly maxInFlight?: number; readonly now?: () => number} = {},
	) {
		const slots = new RequestSlots(options.maxInFlight);
		this.#budgets = new Map(
			OPERATIONS.map((operation) => [
				operation,
				new RequestBudget({
					ratePerSecond: rates[operation],
					burst: burstOf(operation, rates[operation]),
					slots,
					...(options.now ? {now: options.now} : {}),
				}),
			]),
		);
	}

	/** The budget of one operation. */
	of(operation: Operation): RequestBudget {
		const budget = this.#budgets.get(operation);
		if (!budget) throw new RangeError(`no budget for ${operation}`);
		return budget;
	}

	/** Runs one request of `operation` when its budget allows. */
	run<T>(
		operation: Operation,
		priority: Priority,
		signal: AbortSignal | undefined,
		request: () => Promise<T>,
	): Promise<T> {
		return this.of(operation).run(priority, signal, request);
	}

	/** Each operation's use over the last `ms`, in OPERATIONS order. */
	rates(ms: number): OperationRate[] {
		return OPERATIONS.map((operation) => {
			const budget = this.of(operation);
			return {
				operation,
				requestsPerSecond: budget.grantedWithin(ms) / (ms / 1000),
				budgetPerSecond: budget.ratePerSecond,
				burst: budget.burst,
			};
		});
	}

	/** Lets no request of `operation` through before `time` (epoch ms): each operation has its own quota. */
	holdUntil(operation: Operation, time: number): void {
		this.of(operation).holdUntil(time);
	}

	pause(): void {
		for (const budget of this.#budgets.values()) budget.pause();
	}

	resume(): void {
		for (const budget of this.#budgets.values()) budget.resume();
	}

	close(): void {
		for (const budget of this.#budgets.values()) budget.close();
	}
}

/** The operation whose budget is the most used over the window (its share of rate × window + burst); GetBatch when all are idle. */
export function busiestOperation(
	rates: readonly OperationRate[],
	windowMs: number,
): OperationRate | undefined {
	let busiest: OperationRate | undefined;
	let highest = 0;
	for (const rate of rates) {
		const allowed = rate.budgetPerSecond * (windowMs / 1000) + rate.burst;
		const share = (rate.requestsPerSecond * (windowMs / 1000)) / allowed;
		if (share > highest) {
			highest = share;
			busiest = rate;
		}
	}
	return busiest ?? rates.find((rate) => rate.operation === 'GetBatch');
}
