import {catchUpSoon} from './account-catch-up.js';
import {resolveParameters} from './batch-parameters.js';
import {SeededSequence} from './seeded-random.js';
import {SimulatedBatch, StateConflictError, type ScheduledAction} from './simulated-batch.js';
import {BATCH_DELETABLE} from './statuses.js';
import {StartRunQuota} from './start-run-quota.js';
import type {VirtualClock} from './virtual-clock.js';
import type {RunSettingsSource} from './run-settings.js';
import type {Behaviour, BatchSpec} from '../scenario/scenario-schema.js';
import type {S3SettingsFile} from '../scenario/run-settings-schema.js';

export interface AccountOptions {
	readonly clock: VirtualClock;
	readonly seed: number;
	readonly region: string;
	readonly accountId: string;
	/** Behaviour of batches started through the API (scenario `defaults`). */
	readonly defaults?: Behaviour;
	readonly runSummaryLagMs?: number;
	/**
	 * The account's StartRun throughput quota (calls per second), shared by every submitting batch
	 * (scenario `account.startRunTps`). Without it each batch submits at its own submitRate.
	 */
	readonly startRunTps?: number;
	/** Contents of s3UriSettings files by URI (scenario `s3Settings`); the emulator cannot read S3. */
	readonly s3Settings?: Readonly<Record<string, S3SettingsFile>>;
}

/** Everything the API shows of a batch besides its simulated progress. */
export interface BatchRecord {
	readonly sequence: number;
	readonly id: string;
	readonly arn: string;
	readonly uuid: string;
	readonly name?: string;
	readonly tags: Record<string, string>;
	readonly requestId?: string;
	readonly defaultRunSetting: Record<string, unknown>;
	readonly workflowId: string;
	readonly runGroupId?: string;
	/** Run ids are runIdBase + index, so no string per run is stored. */
	readonly runIdBase: number;
	readonly runSettingIds?: readonly string[];
	readonly runSettingIdPrefix: string;
	/** Each run's own settings (inline or S3 entries, or a template); absent: every run takes the defaults. */
	readonly runSettings?: RunSettingsSource;
	readonly sim: SimulatedBatch;
	deleted: boolean;
}

/** Thrown when an id names no batch or run (the API's 404). */
export class NotFoundError extends Error {}

/** What a new batch is made of, from a scenario entry or a StartRunBatch call. */
export interface NewBatch {
	readonly spec: BatchSpec;
	readonly creationTime: number;
	readonly requestId?: string;
	readonly defaultRunSetting?: Record<string, unknown>;
	readonly runSettingIds?: readonly string[];
	/** Per-run settings; without them a scenario spec's `runSettings` template applies. */
	readonly runSettings?: RunSettingsSource;
}

/** One emulated AWS account in one region: its batches and their runs. */
export class Account {
	readonly region: string;
	readonly accountId: string;
	readonly clock: VirtualClock;
	readonly #records: BatchRecord[] = [];
	readonly #byId = new Map<string, BatchRecord>();
	readonly #byRequestId = new Map<string, BatchRecord>();
	readonly #ids: SeededSequence;
	readonly #seed: number;
	readonly #defaults?: Behaviour;
	readonly #lagMs: number;
	readonly #quota?: StartRunQuota;
	readonly #s3Settings: Readonly<Record<string, S3SettingsFile>>;
	#nextRunId: number;

	constructor(options: AccountOptions) {
		this.clock = options.clock;
		this.region = options.region;
		this.accountId = options.accountId;
		this.#seed = options.seed;
		this.#ids = new SeededSequence(options.seed);
		this.#defaults = options.defaults;
		this.#lagMs = options.runSummaryLagMs ?? 0;
		this.#s3Settings = options.s3Settings ?? {};
		this.#nextRunId = this.#ids.int(1_000_000, 4_000_000);
		if (options.startRunTps !== undefined) this.#quota = new StartRunQuota(options.startRunTps);
	}

	/** The StartRun quota batches share, in calls per second (undefined: none, each batch at its own rate). */
	get startRunTps(): number | undefined {
		return this.#quota?.tps;
	}

	/**
	 * Settles at most `maxChanges` of the quota's joins and leaves up to `target`; true once it got there
	 * (at once without a quota). Thousands of batches joining make one settling too long to run unbroken.
	 */
	syncQuotaSome(target: number, maxChanges: number): boolean {
		return this.#quota?.syncSome(target, maxChanges) ?? true;
	}

	/** The contents a scenario gives the run settings file at `uri`, if any. */
	s3SettingsFile(uri: string): S3SettingsFile | undefined {
		return Object.hasOwn(this.#s3Settings, uri) ? this.#s3Settings[uri] : undefined;
	}

	/** Creates a batch; its history up to now is replayed lazily on first read. */
	create(batch: NewBatch): BatchRecord {
		const {spec} = batch;
		const sequence = this.#records.length;
		const id = this.#newBatchId();
		const workflowId = spec.workflowId ?? String(this.#ids.int(1_000_000, 9_999_999));
		const defaultRunSetting = batch.defaultRunSetting ?? {
			workflowId,
			workflowType: 'PRIVATE',
			roleArn: spec.roleArn ?? `arn:aws:iam::${this.accountId}:role/OmicsWorkflowRole`,
			outputUri: spec.outputUri ?? `s3://omics-results-${this.accountId}/${spec.name ?? id}/`,
			storageType: spec.storageType ?? 'DYNAMIC',
			logLevel: 'ALL',
			retentionMode: 'RETAIN',
			...(spec.runGroupId ? {runGroupId: spec.runGroupId} : {}),
			...(spec.workflowVersionName ? {workflowVersionName: spec.workflowVersionName} : {}),
			parameters: {reference: 's3://omics-reference/GRCh38/GRCh38.fa'},
		};
		const runSettings: RunSettingsSource | undefined =
			batch.runSettings ?? (spec.runSettings ? {kind: 'template', template: spec.runSettings} : undefined);
		const actions: ScheduledAction[] = (spec.actions ?? []).map((action) => ({
			at: batch.creationTime + action.at * 1000,
			do: action.do,
			...(action.reason === undefined ? {} : {reason: action.reason}),
		}));
		const record: BatchRecord = {
			sequence,
			id,
			arn: `arn:aws:omics:${this.region}:${this.accountId}:runBatch/${id}`,
			uuid: this.#ids.uuid(),
			...(spec.name === undefined ? {} : {name: spec.name}),
			tags: spec.tags ?? {},
			...(batch.requestId === undefined ? {} : {requestId: batch.requestId}),
			defaultRunSetting,
			workflowId: String(defaultRunSetting['workflowId'] ?? workflowId),
			...(typeof defaultRunSetting['runGroupId'] === 'string'
				? {runGroupId: defaultRunSetting['runGroupId']}
				: {}),
			runIdBase: this.#nextRunId,
			...(batch.runSettingIds ? {runSettingIds: batch.runSettingIds} : {}),
			runSettingIdPrefix: spec.runSettingIdPrefix ?? 'run-',
			...(runSettings ? {runSettings} : {}),
			sim: this.#newSimulation(
				id,
				spec.totalRuns,
				batch.creationTime,
				resolveParameters(this.#defaults, spec),
				actions,
			),
			deleted: false,
		};
		this.#nextRunId += spec.totalRuns + this.#ids.int(10, 1000);
		this.#records.push(record);
		this.#byId.set(id, record);
		if (batch.requestId !== undefined) this.#byRequestId.set(batch.requestId, record);
		return record;
	}

	/** The batch a StartRunBatch requestId already created, for idempotent retries. */
	byRequestId(requestId: string): BatchRecord | undefined {
		return this.#byRequestId.get(requestId);
	}

	/** A live batch brought up to the current virtual time. */
	get(id: string): BatchRecord {
		const record = this.#byId.get(id);
		if (!record || record.deleted) throw new NotFoundError(`Run batch ${id} was not found`);
		record.sim.advanceTo(this.clock.now());
		return record;
	}

	/** Every live batch, newest first, brought up to the current virtual time. */
	list(): BatchRecord[] {
		const now = this.clock.now();
		const live = this.#records.filter((record) => !record.deleted);
		for (const record of live) record.sim.advanceTo(now);
		return live.sort((a, b) => b.sim.creationTime - a.sim.creationTime || b.sequence - a.sequence);
	}

	/** Every batch ever created, deleted ones included (their runs outlive them), in creation order. */
	all(): readonly BatchRecord[] {
		return this.#records;
	}

	/** DeleteBatch: removes the batch's metadata; its runs stay visible through ListRuns/GetRun. */
	delete(id: string): void {
		const record = this.get(id);
		if (!BATCH_DELETABLE.has(record.sim.status)) {
			throw new StateConflictError(
				`Run batch ${id} is ${record.sim.status}; only a finished batch can be deleted`,
			);
		}
		record.deleted = true;
	}

	/** Finds the batch and index behind a run id, advanced to now; undefined if no such run was ever started. */
	findRun(runId: string): {record: BatchRecord; index: number} | undefined {
		if (!/^[0-9]{1,18}$/.test(runId)) return undefined;
		const value = Number(runId);
		let low = 0;
		let high = this.#records.length - 1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			const record = this.#records[middle] as BatchRecord;
			if (value < record.runIdBase) high = middle - 1;
			else if (value >= record.runIdBase + record.sim.totalRuns) low = middle + 1;
			else {
				record.sim.advanceTo(this.clock.now());
				const index = value - record.runIdBase;
				return record.sim.runCodes[index] === 0 ? undefined : {record, index};
			}
		}
		return undefined;
	}

	#newSimulation(
		id: string,
		totalRuns: number,
		creationTime: number,
		parameters: ReturnType<typeof resolveParameters>,
		actions: ScheduledAction[],
	): SimulatedBatch {
		const quota = this.#quota;
		const sim: SimulatedBatch = new SimulatedBatch({
			seed: this.#seed ^ Number(id),
			totalRuns,
			creationTime,
			parameters,
			actions,
			runSummaryLagMs: this.#lagMs,
			sharesAccountQuota: quota !== undefined,
			...(quota
				? {
						onSubmissionsHalted: (at: number) => quota.halt(sim.quotaClaim, at),
						// Shares up to a moment are final only once every batch's joins and leaves before it are known.
						beforeAdvance: (target: number) => quota.syncTo(target),
					}
				: {}),
		});
		quota?.add(sim.quotaClaim);
		// Scenario batches start with hours of history: compute it before the first read asks for it.
		catchUpSoon(this);
		return sim;
	}

	#newBatchId(): string {
		for (;;) {
			const id = String(this.#ids.int(1_000_000, 9_999_999));
			if (!this.#byId.has(id)) return id;
		}
	}
}
