// A namespace import, not `import {z}`: esbuild then keeps only the zod it uses, not every locale
// (734 KB of the emulator chunk down to 197 KB, parsed at every --demo start).
import * as z from 'zod';

// A scenario's own workflow (scenario `tasks`): the tasks every run executes, in order.
// Documented for users in README.md ("Scenario files").

export const TaskTemplateSchema = z
	.object({
		name: z
			.string()
			.min(1)
			.max(100)
			.regex(/^[A-Za-z0-9_.:-]+$/, 'expected letters, digits, _ . : -'),
		cpus: z.number().int().min(1).max(192),
		memory: z.number().int().min(1).max(1536),
		gpus: z.number().int().min(0).max(8).optional(),
		instanceType: z
			.string()
			.regex(/^omics\.[a-z0-9]+\.[a-z0-9]+$/, 'expected an instance type such as omics.c.2xlarge')
			.optional(),
		/** Share of the run's running time the task takes, relative to the others (default 1). */
		weight: z.number().gt(0).max(1000).optional(),
		image: z.string().min(1).max(750).optional(),
	})
	.strict();

export const TaskCatalogSchema = z.array(TaskTemplateSchema).min(1).max(50);

export type TaskTemplate = z.infer<typeof TaskTemplateSchema>;
