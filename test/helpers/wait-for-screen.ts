/**
 * Polls a terminal's screen (a tmux capture, say) every 100 ms until `check` accepts it; returns it, or
 * throws after `timeoutMs` with what it waited for and the last screen.
 */
export async function waitForScreen(
	screen: () => string,
	check: (text: string) => boolean,
	what: string,
	timeoutMs: number,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = screen();
		if (check(text)) return text;
		if (Date.now() > deadline) throw new Error(`the terminal never showed ${what}; screen:\n${text}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
