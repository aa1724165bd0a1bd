// Intl objects are slow to create and Number#toLocaleString creates one per call (half a millisecond
// each); counts are formatted on every frame, so one formatter is made once and shared.
const GROUPED = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

/** A whole number with thousands separators: 100000 -> "100,000". */
export function groupThousands(value: number): string {
	return GROUPED.format(Math.round(value));
}
