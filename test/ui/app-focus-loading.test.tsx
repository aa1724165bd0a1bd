import {afterEach, describe, expect, it, vi} from 'vitest';
import type {BatchSnapshot, FailureDetail} from '../../source/poller/poller-state.js';
import {StaticPoller, batchSnapshot} from '../helpers/static-poller.js';
import {KEYS, plain, renderApp} from '../helpers/render-app.js';
import {SPINNER_MARK} from '../../source/ui/text/spinner-mark.js';

const now = Date.now();
const batch = (index: number, status = 'INPROGRESS', extra: Partial<BatchSnapshot> = {}) =>
	batchSnapshot(
		{
			id: String(100 + index),
			name: `batch-${String(index).padStart(2, '0')}`,
			status,
			totalRuns: 100,
			creationTime: new Date(now - 3_600_000),
			submissionSummary: {successfulStartSubmissionCount: 100},
			runSummary: {completedRunCount: 40, failedRunCount: 60},
		},
		extra,
	);
const failures = (loaded: number, loading: boolean, complete = false): FailureDetail => ({
	submissions: {groups: [], loaded: 0, complete: true},
	runs: {
		groups: [{key: 'a', reason: 'TASK_FAILED', message: 'exit 1', count: loaded, examples: ['9001']}],
		loaded,
		complete,
	},
	loading,
});
const rows = (text: string) => plain(text).split('\n');

describe('focus, loading and what the keys say', () => {
	let view: ReturnType<typeof renderApp>;
	afterEach(() => {
		view.app.unmount();
		vi.useRealTimers();
	});

	it.each([
		['colour', {color: true}],
		['--no-color', {color: false}],
		['--ascii --no-color', {color: false, ascii: true}],
	])('shows which pane has the focus on the pane titles (%s)', async (_mode, options) => {
		const poller = new StaticPoller();
		poller.set([batch(1), batch(2)]);
		view = renderApp(poller, {columns: 120, rows: 30, ...options});
		await view.press(KEYS.enter);
		let text = await view.waitForFrame((t) => t.includes('DETAIL'), 'the focused detail title');
		const titles = () => rows(view.frame())[1] ?? '';
		expect(titles()).toMatch(/^ {3}Batches .* Tab +. DETAIL /);
		// The focused title is inverse (emphasis survives --no-color); the other is dim.
		expect(text).toMatch(/\u001b\[7m(?:\u001b\[[0-9;]*m)* \S DETAIL/);
		await view.press(KEYS.tab);
		text = await view.waitForFrame((t) => t.includes('BATCHES'), 'the focused list title');
		expect(titles()).toMatch(/^ . BATCHES .* {3}Detail .*Tab$/);
		await view.press('j');
		await view.waitForFrame(
			(t) => /[›>] (?:[A-Z]{3,4} +)?batch-02/.test(plain(t)),
			'j moves the list when it has the focus',
		);
	});

	it('while a page of failure reasons loads, the detail title turns an ink-spinner with the count so far', async () => {
		const poller = new StaticPoller();
		poller.set([batch(1, 'INPROGRESS', {failures: failures(40, true)})]);
		view = renderApp(poller, {columns: 120, rows: 30});
		await view.press('d');
		const text = plain(
			await view.waitForFrame((t) => t.includes('loading failure reasons'), 'the loading title'),
		);
		expect(text).toMatch(/DETAIL +[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] loading failure reasons… grouped 40 of 60/);
		await view.press('l');
		await view.waitForFrame((t) => t.includes('l: a page is loading (40 loaded so far)'), 'l while loading');
		poller.set([batch(1, 'INPROGRESS', {failures: failures(60, false, true)})]);
		await view.waitForFrame((t) => !t.includes('loading failure reasons'), 'the spinner gone when loaded');
		await view.press('l');
		await view.waitForFrame((t) => t.includes('l: all failures loaded (60 of 60)'), 'l says all are loaded');
		expect(poller.requests).toEqual([]);
	});

	it('draws the loading spinner in ASCII in ASCII mode', async () => {
		const poller = new StaticPoller();
		poller.set([batch(1, 'INPROGRESS', {failures: failures(40, true)})]);
		view = renderApp(poller, {columns: 120, rows: 30, ascii: true, color: false});
		await view.press('d');
		const text = plain(
			await view.waitForFrame((t) => t.includes('loading failure reasons'), 'the loading title'),
		);
		expect(text).toMatch(/DETAIL +[-\\|/] loading failure reasons~ grouped 40 of 60/);
		expect(text).toMatch(/^[\x20-\x7e\n]*$/);
	});

	it('paused: the spinner stands still and r says why it does not refresh', async () => {
		const poller = new StaticPoller();
		poller.set([batch(1)]);
		view = renderApp(poller, {columns: 120, rows: 30});
		// The turning spinner is its mark: the frame sink draws its glyphs there (frame-sink.test.ts).
		await view.waitForFrame((t) => t.includes(`batch-01  ${SPINNER_MARK} INPROGRESS`), 'the turning spinner');
		await view.press('p');
		await view.waitForFrame((t) => /batch-01 {2}• INPROGRESS/.test(t), 'a still glyph while paused');
		await view.press('r');
		await view.waitForFrame(
			(t) => t.includes('paused: r does not refresh; p resumes polling'),
			'why r did nothing',
		);
		expect(poller.requests).toEqual(['pause']);
	});

	it('the spinner stands still while the selected batch’s data is stale', async () => {
		const poller = new StaticPoller();
		poller.set([batch(1, 'INPROGRESS', {lastError: {kind: 'unavailable', message: 'down', at: now}})]);
		view = renderApp(poller, {columns: 120, rows: 30});
		await view.waitForFrame((t) => /batch-01 {2}• INPROGRESS/.test(t), 'a still glyph while stale');
	});

	it('at 80x24 a list of 12 says how many batches are above and below', async () => {
		const poller = new StaticPoller();
		poller.set(
			Array.from({length: 12}, (_, index) => batch(index + 1, index >= 10 ? 'FAILED' : 'INPROGRESS')),
		);
		view = renderApp(poller, {columns: 80, rows: 24});
		let text = plain(await view.waitForFrame((t) => t.includes('more'), 'the more marker'));
		// Seven list rows: the header row, five batches and the marker.
		expect(text).toMatch(/BATCH +STATUS↓/);
		expect(text).toMatch(/↓ 7 more/);
		expect(text).not.toMatch(/↑ \d+ more/);
		await view.press('G');
		text = plain(await view.waitForFrame((t) => /› batch-12/.test(t), 'the last batch'));
		expect(text).toMatch(/↑ 7 more/);
		expect(text).toContain('FAILED');
		expect(rows(text).length).toBeLessThanOrEqual(23);
		for (const line of rows(text)) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('help that does not fit scrolls with j/k and PgDn and says how much is left', async () => {
		const poller = new StaticPoller();
		poller.set([batch(1)]);
		view = renderApp(poller, {columns: 80, rows: 16});
		await view.press('?');
		let text = plain(await view.waitForFrame((t) => t.includes('HELP'), 'the help'));
		const hidden = Number(/↓ (\d+) more/.exec(text)?.[1]);
		expect(hidden).toBeGreaterThan(5);
		expect(text).not.toContain('Press ? or Esc to close.');
		await view.press('j');
		text = plain(await view.waitForFrame((t) => t.includes('↑ 1 more'), 'scrolled one line'));
		// Past the end is clamped: enough pages for the help to grow by a section without this test changing.
		await view.press(...Array<string>(8).fill(KEYS.pageDown));
		text = plain(
			await view.waitForFrame((t) => t.includes('Press ? or Esc to close.'), 'the end of the help'),
		);
		expect(text).not.toMatch(/↓ \d+ more/);
		expect(rows(text).length).toBeLessThanOrEqual(15);
	});

	it('the detail pane’s "fetched Ns ago" moves while it is on screen, for a finished batch too', async () => {
		vi.useFakeTimers({toFake: ['Date']});
		vi.setSystemTime(now);
		const poller = new StaticPoller();
		poller.set([batch(1, 'PROCESSED', {lastUpdated: now - 5_000})]);
		view = renderApp(poller, {columns: 120, rows: 40});
		await view.press('d');
		await view.waitForFrame((t) => t.includes('(5s ago)'), 'the first age');
		vi.setSystemTime(now + 60_000);
		// The clock ticks each second while the age is shown: wait (a bounded number of real timeouts, as
		// Date is fake) for its next tick; a 10 s clock would not make it.
		let moved = false;
		for (let attempt = 0; attempt < 150 && !moved; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			moved = plain(view.frame()).includes('(1m 05s ago)');
		}
		expect(moved, plain(view.frame())).toBe(true);
	});
});
