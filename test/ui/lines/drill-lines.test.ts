import {describe, expect, it} from 'vitest';
import {breadcrumbLines} from '../../../source/ui/lines/breadcrumb-lines.js';
import {failureEntryLines} from '../../../source/ui/lines/failure-entry-lines.js';
import {runViewLines} from '../../../source/ui/lines/run-view-lines.js';
import {batchCopyTargets, runCopyTargets, shellWord} from '../../../source/ui/state/copy-targets.js';
import type {RunView} from '../../../source/poller/drill-down-state.js';
import {lineWidth, type Line} from '../../../source/ui/text/styled-line.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';

const text = (lines: readonly Line[]) => lines.map((line) => line.map((span) => span.text).join(''));
const TASK_STREAM =
	'arn:aws:logs:us-east-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/1234567/task/7654321';

const view: RunView = {
	runId: '1234567',
	batchId: '9',
	loading: false,
	runSettingId: 'sample-0042',
	run: {
		id: '1234567',
		arn: 'arn:aws:omics:us-east-1:123456789012:run/1234567',
		name: 'germline-sample-0042',
		status: 'FAILED',
		failureReason: 'TASK_FAILED',
		statusMessage: 'Task haplotype_caller failed with exit code 137 (out of memory)',
		startTime: new Date('2026-11-30T10:00:00Z'),
		stopTime: new Date('2026-11-30T10:42:00Z'),
		outputUri: 's3://bucket/out/',
		engineLogStream:
			'arn:aws:logs:us-east-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/1234567/engine',
	},
	tasks: [
		{
			task: {
				taskId: '7654321',
				name: 'haplotype_caller',
				status: 'FAILED',
				failureReason: 'OUT_OF_MEMORY',
				instanceType: 'omics.m.xlarge',
				cpus: 4,
				memory: 16,
				logStream: TASK_STREAM,
			},
			log: {
				streamArn: TASK_STREAM,
				loading: false,
				complete: false,
				lines: [
					{timestamp: new Date('2026-11-30T10:41:58Z'), message: 'INFO  HaplotypeCaller - chr20:1000000'},
					{
						timestamp: new Date('2026-11-30T10:41:59Z'),
						message: 'java.lang.OutOfMemoryError: Java heap space',
					},
				],
			},
		},
	],
	engineLog: {streamArn: 'engine', loading: false, complete: true, lines: [{message: 'executor > awsomics'}]},
};

describe('the drill-down lines', () => {
	it('a run view ends with the failed task’s newest log lines, and o shows the engine’s instead', () => {
		const document = runViewLines(view, 'task', 60, UNICODE_GLYPHS);
		const lines = text(document.lines);
		expect(lines[0]).toBe('Run 1234567  FAILED');
		expect(lines.join('\n')).toContain('runSettingId  sample-0042');
		expect(lines.join('\n')).toContain('Failed task haplotype_caller');
		expect(lines.join('\n')).toContain('omics.m.xlarge · 4 vCPU · 16 GiB');
		expect(lines.at(-1)).toBe('  10:41:59  java.lang.OutOfMemoryError: Java heap space');
		expect(document.olderLoadable).toBe(true);
		expect(document.logName).toBe('task haplotype_caller');
		expect(document.logStream).toBe(TASK_STREAM);
		for (const line of document.lines) expect(lineWidth(line)).toBeLessThanOrEqual(60);
		const engine = runViewLines(view, 'engine', 60, UNICODE_GLYPHS);
		expect(text(engine.lines).at(-1)).toBe('  --:--:--  executor > awsomics');
		expect(engine.olderLoadable).toBe(false);
		expect(engine.logName).toBe('engine log');
	});

	it('a log at the most lines batchtop keeps offers no older lines, and says where they are', () => {
		const first = view.tasks?.[0];
		if (!first?.log) throw new Error('the test run has a task log');
		const capped: RunView = {...view, tasks: [{...first, log: {...first.log, capped: true}}]};
		const document = runViewLines(capped, 'task', 200, UNICODE_GLYPHS);
		expect(document.olderLoadable).toBe(false);
		expect(text(document.lines).join('\n')).toContain('as many as batchtop keeps; y copies an aws logs line');
	});

	it('an entry keeps its ids whole and wraps its message, at any width', () => {
		const entry = {
			kind: 'run' as const,
			runId: '1234567',
			reason: 'TASK_FAILED',
			message: 'Task haplotype_caller failed with exit code 137',
		};
		const facts = {loading: false, runSettingId: 'sample-0042', failedTask: 'haplotype_caller'};
		const wide = text(failureEntryLines(entry, facts, 80, UNICODE_GLYPHS, true, true));
		expect(wide[0]).toBe('› run 1234567 · setting sample-0042 · task haplotype_caller');
		for (const width of [20, 30, 44]) {
			const lines = failureEntryLines(entry, facts, width, ASCII_GLYPHS, false, false);
			for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
			const joined = text(lines).join(' ');
			for (const word of ['1234567', 'sample-0042', 'haplotype_caller']) expect(joined).toContain(word);
		}
		expect(text(failureEntryLines(entry, undefined, 80, ASCII_GLYPHS, false, false))[0]).toBe(
			'  run 1234567 . looking up~',
		);
	});

	it('the breadcrumb wraps whole and ends where the user is', () => {
		const lines = breadcrumbLines(
			['germline-trio-2026-11', 'TASK_FAILED (9)', 'run 3628869', 'task haplotype_caller'],
			40,
			UNICODE_GLYPHS,
		);
		expect(text(lines).join(' ')).toBe(
			'germline-trio-2026-11 › TASK_FAILED (9) › run 3628869 › task haplotype_caller',
		);
		expect(lines.at(-1)?.at(-1)).toEqual({text: 'task haplotype_caller', bold: true});
		for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(40);
	});

	it('y’s aws lines are ready to paste: the log group and stream from the ARN, the region and endpoint in use', () => {
		const targets = runCopyTargets(
			{runId: '1234567', runSettingId: 'sample 42', logStream: TASK_STREAM},
			{endpointUrl: 'http://127.0.0.1:4010'},
		);
		expect(targets.map((target) => target.label)).toEqual([
			'run id',
			'runSettingId',
			'aws omics get-run command',
			'log stream ARN',
			'aws logs get-log-events command',
		]);
		expect(targets[2]?.text).toBe('aws omics get-run --id 1234567 --endpoint-url http://127.0.0.1:4010');
		expect(targets[4]?.text).toBe(
			'aws logs get-log-events --log-group-name /aws/omics/WorkflowLog --log-stream-name run/1234567/task/7654321 --no-start-from-head --limit 100 --region us-east-1 --endpoint-url http://127.0.0.1:4010',
		);
		expect(batchCopyTargets({id: '5'}, {region: 'eu-west-1', profile: 'lab'}).at(-1)?.text).toBe(
			'aws omics get-batch --batch-id 5 --profile lab --region eu-west-1',
		);
		expect(shellWord("it's $(rm -rf)")).toBe("'it'\\''s $(rm -rf)'");
	});
});
