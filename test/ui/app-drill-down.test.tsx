import {afterEach, describe, expect, it} from 'vitest';
import type {FailureDetail} from '../../source/poller/poller-state.js';
import type {RunView} from '../../source/poller/drill-down-state.js';
import {KEYS, plain, renderApp} from '../helpers/render-app.js';
import {StaticDrill} from '../helpers/static-drill.js';
import {StaticPoller, batchSnapshot} from '../helpers/static-poller.js';

const STREAM =
	'arn:aws:logs:us-east-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/3628869/task/555';
const failures: FailureDetail = {
	submissions: {
		groups: [
			{key: 's', reason: 'ValidationException', message: 'bad input', count: 1, examples: ['sample-9']},
		],
		loaded: 1,
		complete: true,
	},
	runs: {
		groups: [
			{
				key: 'r',
				reason: 'TASK_FAILED',
				message: 'Task haplotype_caller failed',
				count: 2,
				examples: ['3628869', '3628870'],
			},
		],
		loaded: 2,
		complete: true,
	},
	loading: false,
};
const batch = batchSnapshot(
	{
		id: '1928374',
		name: 'germline-trio-2026-11',
		status: 'INPROGRESS',
		totalRuns: 10,
		submissionSummary: {successfulStartSubmissionCount: 9, failedStartSubmissionCount: 1},
		runSummary: {completedRunCount: 5, failedRunCount: 2, runningRunCount: 2},
	},
	{failures},
);
const run: RunView = {
	runId: '3628869',
	batchId: '1928374',
	loading: false,
	runSettingId: 'trio-7',
	run: {
		id: '3628869',
		status: 'FAILED',
		failureReason: 'TASK_FAILED',
		statusMessage: 'Task haplotype_caller failed',
	},
	tasks: [
		{
			task: {taskId: '555', name: 'haplotype_caller', status: 'FAILED', logStream: STREAM},
			log: {
				streamArn: STREAM,
				loading: false,
				complete: false,
				lines: Array.from({length: 80}, (_, index) => ({message: `gatk line ${index + 1}`})),
			},
		},
	],
	engineLog: {
		streamArn: 'engine',
		loading: false,
		complete: true,
		lines: [{message: 'nextflow: process failed'}],
	},
};

function setup(columns = 120, rows = 30) {
	const poller = new StaticPoller();
	const drill = new StaticDrill();
	poller.drill = drill;
	poller.set([batch]);
	drill.setEntries('run', 'r', [
		{kind: 'run', runId: '3628869', reason: 'TASK_FAILED', message: 'Task haplotype_caller failed'},
		{kind: 'run', runId: '3628870', reason: 'TASK_FAILED', message: 'Task haplotype_caller failed'},
	]);
	drill.setEntries('submission', 's', [
		{kind: 'submission', runSettingId: 'sample-9', reason: 'ValidationException', message: 'bad input'},
	]);
	drill.setFacts('3628869', {loading: false, runSettingId: 'trio-7', failedTask: 'haplotype_caller'});
	drill.setRun(run);
	const copies: string[] = [];
	const view = renderApp(poller, {
		columns,
		rows,
		props: {
			onCopy: (text) => {
				copies.push(text);
			},
			awsCli: {region: 'us-east-1'},
		},
	});
	return {poller, drill, view, copies};
}

describe('the drill-down: detail → group → run → back', () => {
	let view: ReturnType<typeof renderApp>;
	afterEach(() => view.app.unmount());

	it('reaches the newest lines of the failed task’s log in four keys, with a breadcrumb, and goes back', async () => {
		const setupResult = setup();
		view = setupResult.view;
		const {drill} = setupResult;
		await view.waitForFrame((t) => t.includes('germline-trio-2026-11'), 'the list');
		// Enter opens the detail pane, n selects the run group, Enter opens it, Enter opens its first run.
		await view.press(KEYS.enter);
		await view.waitForFrame((t) => t.includes('› 1 × ValidationException'), 'the first group selected');
		await view.press('n');
		await view.waitForFrame((t) => t.includes('› 2 × TASK_FAILED'), 'the run group selected');
		await view.press(KEYS.enter);
		let text = plain(
			await view.waitForFrame(
				(t) => t.includes('run 3628869 · setting trio-7 · task haplotype_caller'),
				'the entries',
			),
		);
		expect(text).toContain('germline-trio-2026-11 › TASK_FAILED (2)');
		expect(text).toContain('2 failed runs');
		expect(drill.requests).toContain('facts:3628869,3628870');
		await view.press(KEYS.enter);
		text = plain(await view.waitForFrame((t) => t.includes('gatk line 80'), 'the newest log line'));
		expect(text).toContain('TASK_FAILED (2) › run 3628869 › task haplotype_caller');
		expect(text).not.toContain('gatk line 20');
		expect(text).toMatch(/↑ \d+ more/);
		expect(drill.requests).toContain('open:3628869');
		// o: the engine's log; o again: the task's.
		await view.press('o');
		await view.waitForFrame(
			(t) => t.includes('nextflow: process failed') && t.includes('› engine log'),
			'the engine log',
		);
		await view.press('o');
		await view.waitForFrame((t) => t.includes('gatk line 80'), 'the task log again');
		// To the top: older lines are asked for.
		await view.press('g');
		await view.waitForFrame((t) => t.includes('Run 3628869  FAILED'), 'the top of the run');
		expect(drill.requests).toContain(`older:3628869:${STREAM}`);
		await view.press(KEYS.backspace);
		await view.waitForFrame((t) => t.includes('2 failed runs') && !t.includes('gatk'), 'back to the entries');
		expect(drill.requests).toContain('close:3628869');
		await view.press(KEYS.escape);
		await view.waitForFrame((t) => t.includes('germline-trio-2026-11  details'), 'back to the detail pane');
		await view.press(KEYS.escape);
		await view.waitForFrame((t) => !t.includes('DETAIL'), 'the detail pane closed');
	});

	it('y copies the selected entry’s run id, then its other forms, and says so', async () => {
		const setupResult = setup();
		view = setupResult.view;
		await view.waitForFrame((t) => t.includes('germline-trio-2026-11'), 'the list');
		await view.press(KEYS.enter, 'n', KEYS.enter);
		await view.waitForFrame((t) => t.includes('2 failed runs'), 'the entries');
		await view.press('y');
		await view.waitForFrame(
			(t) => t.includes('copied run id: 3628869 (y again: runSettingId)'),
			'the notice',
		);
		await view.press('y', 'y');
		await view.waitForFrame((t) => t.includes('copied aws omics get-run command'), 'the third form');
		expect(setupResult.copies).toEqual([
			'3628869',
			'trio-7',
			'aws omics get-run --id 3628869 --region us-east-1',
		]);
		// j selects the next entry: its first form again.
		await view.press('j', 'y');
		await view.waitForFrame((t) => t.includes('copied run id: 3628870'), 'the next entry copied');
	});

	it('while paused a run that is still loading says so, and its spinner stands still', async () => {
		const setupResult = setup();
		view = setupResult.view;
		setupResult.drill.setRun({...run, loading: true});
		await view.waitForFrame((t) => t.includes('germline-trio-2026-11'), 'the list');
		await view.press(KEYS.enter, 'n', KEYS.enter, KEYS.enter);
		await view.waitForFrame(
			(t) => /RUN +[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] reading the run…/.test(t),
			'the spinner while it loads',
		);
		await view.press('p');
		const text = plain(
			await view.waitForFrame((t) => t.includes('reading the run…; paused (p resumes)'), 'the paused title'),
		);
		expect(text).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] reading the run/);
	});

	it('a failed submission has no run to open, and says so', async () => {
		const setupResult = setup();
		view = setupResult.view;
		await view.waitForFrame((t) => t.includes('germline-trio-2026-11'), 'the list');
		await view.press(KEYS.enter, KEYS.enter);
		await view.waitForFrame((t) => t.includes('setting sample-9'), 'the submission entries');
		await view.press(KEYS.enter);
		await view.waitForFrame((t) => t.includes('started no run; y copies its runSettingId'), 'the notice');
	});

	it('fits every row at narrow sizes too, ids whole', async () => {
		for (const [columns, rows] of [
			[40, 12],
			[60, 20],
		] as const) {
			const setupResult = setup(columns, rows);
			view = setupResult.view;
			await view.waitForFrame((t) => t.includes('germline'), 'the list');
			await view.press(KEYS.enter, 'n', KEYS.enter, KEYS.enter);
			const text = plain(
				await view.waitForFrame((t) => t.includes('gatk line 80'), `the log at ${columns}x${rows}`),
			);
			for (const row of text.split('\n')) expect(row.length).toBeLessThanOrEqual(columns);
			expect(text).toContain('3628869');
			view.app.unmount();
		}
		view = setup().view;
	});
});
