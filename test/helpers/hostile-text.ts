/** 10,000 characters of what a hostile or broken backend might send: CSI, OSC, DCS, C1, BEL, CR. */
export const HOSTILE = Array.from(
	{length: 400},
	(_, i) => `\u001b[${i % 108}m\u001b]0;t${i}\u0007\u009b2J\u001bP+q\u001b\\\r\nword${i} `,
)
	.join('')
	.padEnd(10_000, '\u0007x');
