// Intl objects are slow to create and Number#toLocaleString creates one per call (half a millisecond
// each); counts are formatted on every frame, so one formatter is shared. It is made on first use, not
// at import: creating it costs ~10 ms, which `--version` and every other mode that prints no count
// would pay at start-up.
let grouped: Intl.NumberFormat | undefined;

/** A whole number with thousands separators: 100000 -> "100,000". */
export function groupThousands(value: number): string {
	grouped ??= new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
	return grouped.format(Math.round(value));
}
