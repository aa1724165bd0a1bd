import {describe, expect, it} from 'vitest';
import {toBatchView, finishedRuns} from '../../source/domain/batch-view.js';
import {batchVerdict} from '../../source/domain/batch-verdict.js';

describe('toBatchView', () => {
	it('fills every missing field: counts 0, no dates, label from id', () => {
		const view = toBatchView({}, '123');
		expect(view.id).toBe('123');
		expect(view.label).toBe('123');
		expect(view.status).toBe('UNKNOWN');
		expect(view.statusClass).toBe('unknown');
		expect(view.totalRuns).toBe(0);
		expect(view.runs.completed).toBe(0);
		expect(view.submissions.pending).toBe(0);
		expect(view.createdAt).toBeUndefined();
		expect(view.anomalies).toEqual([]);
	});

	it('keeps an unknown status raw and classes it unknown', () => {
		const view = toBatchView({id: '1', status: 'PAUSED_FOR_QUOTA', totalRuns: 1});
		expect(view.status).toBe('PAUSED_FOR_QUOTA');
		expect(view.statusClass).toBe('unknown');
		expect(batchVerdict(view).kind).toBe('unknown');
	});

	it('clamps counts out of range for display and reports each as an anomaly', () => {
		const view = toBatchView({
			id: '1',
			status: 'INPROGRESS',
			totalRuns: 10,
			runSummary: {completedRunCount: 50, failedRunCount: -3},
			submissionSummary: {successfulStartSubmissionCount: 10},
		});
		expect(view.runs.completed).toBe(10);
		expect(view.runs.failed).toBe(0);
		expect(view.anomalies.join('\n')).toMatch(/completedRunCount \(50\) exceeds totalRuns \(10\)/);
		expect(view.anomalies.join('\n')).toMatch(/failedRunCount is negative/);
	});

	it('derives totalRuns from the start counts when it is missing, and says so', () => {
		const view = toBatchView({
			id: '1',
			submissionSummary: {successfulStartSubmissionCount: 4, failedStartSubmissionCount: 1},
		});
		expect(view.totalRuns).toBe(5);
		expect(view.anomalies[0]).toMatch(/totalRuns missing/);
	});

	it('sanitises every string from the API', () => {
		const view = toBatchView({
			id: '1',
			name: 'evil\u001b]0;title\u0007name',
			status: 'FAILED',
			failureReason: 'bad\u001b[2Jreason',
			tags: {'k\u0007': 'v\u001b[31m'},
			defaultRunSetting: {workflowId: '9', parameters: {a: 1}},
		});
		expect(view.name).toBe('evilname');
		expect(view.failureReason).toBe('badreason');
		expect(view.tags).toEqual({k: 'v'});
		expect(view.workflowId).toBe('9');
		expect(view.settings).toContainEqual(['parameters', '{"a":1}']);
	});

	it('counts finished runs and gives verdicts', () => {
		const processed = toBatchView({
			id: '1',
			status: 'PROCESSED',
			totalRuns: 3,
			runSummary: {completedRunCount: 2, failedRunCount: 1},
		});
		expect(finishedRuns(processed)).toBe(3);
		expect(batchVerdict(processed)).toEqual({kind: 'some-failed', label: 'finished, 1 of 3 failed'});
		expect(
			batchVerdict(
				toBatchView({id: '1', status: 'PROCESSED', totalRuns: 1, runSummary: {completedRunCount: 1}}),
			).kind,
		).toBe('succeeded');
		expect(batchVerdict(toBatchView({id: '1', status: 'FAILED'})).kind).toBe('batch-failed');
		expect(batchVerdict(toBatchView({id: '1', status: 'CANCELLED'})).kind).toBe('cancelled');
		expect(batchVerdict(toBatchView({id: '1', status: 'SUBMITTING'})).kind).toBe('running');
	});
});
