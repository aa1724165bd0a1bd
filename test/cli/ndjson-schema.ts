import {z} from 'zod';

// The NDJSON schema as README.md documents it; the tests validate every line the CLI writes against it.
const counts = (keys: readonly string[]) =>
	z.object(Object.fromEntries(keys.map((key) => [key, z.number().int().min(0)]))).strict();
const time = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

export const BatchRecordSchema = z
	.object({
		id: z.string().regex(/^\d+$/),
		name: z.string().nullable(),
		status: z.string(),
		verdict: z.enum([
			'running',
			'succeeded',
			'some-failed',
			'batch-failed',
			'cancelled',
			'runs-deleted',
			'runs-delete-failed',
			'unknown',
		]),
		totalRuns: z.number().int().min(0),
		submissionSummary: counts([
			'successfulStartSubmissionCount',
			'failedStartSubmissionCount',
			'pendingStartSubmissionCount',
			'successfulCancelSubmissionCount',
			'failedCancelSubmissionCount',
			'successfulDeleteSubmissionCount',
			'failedDeleteSubmissionCount',
		]),
		runSummary: counts([
			'pendingRunCount',
			'startingRunCount',
			'runningRunCount',
			'stoppingRunCount',
			'completedRunCount',
			'failedRunCount',
			'cancelledRunCount',
			'deletedRunCount',
		]),
		creationTime: time.nullable(),
		submittedTime: time.nullable(),
		processedTime: time.nullable(),
		failedTime: time.nullable(),
		failureReason: z.string().nullable(),
		arn: z.string().nullable(),
		anomalies: z.array(z.string()),
		// --once --json only, when failure reasons were read.
		failureGroups: z
			.array(
				z
					.object({
						kind: z.enum(['run', 'submission']),
						reason: z.string().min(1),
						message: z.string(),
						count: z.number().int().min(1),
						examples: z.array(z.string()),
						loaded: z.number().int().min(1),
						failed: z.number().int().min(0),
					})
					.strict(),
			)
			.optional(),
	})
	.strict();

const base = {v: z.literal(1), time};
const named = {id: z.string(), name: z.string().nullable()};

export const EventSchema = z.discriminatedUnion('type', [
	z.object({...base, type: z.literal('seen'), batch: BatchRecordSchema}).strict(),
	z.object({...base, type: z.literal('progress'), batch: BatchRecordSchema}).strict(),
	z
		.object({
			...base,
			...named,
			type: z.literal('status'),
			from: z.string(),
			to: z.string(),
			batch: BatchRecordSchema.optional(),
		})
		.strict(),
	z
		.object({
			...base,
			...named,
			type: z.literal('failures'),
			newRunFailures: z.number().int(),
			newSubmissionFailures: z.number().int(),
			failedRunCount: z.number().int().nullable(),
			failedStartSubmissionCount: z.number().int().nullable(),
		})
		.strict(),
	z
		.object({
			...base,
			...named,
			type: z.literal('finished'),
			status: z.string(),
			verdict: z.string(),
			batch: BatchRecordSchema.optional(),
		})
		.strict(),
	z
		.object({
			...base,
			...named,
			type: z.literal('failure-group'),
			kind: z.enum(['run', 'submission']),
			reason: z.string().min(1),
			message: z.string(),
			count: z.number().int().min(1),
			examples: z.array(z.string()).min(1),
			loaded: z.number().int().min(1),
			failed: z.number().int().min(0),
		})
		.strict(),
	z.object({...base, type: z.literal('discovered'), id: z.string()}).strict(),
	z
		.object({
			...base,
			type: z.literal('anomaly'),
			id: z.string(),
			name: z.string().nullable(),
			anomalies: z.array(z.string()).min(1),
		})
		.strict(),
	z
		.object({
			...base,
			type: z.literal('error'),
			id: z.string().nullable(),
			kind: z.string(),
			message: z.string(),
			requestId: z.string().nullable(),
		})
		.strict(),
	z.object({...base, type: z.literal('recovered'), id: z.string().nullable()}).strict(),
	z
		.object({
			...base,
			...named,
			type: z.literal('since-last-time'),
			from: z.string(),
			to: z.string(),
			newlyFinished: z.number().int(),
			newFailures: z.number().int(),
			since: z.string(),
		})
		.strict(),
	z
		.object({
			...base,
			type: z.literal('summary'),
			exitCode: z.number().int(),
			reason: z.string(),
			batches: z.array(
				z.union([
					BatchRecordSchema,
					z
						.object({
							id: z.string(),
							status: z.null(),
							verdict: z.literal('unknown'),
							error: z.object({kind: z.string(), message: z.string()}).nullable(),
						})
						.strict(),
				]),
			),
		})
		.strict(),
]);

/** Parses NDJSON text and validates every line; returns the objects. */
export function parseEvents(text: string): Array<z.infer<typeof EventSchema>> {
	return text
		.split('\n')
		.filter((line) => line.trim())
		.map((line, index) => {
			const result = EventSchema.safeParse(JSON.parse(line));
			if (!result.success)
				throw new Error(
					`line ${index + 1} does not match the schema: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n${line}`,
				);
			return result.data;
		});
}
