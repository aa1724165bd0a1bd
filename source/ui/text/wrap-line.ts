import {widthOf, type Line, type Span} from './styled-line.js';
import {wrapText} from './wrap-text.js';

/**
 * A styled line wrapped to `width` columns instead of cut: at spaces, each span keeping its style, the
 * rows after the first indented by `indent` (under a label, say). A span that fits a row is kept whole. A word wider than a row breaks as
 * wrapText breaks it (after `/` and punctuation first), so nothing is lost and no ellipsis is shown.
 */
export function wrapLine(line: Line, width: number, indent = 0): Line[] {
	if (width <= 0) return [line];
	const total = line.reduce((sum, span) => sum + widthOf(span.text), 0);
	if (total <= width) return [line];
	const margin = Math.max(0, Math.min(indent, width - 1));
	const rows: Span[][] = [[]];
	let used = 0;
	const newRow = () => {
		rows.push(margin > 0 ? [{text: ' '.repeat(margin)}] : []);
		used = margin;
	};
	const place = (text: string, style: Span) => {
		rows.at(-1)?.push({...style, text});
		used += widthOf(text);
	};
	for (const span of line) {
		// A span that fits a row of its own is not split: "Processed Nov 29 17:21" moves down whole.
		const whole = span.text.trimStart();
		const wholeWidth = widthOf(whole);
		if (used + widthOf(span.text) > width && wholeWidth <= width - margin && used > margin) {
			newRow();
			place(whole, span);
			continue;
		}
		for (const piece of span.text.split(/( +)/)) {
			if (piece === '') continue;
			const pieceWidth = widthOf(piece);
			if (used + pieceWidth <= width) {
				// No spaces at the start of a continued row.
				if (!(piece.trim() === '' && used === margin && rows.length > 1)) place(piece, span);
				continue;
			}
			if (piece.trim() === '') {
				newRow();
				continue;
			}
			if (used > margin || (rows.length === 1 && used > 0)) newRow();
			if (pieceWidth <= width - used) {
				place(piece, span);
				continue;
			}
			const parts = wrapText(piece, Math.max(1, width - margin), width - used);
			parts.forEach((part, index) => {
				if (index > 0) newRow();
				place(part, span);
			});
		}
	}
	return rows
		.map((row, index) => (index === rows.length - 1 ? row : withoutTrailingSpaces(row)))
		.filter((row, index) => index === 0 || row.some((span) => span.text.trim() !== ''));
}

/** A row that ends where its text ends (the space at a break is not drawn). */
function withoutTrailingSpaces(row: readonly Span[]): Span[] {
	const spans = [...row];
	while (spans.length > 0) {
		const last = spans.at(-1)!;
		const trimmed = last.text.trimEnd();
		if (trimmed !== '') {
			spans[spans.length - 1] = {...last, text: trimmed};
			break;
		}
		spans.pop();
	}
	return spans;
}
