/** A count as the API should send it: a non-negative safe integer, or undefined when it is not one. */
export function safeCountOrUndefined(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** A count for display: the value when it is a non-negative safe integer, else 0. */
export function safeCount(value: unknown): number {
	return safeCountOrUndefined(value) ?? 0;
}
