import React from 'react';
import {Text, renderToString} from 'ink';
import {Table} from '@alcalzone/ink-table';
import type {FailureGroup} from '../../domain/failure-groups.js';
import {formatCount} from '../text/format.js';
import {truncate, widthOf} from '../text/styled-line.js';
import {largest} from '../../domain/largest.js';

const PlainHeader = ({children}: React.PropsWithChildren) => <Text bold={false}>{children}</Text>;

/**
 * Failure groups as an @alcalzone/ink-table table, rendered once to plain text lines so the detail
 * pane can scroll and height-budget it like any other lines. Cells are cut to fit `width`.
 */
export function failureTableLines(groups: readonly FailureGroup[], width: number, ascii: boolean): string[] {
	if (groups.length === 0) return [];
	// Columns take what their content needs (up to a cap); the message gets the rest of the width.
	const longest = (values: string[]) =>
		largest(
			values.map((value) => widthOf(value)),
			0,
		);
	const countWidth = Math.max(5, longest(groups.map((group) => formatCount(group.count))));
	const reasonWidth = Math.min(30, Math.max(6, longest(groups.map((group) => group.reason))));
	const examplesWidth = Math.min(20, Math.max(8, longest(groups.map((group) => group.examples.join(', ')))));
	// Borders and padding: one column before each cell plus one at the end, and a space on each side of every cell.
	const messageWidth = Math.max(8, width - 5 - 8 - countWidth - reasonWidth - examplesWidth);
	const data = groups.map((group) => ({
		count: formatCount(group.count),
		reason: truncate(group.reason, reasonWidth),
		message: truncate(group.message || '-', messageWidth),
		examples: truncate(group.examples.join(', '), examplesWidth),
	}));
	const text = renderToString(
		<Table data={data} columns={['count', 'reason', 'message', 'examples']} header={PlainHeader} />,
		{columns: Math.max(width, 20)},
	);
	const lines = text.split('\n').filter((line) => line.length > 0);
	return ascii ? lines.map(asciiBorders) : lines;
}

const BOX: Record<string, string> = {
	'┌': '+',
	'┐': '+',
	'└': '+',
	'┘': '+',
	'├': '+',
	'┤': '+',
	'┬': '+',
	'┴': '+',
	'┼': '+',
	'─': '-',
	'│': '|',
};
const asciiBorders = (line: string): string =>
	line.replace(/[┌┐└┘├┤┬┴┼─│]/g, (character) => BOX[character] ?? character);
