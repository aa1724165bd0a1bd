import {describe, expect, it} from 'vitest';
import {labelledLines, wrappedLines} from '../../../source/ui/lines/wrapped-lines.js';
import type {Line} from '../../../source/ui/text/styled-line.js';

const text = (lines: Line[]) => lines.map((line) => line.map((span) => span.text).join(''));
const ARN = 'arn:aws:iam::123456789012:role/OmicsWorkflowRole';
const options = {labelColumns: 16, underIndent: 2};

describe('labelled values', () => {
	it('go beside the label when every word fits there, later rows under the first', () => {
		expect(text(labelledLines('Status', 'FAILED', 40, options))).toEqual(['Status          FAILED']);
		expect(text(labelledLines('Last error', 'the service is throttling requests now', 40, options))).toEqual([
			'Last error      the service is',
			'                throttling requests now',
		]);
	});

	it('go under the label when a word (an ARN, a URI) would not fit beside it, keeping it on one row', () => {
		expect(text(labelledLines('Role', ARN, 60, options))).toEqual(['Role', `  ${ARN}`]);
		expect(text(labelledLines('Role', ARN, 70, options))).toEqual([`Role            ${ARN}`]);
	});

	it('keep the indent of an indented label that goes on a row of its own', () => {
		expect(text(labelledLines('  roleArn', ARN, 40, {labelColumns: 24, underIndent: 4}))).toEqual([
			'  roleArn',
			'    arn:aws:iam::123456789012:role/',
			'    OmicsWorkflowRole',
		]);
	});

	it('wrap plain text after an indent, styled', () => {
		expect(wrappedLines('a b c', 5, 2, {dim: true})).toEqual([
			[{text: '  '}, {text: 'a b', dim: true}],
			[{text: '  '}, {text: 'c', dim: true}],
		]);
	});
});
