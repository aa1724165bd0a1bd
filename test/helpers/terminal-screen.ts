import xterm from '@xterm/headless';

export type HeadlessTerminal = InstanceType<typeof xterm.Terminal>;

/** The rows a headless xterm shows, as text (cells never written are dropped at the end of a row). */
export function visibleRows(terminal: HeadlessTerminal): string[] {
	const buffer = terminal.buffer.active;
	return Array.from(
		{length: terminal.rows},
		(_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '',
	);
}

/**
 * What a terminal of this size shows after `bytes`. convertEol: a real tty turns "\n" into "\r\n"
 * (onlcr), and these bytes never went through one.
 */
export async function replayScreen(bytes: string, columns: number, rows: number): Promise<string[]> {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, convertEol: true});
	await new Promise<void>((resolve) => terminal.write(bytes, resolve));
	const screen = visibleRows(terminal);
	terminal.dispose();
	return screen;
}
