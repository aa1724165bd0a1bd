import {describe, expect, it} from 'vitest';
import {groupFailures, normalizeFailureMessage} from '../../source/domain/failure-groups.js';

describe('failure grouping', () => {
	it('groups by reason and message shape, largest first, with examples', () => {
		const groups = groupFailures([
			{reason: 'TASK_FAILED', message: "Task 'bwa' exited with status 137", example: 'r1'},
			{reason: 'TASK_FAILED', message: "Task 'bwa' exited with status 139", example: 'r2'},
			{reason: 'INPUT_NOT_FOUND', message: 'Input s3://b/x.cram does not exist', example: 'r3'},
			{reason: 'TASK_FAILED', message: "Task 'bwa' exited with status 1", example: 'r4'},
			{reason: 'TASK_FAILED', message: "Task 'bwa' exited with status 2", example: 'r5'},
			{reason: 'INPUT_NOT_FOUND', message: 'Input s3://b/y.cram does not exist', example: 'r6'},
		]);
		expect(groups.map((g) => [g.reason, g.count, g.examples])).toEqual([
			['TASK_FAILED', 4, ['r1', 'r2', 'r4']],
			['INPUT_NOT_FOUND', 2, ['r3', 'r6']],
		]);
		expect(groups[0]?.message).toBe("Task 'bwa' exited with status 137");
	});

	it('sanitises reasons and messages, and names a missing reason', () => {
		const [group] = groupFailures([{message: '\u001b[31mboom\u001b[0m', example: 'x\u0007'}]);
		expect(group).toMatchObject({reason: 'Unknown', message: 'boom', examples: ['x']});
	});

	it('normalises numbers, S3 URIs, ARNs and uuids', () => {
		expect(
			normalizeFailureMessage(
				'Run 123 in s3://a/b/c failed for arn:aws:iam::1:role/R id 0b9e2c41-7a3d-4c55-9f0e-2d6a8c1b7e90',
			),
		).toBe('run # in <uri> failed for <arn> id <uuid>');
	});
});
