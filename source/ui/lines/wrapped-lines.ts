import {largest} from '../../domain/largest.js';
import {widthOf, type Line, type Span} from '../text/styled-line.js';
import {wrapText} from '../text/wrap-text.js';

type Style = Omit<Span, 'text'>;

/** Text wrapped whole (see wrapText) into lines of `width` columns, each after `indent` spaces. */
export function wrappedLines(text: string, width: number, indent = 0, style: Style = {}): Line[] {
	const pad: Span[] = indent > 0 ? [{text: ' '.repeat(indent)}] : [];
	return wrapText(text, width - indent).map((part) => [...pad, {...style, text: part}]);
}

/** Fewer columns than this beside a label read as a ragged column: the value goes under it instead. */
const MIN_VALUE_COLUMNS = 20;

/** The widest word of the text: a URI, ARN or id that should stay whole on one row. */
const widestWord = (text: string): number => largest(text.split(' ').map(widthOf), 0);

export interface LabelOptions {
	/** Columns of the label column: the value starts there, and its later lines too. */
	readonly labelColumns: number;
	/** Where the value starts when it goes under the label. */
	readonly underIndent: number;
	readonly labelStyle?: Style;
	readonly valueStyle?: Style;
}

/**
 * A label and its value, the value wrapped whole: beside the label (its later lines under the value's
 * first) when the label fits its column and every word of the value (a URI, an ARN) fits beside it,
 * otherwise on lines of its own under the label, where such a word keeps one row.
 */
export function labelledLines(label: string, value: string, width: number, options: LabelOptions): Line[] {
	const {labelColumns, underIndent, labelStyle = {}, valueStyle = {}} = options;
	const room = width - labelColumns;
	const beside =
		widthOf(label) < labelColumns &&
		(widthOf(value) <= room || (room >= MIN_VALUE_COLUMNS && widestWord(value) <= room));
	if (beside) {
		const pad = ' '.repeat(labelColumns);
		return wrapText(value, room).map((part, index) =>
			index === 0
				? [
						{...labelStyle, text: label + ' '.repeat(labelColumns - widthOf(label))},
						{...valueStyle, text: part},
					]
				: [{text: pad}, {...valueStyle, text: part}],
		);
	}
	const labelIndent = label.length - label.trimStart().length;
	return [
		...wrappedLines(label.trimStart(), width, labelIndent, labelStyle),
		...wrappedLines(value, width, underIndent, valueStyle),
	];
}
