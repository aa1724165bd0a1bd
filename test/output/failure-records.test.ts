import {describe, expect, it} from 'vitest';
import type {FailureRecord} from '../../source/domain/failure-record.js';
import {
	csvField,
	failureCsvRow,
	failureJsonLine,
	failurePlainLine,
} from '../../source/output/failure-records.js';

const RUN: FailureRecord = {
	batchId: '4812375',
	kind: 'run',
	runSettingId: 'trio-0007',
	runId: '3628869',
	reason: 'TASK_FAILED',
	message: 'Task "bwa_mem" exited, status 137',
	taskId: '1234567',
	taskName: 'bwa_mem',
	taskReason: 'OUT_OF_MEMORY',
	taskMessage: null,
	logStream:
		'arn:aws:logs:us-east-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/3628869/task/1234567',
};

describe('failure record writers', () => {
	it('CSV fields are quoted when they hold commas, quotes or line breaks, quotes doubled (RFC 4180)', () => {
		expect(csvField('plain text')).toBe('plain text');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\r')).toBe('"cr\r"');
		expect(csvField(null)).toBe('');
	});

	it('a CSV row keeps every column, guards control characters away and quotes what needs it', () => {
		const row = failureCsvRow({...RUN, taskMessage: 'line one\nline two\u001b[2J, done'});
		expect(row).toBe(
			`4812375,run,trio-0007,3628869,TASK_FAILED,"Task ""bwa_mem"" exited, status 137",1234567,bwa_mem,OUT_OF_MEMORY,"line one line two, done",${RUN.logStream}`,
		);
	});

	it('NDJSON has every field in order, nulls included; plain is one line', () => {
		expect(Object.keys(JSON.parse(failureJsonLine(RUN)) as object)).toEqual([
			'batchId',
			'kind',
			'runSettingId',
			'runId',
			'reason',
			'message',
			'taskId',
			'taskName',
			'taskReason',
			'taskMessage',
			'logStream',
		]);
		expect(failurePlainLine(RUN)).toBe(
			`run 3628869 trio-0007 TASK_FAILED: Task "bwa_mem" exited, status 137 · task bwa_mem (1234567) OUT_OF_MEMORY · log ${RUN.logStream}`,
		);
		expect(
			failurePlainLine({
				...RUN,
				kind: 'submission',
				runId: null,
				taskId: null,
				taskName: null,
				logStream: null,
				message: 'a\nb',
			}),
		).toBe('submission trio-0007 TASK_FAILED: a b');
	});
});
