import {stripUnsafe, stripUnsafeDeep} from '../domain/sanitize-text.js';

// The one output guard. Everything batchtop writes goes through it: TUI frames (ui/terminal/frame-sink),
// plain and table lines, stderr messages, and every string inside JSON/NDJSON records, to stdout and to
// the --log file alike. Untrusted text is also sanitised where it enters (domain/sanitize-text); the
// guard makes that structural, so one forgotten call site cannot reach the terminal or the clipboard.

// Select Graphic Rendition (colours, bold, dim): the only escape sequence batchtop's own frames carry.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;:]*m/g;

/** One line of plain output: nothing unsafe, every printable character and space kept. */
export function guardLine(line: string): string {
	return stripUnsafe(line);
}

/** One line of styled text: SGR styling kept, everything else as guardLine. */
export function guardStyledLine(line: string): string {
	let guarded = '';
	let last = 0;
	for (const match of line.matchAll(SGR)) {
		guarded += stripUnsafe(line.slice(last, match.index)) + match[0];
		last = match.index + match[0].length;
	}
	return last === 0 ? stripUnsafe(line) : guarded + stripUnsafe(line.slice(last));
}

/** A whole frame of styled lines, line breaks kept. */
export function guardFrame(frame: string): string {
	return frame.split('\n').map(guardStyledLine).join('\n');
}

/** One NDJSON line (no newline): what a consumer decodes holds no escape, control or format character. */
export function guardJson(record: unknown): string {
	return JSON.stringify(stripUnsafeDeep(record));
}

/** Something that takes text, such as process.stdout. */
export interface TextStream {
	write(text: string): unknown;
}

/** Writes lines to a stream, each through the guard. */
export function guardedLineWriter(stream: TextStream): (line: string) => void {
	return (line) => {
		stream.write(`${guardLine(line)}\n`);
	};
}

/** The one way an error message reaches stderr: "batchtop: <message>", guarded, one line. */
export function writeErrorLine(message: string, stream: TextStream = process.stderr): void {
	stream.write(`batchtop: ${guardLine(message)}\n`);
}
