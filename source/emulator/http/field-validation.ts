import {constraintError, validationError} from './api-error.js';

// Field checks with the service's constraint wording (shared/healthomics-batch-api.md §1.4). Every
// request already passed the model-driven checks (shape-validation.ts) when a handler calls these.

// The model's Unicode class excludes C0 and C1 controls; matching them is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A numeric id: batchId, runId, workflowId, runGroupId, cacheId. */
export function checkNumericId(field: string, value: unknown): string {
	if (typeof value !== 'string' || value.length < 1 || value.length > 18) {
		throw constraintError(field, value, 'Member must have length between 1 and 18');
	}
	if (!/^[0-9]+$/.test(value))
		throw constraintError(field, value, 'Member must satisfy regular expression pattern: [0-9]+');
	return value;
}

/** A free-text field of the model's Unicode class (no control characters) and bounded length. */
export function checkText(field: string, value: unknown, min: number, max: number): string {
	if (typeof value !== 'string' || value.length < min || value.length > max) {
		throw constraintError(field, value, `Member must have length between ${min} and ${max}`);
	}
	if (CONTROL.test(value)) throw constraintError(field, value, 'Member must not contain control characters');
	return value;
}

/** A member of a closed set of strings. */
export function checkEnum<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw constraintError(field, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
	}
	return value as T;
}

/** An integer within bounds, from JSON or a query string. */
export function checkInteger(field: string, value: unknown, min: number, max: number): number {
	const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw constraintError(field, value, 'Member must be an integer');
	}
	if (number < min)
		throw constraintError(field, value, `Member must have value greater than or equal to ${min}`);
	if (number > max)
		throw constraintError(field, value, `Member must have value less than or equal to ${max}`);
	return number;
}

/** A JSON object (not an array or null). */
export function checkObject(field: string, value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw validationError(`${field} must be a JSON object`);
	}
	return value as Record<string, unknown>;
}

/** At most one of the given list filters is set, as ListBatch and ListRunsInBatch require. */
export function checkSingleFilter(query: URLSearchParams, names: readonly string[]): void {
	const given = names.filter((name) => query.has(name));
	if (given.length > 1) {
		throw validationError(
			`Only one filter can be used per request; got ${given.join(' and ')}. Choose one of: ${names.join(', ')}`,
		);
	}
}
