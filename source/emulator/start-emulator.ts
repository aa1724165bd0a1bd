import type {AddressInfo} from 'node:net';
import {Account} from './model/account.js';
import {catchUpAccount} from './model/account-catch-up.js';
import {VirtualClock, type ClockMode} from './model/virtual-clock.js';
import {createApiServer} from './http/api-server.js';
import {FaultInjector, validateFaultTable, type FaultTable} from './http/faults.js';
import {PageTokens} from './http/page-token.js';
import {RequestStats} from './http/request-stats.js';
import {loadScenario, parseScenario, startRunTpsOf} from './scenario/load-scenario.js';
import type {Scenario} from './scenario/scenario-schema.js';

export interface EmulatorOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** Interface to bind; loopback unless asked otherwise. */
	host?: string;
	/** `demo`, `empty`, a JSON file path, or a scenario object. */
	scenario?: string | Scenario;
	/** Overrides the scenario's seed. */
	seed?: number;
	/** Virtual seconds per real second. */
	speed?: number;
	/** `manual`: virtual time moves only through `advance()` (deterministic tests). */
	clock?: ClockMode;
	/** Virtual start time in epoch ms; defaults to now. */
	startTime?: number;
	/** Faults merged over the scenario's, per operation. */
	faults?: FaultTable;
	/** Overrides the scenario's runSummary lag. */
	runSummaryLagSeconds?: number;
	/** Entries assumed in an s3UriSettings file (the emulator cannot read S3). */
	s3SettingsRuns?: number;
	/**
	 * Compute the scenario's history before listening, so the first read finds nothing left to do (the
	 * standalone emulator). Otherwise it is computed in the background, in slices, while the caller goes
	 * on (`--demo` loads the monitor's UI meanwhile); a read that needs it first waits for the rest.
	 */
	catchUpFirst?: boolean;
}

/** A running emulator. */
export interface Emulator {
	/** Base URL, e.g. http://127.0.0.1:41234 */
	readonly url: string;
	readonly port: number;
	readonly region: string;
	/** Ids of the batches the scenario created, in scenario order. */
	readonly batchIds: readonly string[];
	/** Current virtual time in epoch ms. */
	now(): number;
	/** Moves virtual time forward. */
	advance(seconds: number): void;
	/** Replaces the fault table. */
	setFaults(faults: FaultTable): void;
	/** Stops listening and drops every open connection (hung requests included). */
	stop(): Promise<void>;
}

const DEFAULT_SEED = 1;

/** Starts the HealthOmics run-batch emulator on loopback and resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const scenario =
		typeof options.scenario === 'object'
			? parseScenario(options.scenario, 'object')
			: await loadScenario(options.scenario ?? 'demo');
	const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
	const clock = new VirtualClock({
		mode: options.clock ?? 'real',
		speed: options.speed ?? 1,
		...(options.startTime === undefined ? {} : {startTime: options.startTime}),
	});
	const account = new Account({
		clock,
		seed,
		region: scenario.region ?? 'us-east-1',
		accountId: scenario.accountId ?? '123456789012',
		...(scenario.defaults ? {defaults: scenario.defaults} : {}),
		runSummaryLagMs: (options.runSummaryLagSeconds ?? scenario.runSummaryLagSeconds ?? 0) * 1000,
		...(scenario.s3Settings ? {s3Settings: scenario.s3Settings} : {}),
		startRunTps: startRunTpsOf(scenario),
	});
	const batchIds = scenario.batches.map(
		(spec) => account.create({spec, creationTime: clock.startTime - (spec.createdAgo ?? 0) * 1000}).id,
	);
	const faults = new FaultInjector(validateFaultTable({...scenario.faults, ...options.faults}), seed);
	const server = createApiServer({
		account,
		clock,
		tokens: new PageTokens(),
		faults,
		stats: new RequestStats(),
		s3SettingsRuns: options.s3SettingsRuns ?? 1000,
		...(scenario.tasks ? {taskCatalog: scenario.tasks} : {}),
	});

	if (options.catchUpFirst) await catchUpAccount(account);
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;
	const shownHost = host.includes(':') ? `[${host}]` : host;

	return {
		url: `http://${shownHost}:${port}`,
		port,
		region: account.region,
		batchIds,
		now: () => clock.now(),
		advance: (seconds) => clock.advance(seconds * 1000),
		setFaults: (table) => {
			faults.table = validateFaultTable(table);
		},
		stop: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
