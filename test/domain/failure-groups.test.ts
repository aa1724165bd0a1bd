import {describe, expect, it} from 'vitest';
import {groupFailures, normalizeFailureMessage} from '../../source/domain/failure-groups.js';
import {HOSTILE_RUN_FAILURE, RUN_FAILURES} from '../../source/emulator/model/failure-catalog.js';

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
		).toBe('Run # in <uri> failed for <arn> id <uuid>');
	});

	it("keeps the emulator's three TASK_FAILED messages (the demo's two, the hostile scenario's one) in three groups, each message whole", () => {
		const task = [...RUN_FAILURES, HOSTILE_RUN_FAILURE].filter((failure) => failure.reason === 'TASK_FAILED');
		expect(task).toHaveLength(3);
		const groups = groupFailures(
			task.map((failure, index) => ({...failure, example: String(3628869 + index)})),
		);
		expect(groups).toHaveLength(3);
		expect(groups.map((group) => group.message)).toEqual([
			"Task 'bwa_mem' exited with status 137: the container ran out of memory",
			"Task 'haplotype_caller' exited with status 1: java.lang.IllegalArgumentException: malformed VCF header",
			'Task call_variants failed: stderr tail: Segmentation fault (core dumped)',
		]);
	});

	it('separates messages that differ in anything but numbers, uuids, URIs and ARNs (case included)', () => {
		const groups = groupFailures([
			{reason: 'TASK_FAILED', message: "Task 'bwa' ran out of memory", example: 'a'},
			{reason: 'TASK_FAILED', message: "Task 'gatk' ran out of memory", example: 'b'},
			{reason: 'TASK_FAILED', message: "Task 'BWA' ran out of memory", example: 'c'},
			{reason: 'TASK_FAILED', message: "Task 'bwa' ran out of memory", example: 'd'},
		]);
		expect(groups.map((group) => group.examples)).toEqual([['a', 'd'], ['c'], ['b']]);
	});

	it('keeps long messages and the longest ids the API allows whole (no ellipsis)', () => {
		const message = `${'word '.repeat(300)}end`;
		const id = `s-${'x'.repeat(126)}`;
		const [group] = groupFailures([{reason: 'TASK_FAILED', message, example: id}]);
		expect(group?.message).toBe(message);
		expect(group?.examples).toEqual([id]);
		// A message differing only after its 500th character is another group.
		expect(
			groupFailures([
				{reason: 'R', message: `${'a '.repeat(300)}disk`, example: '1'},
				{reason: 'R', message: `${'a '.repeat(300)}memory`, example: '2'},
			]),
		).toHaveLength(2);
	});
});
