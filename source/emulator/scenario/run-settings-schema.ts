// A namespace import, not `import {z}`: esbuild then keeps only the zod it uses, not every locale
// (734 KB of the emulator chunk down to 197 KB, parsed at every --demo start).
import * as z from 'zod';

// Run settings a scenario gives: a batch's per-run template, and the contents of s3UriSettings files
// (the emulator cannot read S3). Documented in README.md ("Scenario files").

/**
 * A run settings entry (the model's InlineSetting). In a template, `{n}` (the entry's ordinal, from 1) and
 * `{id}` (its runSettingId) in any string are filled in per entry, so 100,000 entries cost one object.
 */
export const RunSettingSchema = z
	.object({
		runSettingId: z.string().min(1).max(128).optional(),
		name: z.string().min(1).max(128).optional(),
		outputUri: z.string().min(1).max(750).optional(),
		priority: z.number().int().min(0).max(100_000).optional(),
		parameters: z.record(z.string(), z.unknown()).optional(),
		outputBucketOwnerId: z
			.string()
			.regex(/^\d{12}$/, 'expected 12 digits')
			.optional(),
		runTags: z.record(z.string().min(1).max(128), z.string().max(256)).optional(),
		engineSettings: z.record(z.string(), z.unknown()).optional(),
	})
	.strict();
export const RunSettingTemplateSchema = RunSettingSchema.omit({runSettingId: true});

/** What an s3UriSettings file holds: its entries, or `count` entries named `runSettingIdPrefix` + ordinal from a template. */
export const S3SettingsFileSchema = z.union([
	z
		.object({
			entries: z
				.array(RunSettingSchema.required({runSettingId: true}))
				.min(1)
				.max(100_000),
		})
		.strict()
		.refine(({entries}) => new Set(entries.map((entry) => entry.runSettingId)).size === entries.length, {
			message: 'each runSettingId must be unique',
		}),
	z
		.object({
			count: z.number().int().min(1).max(100_000),
			runSettingIdPrefix: z.string().min(1).max(100).optional(),
			template: RunSettingTemplateSchema.optional(),
		})
		.strict(),
]);

export type RunSetting = z.infer<typeof RunSettingSchema>;
export type RunSettingTemplate = z.infer<typeof RunSettingTemplateSchema>;
export type S3SettingsFile = z.infer<typeof S3SettingsFileSchema>;
