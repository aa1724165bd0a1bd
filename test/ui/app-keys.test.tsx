import {afterEach, describe, expect, it} from 'vitest';
import {StaticPoller, batchSnapshot} from '../helpers/static-poller.js';
import {KEYS, plain, renderApp} from '../helpers/render-app.js';

const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

function pollerWithBatches(): StaticPoller {
	const poller = new StaticPoller();
	poller.set(
		names.map((name, index) =>
			batchSnapshot({
				id: String(1000 + index),
				name,
				status: index === 4 ? 'PROCESSED' : 'INPROGRESS',
				totalRuns: 10,
				creationTime: new Date(Date.now() - index * 60_000),
				submissionSummary: {successfulStartSubmissionCount: 10},
				runSummary:
					index === 2
						? {failedRunCount: 3, runningRunCount: 7}
						: {completedRunCount: index * 2, runningRunCount: 10 - index * 2},
			}),
		),
	);
	return poller;
}

describe('keys', () => {
	let view: ReturnType<typeof renderApp>;
	afterEach(() => view.app.unmount());
	// In the strip beside the detail pane the name follows a short status (RUN, SUBM).
	const selected = (text: string) => /› (?:[A-Z]{3,4} +)?(\S+)/.exec(plain(text))?.[1];

	it('↑/↓, j/k, g/G and 1-9 move the selection', async () => {
		view = renderApp(pollerWithBatches());
		await view.waitForFrame((t) => selected(t) === 'alpha', 'alpha');
		await view.press('j');
		await view.waitForFrame((t) => selected(t) === 'bravo', 'j');
		await view.press(KEYS.down);
		await view.waitForFrame((t) => selected(t) === 'charlie', 'down');
		await view.press('k');
		await view.waitForFrame((t) => selected(t) === 'bravo', 'k');
		await view.press(KEYS.up);
		await view.waitForFrame((t) => selected(t) === 'alpha', 'up');
		await view.press('G');
		await view.waitForFrame((t) => selected(t) === 'echo', 'G');
		await view.press('g');
		await view.waitForFrame((t) => selected(t) === 'alpha', 'g');
		await view.press('4');
		await view.waitForFrame((t) => selected(t) === 'delta', '4');
		await view.press('9');
		expect(selected(view.frame())).toBe('delta');
		view.app.stdin.write('jj'); // two keys in one read
		await view.waitForFrame((t) => selected(t) === 'echo', 'jj in one chunk');
		// A letter and Enter in one read (found by trying it: the Enter was lost): g selects, Enter opens.
		view.app.stdin.write('g\r');
		await view.waitForFrame(
			(t) => selected(t) === 'alpha' && t.includes('DETAIL'),
			'g and Enter in one chunk',
		);
		// Esc and j in one read (Ink sees Alt-j): the pane closes, then j moves (found by trying it: both were lost).
		view.app.stdin.write('\u001bj');
		await view.waitForFrame(
			(t) => !t.includes('DETAIL') && selected(t) === 'bravo',
			'Esc and j in one chunk',
		);
	});

	it('Enter and d toggle the detail pane; Tab moves focus; PgUp/PgDn and j/k scroll it; Esc closes it', async () => {
		const poller = pollerWithBatches();
		view = renderApp(poller, {rows: 16, columns: 100});
		await view.press(KEYS.enter);
		await view.waitForFrame((t) => t.includes('details'), 'the detail pane');
		await view.waitForFrame((t) => t.includes('Tab focus'), 'detail keys in the footer');
		await view.press(KEYS.pageDown);
		await view.waitForFrame((t) => !t.includes('details'), 'scrolled down');
		await view.press(KEYS.pageUp);
		await view.waitForFrame((t) => t.includes('details'), 'scrolled back');
		await view.press('j');
		await view.waitForFrame((t) => !t.includes('details'), 'j scrolls in the detail');
		await view.press(KEYS.tab);
		await view.waitForFrame((t) => t.includes('/ filter'), 'focus back on the list');
		await view.press('j');
		await view.waitForFrame((t) => selected(t) === 'bravo', 'j moves the list again');
		await view.press('d');
		await view.waitForFrame(
			(t) => t.includes('Submissions ') && !t.includes('details'),
			'd closes the detail',
		);
		await view.press('d', KEYS.escape);
		await view.waitForFrame((t) => !t.includes('details'), 'Esc closes the detail');
	});

	it('opening the detail of a batch with failures asks for them; l asks for more', async () => {
		const poller = pollerWithBatches();
		view = renderApp(poller);
		await view.press('3', 'd');
		await view.waitForFrame((t) => t.includes('Runs: 3 failed'), 'the failure section');
		await view.waitForFrame(() => poller.requests.includes('failures:1002'), 'the failure request');
		await view.press('l');
		expect(poller.requests.filter((request) => request === 'failures:1002')).toHaveLength(2);
		// Closing the pane stops the loading: nobody is reading those reasons any more.
		expect(poller.requests).not.toContain('stop-failures:1002');
		await view.press(KEYS.escape);
		await view.waitForFrame(() => poller.requests.includes('stop-failures:1002'), 'the loading to stop');
	});

	it('/ filters by name, id or status; Backspace edits; Esc clears', async () => {
		view = renderApp(pollerWithBatches());
		await view.press('/', 'e', 'c');
		await view.waitForFrame((t) => plain(t).includes('/ec_'), 'the filter prompt');
		await view.waitForFrame((t) => !plain(t).includes('alpha') && plain(t).includes('echo'), 'only echo');
		await view.press(KEYS.backspace, KEYS.backspace, '1', '0', '0', '3', KEYS.enter);
		await view.waitForFrame(
			(t) => plain(t).includes('[/1003 1/5]') && selected(t) === 'delta',
			'filtered by id',
		);
		await view.press(KEYS.escape);
		await view.waitForFrame(
			(t) => plain(t).includes('alpha') && plain(t).includes('echo'),
			'all batches again',
		);
		await view.press('/', 'P', 'R', 'O', 'C', KEYS.enter);
		await view.waitForFrame(
			(t) => selected(t) === 'echo' && !plain(t).includes('alpha '),
			'filtered by status',
		);
	});

	it('f shows only batches with failures; s cycles the sort', async () => {
		view = renderApp(pollerWithBatches());
		await view.press('f');
		await view.waitForFrame(
			(t) => plain(t).includes('[failures 1/5]') && selected(t) === 'charlie',
			'failures only',
		);
		await view.press('f', 's');
		await view.waitForFrame((t) => t.includes('sort:name'), 'sort by name');
		await view.press('s');
		await view.waitForFrame((t) => t.includes('sort:progress'), 'sort by progress');
		await view.press('s');
		await view.waitForFrame((t) => t.includes('sort:age'), 'sort by age');
		await view.press('g');
		await view.waitForFrame((t) => selected(t) === 'alpha', 'newest first');
		await view.press('s');
		await view.waitForFrame((t) => t.includes('sort:status'), 'back to status');
	});

	it('starts in the sort it was given (--sort, the config file) and s cycles on from there', async () => {
		view = renderApp(pollerWithBatches(), {initialSort: 'age'});
		await view.waitForFrame(
			(t) => t.includes('sort:age') && selected(t) === 'alpha',
			'newest first at start',
		);
		await view.press('s');
		await view.waitForFrame((t) => t.includes('sort:status'), 'cycled to status');
	});

	it('r refreshes, p pauses and resumes, ? shows help, q and Ctrl-C quit, Ctrl-Z suspends, Ctrl-L redraws', async () => {
		const poller = pollerWithBatches();
		view = renderApp(poller);
		await view.press('r', 'p');
		await view.waitForFrame((t) => t.includes('PAUSED') && t.includes('resume'), 'paused');
		await view.press('p');
		await view.waitForFrame((t) => !t.includes('PAUSED'), 'resumed');
		expect(poller.requests).toEqual(['refresh:all', 'pause', 'resume']);
		await view.press('?');
		await view.waitForFrame((t) => t.includes('Keys') && t.includes('cycle the sort'), 'help');
		await view.press('j');
		expect(view.frame()).toContain('cycle the sort');
		await view.press(KEYS.escape);
		await view.waitForFrame((t) => !t.includes('cycle the sort'), 'help closed');
		await view.press(KEYS.ctrlZ);
		expect(view.suspends()).toBe(1);
		await view.press(KEYS.ctrlL);
		expect(view.redraws()).toBe(1);
		await view.press('q');
		expect(view.quits).toEqual(['quit']);
	});

	it('Ctrl-C quits as interrupted', async () => {
		view = renderApp(pollerWithBatches());
		await view.press(KEYS.ctrlC);
		expect(view.quits).toEqual(['interrupt']);
	});
});
