/** Polls `check` every 20 ms until it returns a truthy value or `timeoutMs` passes (then throws with `what`). */
export async function waitFor<T>(
	check: () => T | undefined | false,
	what: string,
	timeoutMs = 20_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
