// Counts are formatted on every frame and in every --once row. Number#toLocaleString creates an Intl
// object per call (half a millisecond each), and the first Intl object of a process loads ICU's
// number data (~10-16 ms of every start that prints a count). Whole numbers in the safe range are
// grouped here instead, exactly as en-US Intl groups them (a test holds the two equal); anything else
// (-0, beyond 2^53, NaN, infinities) goes to one shared formatter, made on first use.
let grouped: Intl.NumberFormat | undefined;

/** A whole number with thousands separators: 100000 -> "100,000". */
export function groupThousands(value: number): string {
	const whole = Math.round(value);
	if (!Number.isSafeInteger(whole) || Object.is(whole, -0)) {
		grouped ??= new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
		return grouped.format(whole);
	}
	const digits = String(Math.abs(whole));
	let text = digits.slice(0, digits.length % 3 || 3);
	for (let at = text.length; at < digits.length; at += 3) text += `,${digits.slice(at, at + 3)}`;
	return whole < 0 ? `-${text}` : text;
}
