import {z} from 'zod';

// The `batchtop failures --json` record as README.md ("batchtop failures") documents it.
const text = z.string().min(1).nullable();
export const FailureRecordSchema = z
	.object({
		batchId: z.string().regex(/^\d{1,18}$/),
		kind: z.enum(['submission', 'run']),
		runSettingId: text,
		runId: z
			.string()
			.regex(/^\d{1,18}$/)
			.nullable(),
		reason: text,
		message: text,
		taskId: z
			.string()
			.regex(/^\d{1,18}$/)
			.nullable(),
		taskName: text,
		taskReason: text,
		taskMessage: text,
		logStream: z.string().startsWith('arn:').nullable(),
	})
	.strict();
export type FailureRecordLine = z.infer<typeof FailureRecordSchema>;

/** A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(input: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < input.length; index++) {
		const char = input[index];
		if (quoted) {
			if (char === '"' && input[index + 1] === '"') {
				field += '"';
				index++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || row.length > 0) rows.push([...row, field]);
	return rows;
}
