/** A batch named on the command line: its id, and the region and account when given as an ARN. */
export interface BatchReference {
	readonly id: string;
	readonly region?: string;
	readonly accountId?: string;
}

/** An argument that is neither a batch id nor a run batch ARN; the message names it and the fix. */
export class BatchReferenceError extends Error {}

const ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):omics:([a-z0-9-]+):(\d{12}):runBatch\/(.+)$/;
const EXAMPLE = 'a batch ID such as 4812375, or arn:aws:omics:REGION:ACCOUNT:runBatch/ID';

function checkId(id: string, argument: string): string {
	if (!/^[0-9]+$/.test(id))
		throw new BatchReferenceError(
			`"${argument}" is not a batch ID or ARN: IDs are digits only; expected ${EXAMPLE}`,
		);
	if (id.length > 18)
		throw new BatchReferenceError(`"${argument}" has ${id.length} digits; batch IDs have 1 to 18`);
	return id;
}

/** Parses a plain batch id or a run batch ARN (`arn:aws:omics:REGION:ACCOUNT:runBatch/ID`). */
export function parseBatchReference(argument: string): BatchReference {
	const value = argument.trim();
	if (value === '') throw new BatchReferenceError(`an empty argument is not a batch; expected ${EXAMPLE}`);
	if (!value.startsWith('arn:')) return {id: checkId(value, argument)};
	const match = ARN.exec(value);
	if (!match) {
		throw new BatchReferenceError(
			`"${argument}" is not a run batch ARN; expected arn:aws:omics:REGION:ACCOUNT:runBatch/ID`,
		);
	}
	const [, , region = '', accountId = '', id = ''] = match;
	return {id: checkId(id, argument), region, accountId};
}

/** Parses several references, dropping repeats of the same id (first one wins). */
export function parseBatchReferences(argumentsList: readonly string[]): BatchReference[] {
	const seen = new Set<string>();
	const references: BatchReference[] = [];
	for (const argument of argumentsList) {
		const reference = parseBatchReference(argument);
		if (seen.has(reference.id)) continue;
		seen.add(reference.id);
		references.push(reference);
	}
	return references;
}
