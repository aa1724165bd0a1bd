/** The largest of the values, or `floor` when there are none: Math.max(...values) overflows the stack for long lists. */
export function largest(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
	let result = floor;
	for (const value of values) if (value > result) result = value;
	return result;
}
