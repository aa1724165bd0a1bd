import {afterEach, describe, expect, it} from 'vitest';
import {StaticPoller, batchSnapshot} from '../helpers/static-poller.js';
import {plain, renderApp} from '../helpers/render-app.js';
import {HOSTILE} from '../helpers/hostile-text.js';
import {drawSpinner, SPINNER_MARK, spinnerGlyph} from '../../source/ui/text/spinner-mark.js';
import {ASCII_GLYPHS} from '../../source/ui/theme/glyphs.js';

const now = Date.now();
const batch = (id: number, extra = {}) =>
	batchSnapshot({
		id: String(id),
		name: `batch-${String(id).padStart(4, '0')}`,
		status: 'INPROGRESS',
		totalRuns: 100,
		creationTime: new Date(now - 3_600_000),
		submissionSummary: {
			successfulStartSubmissionCount: 90,
			failedStartSubmissionCount: 4,
			pendingStartSubmissionCount: 6,
		},
		runSummary: {completedRunCount: 50, failedRunCount: 5, runningRunCount: 35},
		...extra,
	});

describe('screens', () => {
	let view: ReturnType<typeof renderApp>;
	afterEach(() => view.app.unmount());
	const rows = (text: string) => text.split('\n');

	it.each([
		[120, 40, 'wide'],
		[80, 24, 'medium'],
		[50, 20, 'narrow'],
		[70, 14, 'narrow'],
	])('%ix%i lays out %s within rows - 1, no line wider than the terminal', async (columns, height, kind) => {
		const poller = new StaticPoller();
		poller.set(Array.from({length: 30}, (_, index) => batch(index + 1)));
		view = renderApp(poller, {columns, rows: height});
		const text = await view.waitForFrame((t) => t.includes('Submissions'), 'the panel');
		expect(rows(text).length).toBeLessThanOrEqual(height - 1);
		for (const line of rows(plain(text))) expect(line.length, line).toBeLessThanOrEqual(columns);
		const listed = rows(plain(text)).filter((line) =>
			/^(› | {2})batch-00\d\d\s+\S?INPROGRESS/.test(line),
		).length;
		if (kind === 'wide') expect(listed).toBeGreaterThan(20);
		if (kind === 'medium') expect(listed).toBeGreaterThanOrEqual(3);
		if (kind === 'narrow') {
			expect(plain(text)).toContain('batch 1 of 30');
			expect(listed).toBe(0);
		}
	});

	it('below 40x10 asks for more room', async () => {
		const poller = new StaticPoller();
		poller.set([batch(1)]);
		view = renderApp(poller, {columns: 39, rows: 12});
		await view.waitForFrame((t) => t === 'needs 40×10, have 39×12', 'the size message');
	});

	it('shows stale data dimmed, with its age and the reason, never as live', async () => {
		const poller = new StaticPoller();
		const stale = batch(1, {});
		poller.set([
			{...stale, lastUpdated: now - 125_000, lastError: {kind: 'throttled', message: 'throttled', at: now}},
		]);
		view = renderApp(poller);
		const text = await view.waitForFrame((t) => t.includes('ago'), 'the stale notice');
		expect(plain(text)).toMatch(/as of \d\d:\d\d:\d\d \(2m 0\ds ago\): throttled/);
		expect(plain(text)).toContain('1 stale');
		expect(text).toContain('\u001b[2m'); // dim
		expect(plain(text)).not.toMatch(/updated \d\d:\d\d:\d\d/);
	});

	it('fills a row from the batch list before the batch itself has answered', async () => {
		const poller = new StaticPoller();
		poller.set([
			{
				id: '42',
				polling: true,
				done: false,
				history: [],
				listing: {name: 'wgs-cohort', status: 'SUBMITTING', totalRuns: 100_000},
			},
		]);
		view = renderApp(poller);
		const text = plain(await view.waitForFrame((t) => t.includes('wgs-cohort'), 'the listed name'));
		expect(text).toMatch(/› wgs-cohort\s+SUBMITTING\s+\?\/100k/);
		expect(text).toContain('from the batch list; details loading');
	});

	it('shows throughput from the history, but none while runs are being deleted', async () => {
		const history = [0, 20, 40]
			.map(
				(completed, minute) =>
					batchSnapshot(
						{
							id: '1',
							status: 'INPROGRESS',
							totalRuns: 100,
							submissionSummary: {successfulStartSubmissionCount: 100},
							runSummary: {completedRunCount: completed, runningRunCount: 100 - completed},
						},
						{},
						now - (2 - minute) * 60_000,
					).history[0],
			)
			.filter((sample) => sample !== undefined);
		const poller = new StaticPoller();
		poller.set([
			batch(1, {runSummary: {completedRunCount: 40, runningRunCount: 50}}),
			{
				...batch(2, {status: 'RUNS_DELETING', runSummary: {completedRunCount: 50, deletedRunCount: 40}}),
				history,
			},
		]);
		poller.set(poller.snapshot().batches.map((entry) => ({...entry, history})));
		view = renderApp(poller);
		// The status sort lists the deleting batch first.
		await view.waitForFrame(
			(t) => t.includes('RUNS_DELETING') && t.includes('Throughput —'),
			'no throughput while deleting',
		);
		await view.press('j');
		await view.waitForFrame((t) => t.includes('Throughput 20 runs/min'), 'the throughput');
	});

	it('shows an unknown status raw', async () => {
		const poller = new StaticPoller();
		poller.set([batchSnapshot({id: '7', name: 'odd', status: 'PAUSED_FOR_QUOTA', totalRuns: 3})]);
		view = renderApp(poller);
		const text = plain(await view.waitForFrame((t) => t.includes('PAUSED_FOR_QUOTA'), 'the raw status'));
		expect(text).toContain('unknown status PAUSED_FOR_QUOTA');
	});

	it('uses no colour when colour is off (NO_COLOR), keeping emphasis', async () => {
		const poller = new StaticPoller();
		poller.set([batch(1), batch(2, {status: 'FAILED', failureReason: 'broken', failedTime: new Date(now)})]);
		view = renderApp(poller, {color: false});
		const text = await view.waitForFrame((t) => t.includes('Submissions'), 'the panel');
		expect(text).not.toMatch(/\u001b\[(3[0-7]|9[0-7]|38;)/);
		expect(text).toContain('\u001b[1m');
	});

	it('draws only ASCII in ASCII mode', async () => {
		const poller = new StaticPoller();
		poller.set([batch(1), batch(2)]);
		view = renderApp(poller, {ascii: true, color: false});
		const frame = plain(await view.waitForFrame((t) => t.includes('Submissions'), 'the panel'));
		// The panel's spinner is a mark in the frame; the frame sink draws one of these glyphs there.
		expect(frame).toContain(SPINNER_MARK);
		const text = drawSpinner(frame, spinnerGlyph(ASCII_GLYPHS.spinner, Date.now()));
		expect(text).toMatch(/^[\x20-\x7e\n]*$/);
		expect(text).toContain('> batch-0001');
		expect(text).toMatch(/#+X+/);
	});

	it('renders a 10,000-character failure reason full of escape sequences harmlessly, in the panel and the detail', async () => {
		const poller = new StaticPoller();
		poller.set([
			batch(1, {
				status: 'FAILED',
				failureReason: HOSTILE,
				failedTime: new Date(now),
				name: `evil\u001b]0;title\u0007name`,
				tags: {'\u001b[31mk': HOSTILE},
			}),
		]);
		view = renderApp(poller);
		const panel = await view.waitForFrame((t) => t.includes('Failure'), 'the failure reason');
		const detailText = await (async () => {
			await view.press('d');
			return view.waitForFrame((t) => t.includes('details'), 'the detail');
		})();
		for (const text of [panel, detailText]) {
			const withoutStyling = plain(text);
			expect(withoutStyling).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
			expect(rows(text).length).toBeLessThanOrEqual(39);
			for (const line of rows(withoutStyling)) expect(line.length).toBeLessThanOrEqual(120);
		}
		expect(plain(panel)).toContain('evilname');
	});

	it('scrolls through 1,000 batches keeping the selection visible', async () => {
		const poller = new StaticPoller();
		poller.set(Array.from({length: 1000}, (_, index) => batch(index + 1)));
		view = renderApp(poller, {columns: 120, rows: 30});
		await view.waitForFrame((t) => plain(t).includes('› batch-0001'), 'the first batch');
		await view.press('G');
		let text = plain(await view.waitForFrame((t) => plain(t).includes('› batch-1000'), 'the last batch'));
		expect(rows(text).length).toBeLessThanOrEqual(29);
		expect(text).toContain('batch-0999');
		await view.press('k', 'k', 'k');
		text = plain(await view.waitForFrame((t) => plain(t).includes('› batch-0997'), 'moving up'));
		await view.press(' ', 'g');
		await view.waitForFrame((t) => plain(t).includes('› batch-0001'), 'back to the first');
	});
});

describe('detail pane failures', () => {
	it('shows failure groups as a table with counts, reasons, messages and examples', async () => {
		const poller = new StaticPoller();
		const failed = batch(1);
		const groups = [
			{
				key: 'a',
				reason: 'TASK_FAILED',
				message: "Task 'bwa_mem' exited with status 137",
				count: 4,
				examples: ['3729116', '3729147'],
			},
			{key: 'b', reason: 'STORAGE_FULL', message: 'Run storage is full', count: 1, examples: ['3729170']},
		];
		poller.set([
			{
				...failed,
				failures: {
					submissions: {
						groups: [
							{
								key: 'c',
								reason: 'ValidationException',
								message: 'bad URI',
								count: 4,
								examples: ['sample-0042'],
							},
						],
						loaded: 4,
						complete: true,
					},
					runs: {groups, loaded: 5, complete: false},
					loading: false,
				},
			},
		]);
		const view = renderApp(poller, {columns: 160});
		await view.press('d');
		const text = plain(await view.waitForFrame((t) => t.includes('TASK_FAILED'), 'the runs table'));
		expect(text).toMatch(
			/4 × TASK_FAILED\n +Task 'bwa_mem' exited with status 137\n +run ids \(2 of 4\): 3729116, 3729147\n/,
		);
		expect(text).toMatch(/4 × ValidationException\n +bad URI\n/);
		expect(text).toContain('5 loaded, press l for more');
		expect(text).toContain('all 4 loaded');
		view.app.unmount();
	});
});
