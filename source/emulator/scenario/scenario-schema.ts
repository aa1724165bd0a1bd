// A namespace import, not `import {z}`: esbuild then keeps only the zod it uses, not every locale
// (734 KB of the emulator chunk down to 197 KB, parsed at every --demo start).
import * as z from 'zod';
import {RunSettingTemplateSchema, S3SettingsFileSchema} from './run-settings-schema.js';
import {TaskCatalogSchema} from './task-catalog-schema.js';

// The scenario file format. Every time is in virtual seconds; every share is a fraction 0..1.
// Documented for users in README.md ("Scenario files"); keep the two in step.

const share = z.number().min(0).max(1);
const seconds = z
	.number()
	.min(0)
	.max(10 * 365 * 24 * 3600);
const range = z
	.tuple([seconds, seconds])
	.refine(([min, max]) => min <= max, {message: 'expected [min, max] with min <= max'});
const numericId = z.string().regex(/^[0-9]{1,18}$/, 'expected 1-18 digits');

export const DurationsSchema = z
	.object({
		creating: range.optional(),
		validating: range.optional(),
		pending: range.optional(),
		starting: range.optional(),
		running: range.optional(),
		stopping: range.optional(),
	})
	.strict();

/** How a batch behaves; scenario `defaults` and each batch may set any of these. */
export const BehaviourSchema = z
	.object({
		submitRate: z.number().gt(0).max(100_000).optional(),
		submissionFailureShare: share.optional(),
		runFailureShare: share.optional(),
		cancelFailureShare: share.optional(),
		deleteFailureShare: share.optional(),
		cancelRate: z.number().gt(0).max(100_000).optional(),
		deleteRate: z.number().gt(0).max(100_000).optional(),
		durations: DurationsSchema.optional(),
		hostileText: z.boolean().optional(),
	})
	.strict();

export const ActionSchema = z
	.object({
		at: seconds,
		do: z.enum(['cancel', 'deleteRuns', 'fail']),
		reason: z.string().min(1).max(2000).optional(),
	})
	.strict();

export const BatchSpecSchema = BehaviourSchema.extend({
	name: z.string().min(1).max(64).optional(),
	totalRuns: z.number().int().min(1).max(100_000),
	createdAgo: seconds.optional(),
	workflowId: numericId.optional(),
	workflowVersionName: z
		.string()
		.regex(/^[A-Za-z0-9][A-Za-z0-9\-._]{0,63}$/)
		.optional(),
	runGroupId: numericId.optional(),
	roleArn: z
		.string()
		.regex(/^arn:.+$/)
		.max(128)
		.optional(),
	outputUri: z.string().min(1).max(750).optional(),
	storageType: z.enum(['STATIC', 'DYNAMIC']).optional(),
	tags: z.record(z.string().min(1).max(128), z.string().max(256)).optional(),
	runSettingIdPrefix: z.string().min(1).max(100).optional(),
	runSettings: RunSettingTemplateSchema.optional(),
	actions: z.array(ActionSchema).max(10).optional(),
}).strict();

const FaultSchema = z
	.object({
		throttle: share.optional(),
		retryAfter: z.number().min(0).max(3600).optional(),
		error5xx: share.optional(),
		requestTimeout: share.optional(),
		quotaExceeded: share.optional(),
		latencyMs: z.number().min(0).max(600_000).optional(),
		hang: share.optional(),
		malformed: share.optional(),
		requireAuth: z.boolean().optional(),
		deny: share.optional(),
		expiredToken: share.optional(),
	})
	.strict();

/** The account's own settings; `startRunTps` is its StartRun throughput quota, shared by all submitting batches. */
export const AccountSettingsSchema = z
	.object({
		startRunTps: z.number().gt(0).max(100_000).optional(),
	})
	.strict();

export const ScenarioSchema = z
	.object({
		$schema: z.string().optional(),
		description: z.string().optional(),
		seed: z.number().int().min(0).max(0xffff_ffff).optional(),
		region: z
			.string()
			.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected a region such as us-east-1')
			.optional(),
		accountId: z
			.string()
			.regex(/^\d{12}$/, 'expected 12 digits')
			.optional(),
		runSummaryLagSeconds: seconds.optional(),
		account: AccountSettingsSchema.optional(),
		defaults: BehaviourSchema.optional(),
		s3Settings: z
			.record(z.string().regex(/^s3:\/\/[^/]+\/.+/, 'expected s3://bucket/key'), S3SettingsFileSchema)
			.optional(),
		faults: z.record(z.string(), FaultSchema).optional(),
		tasks: TaskCatalogSchema.optional(),
		batches: z.array(BatchSpecSchema).max(10_000),
	})
	.strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type BatchSpec = z.infer<typeof BatchSpecSchema>;
export type Behaviour = z.infer<typeof BehaviourSchema>;
export type BatchAction = z.infer<typeof ActionSchema>;
export type FaultConfig = z.infer<typeof FaultSchema>;
export {FaultSchema};
