import {FaultSchema, type FaultConfig} from '../scenario/scenario-schema.js';
import {SeededSequence} from '../model/seeded-random.js';

export type {FaultConfig};

/** Fault settings per operation name; `*` applies to every operation. */
export type FaultTable = Record<string, FaultConfig>;

export const OPERATIONS = [
	'StartRunBatch',
	'GetBatch',
	'ListBatch',
	'ListRunsInBatch',
	'CancelRunBatch',
	'DeleteRunBatch',
	'DeleteBatch',
	'ListRuns',
	'GetRun',
	'ListRunTasks',
	'GetRunTask',
	'GetLogEvents',
	'FilterLogEvents',
	'DescribeLogStreams',
] as const;
export type Operation = (typeof OPERATIONS)[number];

const KEYS = Object.keys(FaultSchema.shape) as Array<keyof FaultConfig>;
const BOOLEAN_KEYS = new Set<keyof FaultConfig>(['requireAuth']);

/** Thrown for a fault spec or table that cannot be used; the message names the problem. */
export class FaultSpecError extends Error {}

/**
 * Parses `--fault` values: `[OPERATION:]key=value[,key=value...]`, e.g. `GetBatch:throttle=0.5,retryAfter=2`,
 * `latencyMs=200` (every operation) or `requireAuth`. Later specs override earlier ones key by key.
 */
export function parseFaultSpecs(specs: readonly string[]): FaultTable {
	const table: FaultTable = {};
	for (const spec of specs) {
		const colon = spec.indexOf(':');
		const hasOperation = colon > 0 && !spec.slice(0, colon).includes('=');
		const operation = hasOperation ? spec.slice(0, colon) : '*';
		const settings = hasOperation ? spec.slice(colon + 1) : spec;
		const config: Record<string, unknown> = {};
		for (const part of settings.split(',').filter(Boolean)) {
			const [key = '', raw] = part.split('=', 2);
			if (!KEYS.includes(key as keyof FaultConfig)) {
				throw new FaultSpecError(`unknown fault "${key}" in --fault ${spec}; use one of: ${KEYS.join(', ')}`);
			}
			if (BOOLEAN_KEYS.has(key as keyof FaultConfig)) {
				if (raw !== undefined && raw !== 'true' && raw !== 'false') {
					throw new FaultSpecError(`fault "${key}" takes true or false, got "${raw}" in --fault ${spec}`);
				}
				config[key] = raw !== 'false';
			} else {
				const value = Number(raw);
				if (raw === undefined || raw === '' || !Number.isFinite(value)) {
					throw new FaultSpecError(`fault "${key}" needs a number, as in ${key}=0.5, in --fault ${spec}`);
				}
				config[key] = value;
			}
		}
		table[operation] = {...table[operation], ...config};
	}
	return validateFaultTable(table);
}

/** Checks a fault table (from a flag, a scenario or the control endpoint) and returns it typed. */
export function validateFaultTable(input: unknown): FaultTable {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new FaultSpecError('faults must be an object keyed by operation name or "*"');
	}
	const table: FaultTable = {};
	for (const [operation, config] of Object.entries(input)) {
		if (operation !== '*' && !(OPERATIONS as readonly string[]).includes(operation)) {
			throw new FaultSpecError(
				`unknown operation "${operation}" for faults; use * or one of: ${OPERATIONS.join(', ')}`,
			);
		}
		const parsed = FaultSchema.safeParse(config);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const where = issue?.path.length ? `.${issue.path.join('.')}` : '';
			throw new FaultSpecError(`fault ${operation}${where}: ${issue?.message ?? 'invalid'}`);
		}
		table[operation] = parsed.data;
	}
	return table;
}

/** What to do to one request. */
export interface FaultDecision {
	readonly latencyMs: number;
	readonly outcome:
		| 'hang'
		| 'unauthenticated'
		| 'expired'
		| 'deny'
		| 'quotaExceeded'
		| 'throttle'
		| 'requestTimeout'
		| 'error5xx'
		| 'pass';
	readonly retryAfter: number;
	readonly malformed: boolean;
}

/** Draws fault outcomes from its own seeded stream, so faults never change the simulated history. */
export class FaultInjector {
	#table: FaultTable;
	readonly #random: SeededSequence;

	constructor(table: FaultTable = {}, seed = 0) {
		this.#table = table;
		this.#random = new SeededSequence(seed ^ 0xfa17);
	}

	get table(): FaultTable {
		return this.#table;
	}

	set table(table: FaultTable) {
		this.#table = table;
	}

	/** The merged settings for one operation. */
	settingsFor(operation: string): FaultConfig {
		return {...this.#table['*'], ...this.#table[operation]};
	}

	/** Decides the fate of one request. */
	decide(operation: string, hasAuthorization: boolean): FaultDecision {
		const settings = this.settingsFor(operation);
		const roll = (share: number | undefined): boolean =>
			share !== undefined && share > 0 && this.#random.next() < share;
		const base = {
			latencyMs: settings.latencyMs ?? 0,
			retryAfter: settings.retryAfter ?? 1,
			malformed: roll(settings.malformed),
		};
		if (roll(settings.hang)) return {...base, outcome: 'hang'};
		if (settings.requireAuth && !hasAuthorization) return {...base, outcome: 'unauthenticated'};
		if (roll(settings.expiredToken)) return {...base, outcome: 'expired'};
		if (roll(settings.deny)) return {...base, outcome: 'deny'};
		if (roll(settings.quotaExceeded)) return {...base, outcome: 'quotaExceeded'};
		if (roll(settings.throttle)) return {...base, outcome: 'throttle'};
		if (roll(settings.requestTimeout)) return {...base, outcome: 'requestTimeout'};
		if (roll(settings.error5xx)) return {...base, outcome: 'error5xx'};
		return {...base, outcome: 'pass'};
	}
}
