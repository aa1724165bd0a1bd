import {execFileSync, spawnSync} from 'node:child_process';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {waitForScreen} from '../helpers/wait-for-screen.js';

// The demo in a real terminal at six sizes: batchtop --demo inside tmux, read with capture-pane.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const DEMO_NAMES = [
	'rnaseq-pilot-48',
	'wgs-cohort-2026-11',
	'germline-trio-2026-11',
	'somatic-tn-pairs',
	'variant-calling-q4',
	'methylation-reprocess',
	'qc-rerun-2026-10',
	'scrna-10x-lanes',
	'imputation-chr1-22',
	'panel-rerun-urgent',
	'exome-batch-07',
	'old-exome-2026-09',
];
let socket = '';
let tests = 0;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const screen = (): string => tmux('capture-pane', '-p', '-t', 'sizes');

const waitFor = (check: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> =>
	waitForScreen(screen, check, what, timeoutMs);

function startDemo(columns: number, rows: number): void {
	tmux(
		'new-session',
		'-d',
		'-s',
		'sizes',
		'-x',
		String(columns),
		'-y',
		String(rows),
		'bash --norc --noprofile',
	);
	tmux('set-option', '-t', 'sizes', 'remain-on-exit', 'on');
	tmux('send-keys', '-t', 'sizes', `PS1='$ '; node ${CLI} --demo; echo "exit=$?"`, 'Enter');
}

/** The rows between the header (the first) and the footer (the frame's last, one above the terminal's). */
const bodyRows = (text: string, rows: number): string[] => text.split('\n').slice(1, rows - 2);

describe('the demo at every size, in a real terminal (tmux)', () => {
	beforeEach(() => {
		tests += 1;
		socket = `batchtop-sizes-${process.pid}-${tests}`;
	});
	afterEach(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	it.each([
		[40, 12],
		[60, 20],
		[80, 24],
		[100, 30],
		[120, 40],
		[200, 55],
	])(
		'at %ix%i: the frame fits, names are whole from 120 columns, the timeline fills spare rows',
		async (columns, rows) => {
			startDemo(columns, rows);
			const text = await waitFor(
				(shown) => shown.includes('q quit') && shown.includes('batchtop') && !shown.includes('loading'),
				'the first frame with data',
			);
			const lines = text.split('\n');
			expect(lines[rows - 1]?.trim() ?? '').toBe('');
			if (columns >= 100) {
				// Room below the panel: the timeline, its entries with times and batch names.
				// Measured once the first poll has answered for every batch: each has its "appeared" entry.
				const entries = (shown: string) =>
					(shown.match(/\d\d:\d\d:\d\d {2}\S+ +appeared [A-Z_]+/g) ?? []).length;
				const timeline = await waitFor(
					(shown) => shown.includes('Timeline') && entries(shown) >= (columns >= 120 ? DEMO_NAMES.length : 1),
					'the timeline with its entries',
				);
				expect(timeline).toMatch(/BATCH +STATUS↓/);
				const empty = bodyRows(timeline, rows).filter((line) => line.trim() === '').length;
				if (columns === 120) expect(empty / (rows - 3), timeline).toBeLessThanOrEqual(0.15);
			}
			if (columns >= 120) {
				const shown = screen();
				for (const name of DEMO_NAMES) expect(shown).toContain(` ${name} `);
				expect(shown).not.toMatch(/[a-z0-9]…[a-z0-9]/);
			}
			tmux('send-keys', '-t', 'sizes', 'q');
			await waitFor((shown) => shown.includes('exit=0'), 'exit=0 on the normal screen');
		},
	);

	it('at 120x40 the open detail pane has the width and the list is a strip; t focuses the timeline', async () => {
		startDemo(120, 40);
		await waitFor((shown) => shown.includes('Timeline') && shown.includes('appeared'), 'the timeline');
		tmux('send-keys', '-t', 'sizes', 't');
		await waitFor((shown) => shown.includes('TIMELINE'), 'the focused timeline title');
		tmux('send-keys', '-t', 'sizes', 't');
		await waitFor((shown) => !shown.includes('TIMELINE'), 'the focus back on the list');
		tmux('send-keys', '-t', 'sizes', 'Enter');
		const detail = await waitFor((shown) => shown.includes('ARN'), 'the detail pane');
		const arn = detail.split('\n').find((line) => line.includes('ARN')) ?? '';
		// The strip: marker, short status and name in at most 24 columns, then the detail pane.
		expect(arn.indexOf('ARN')).toBeLessThanOrEqual(25);
		expect(arn.slice(arn.indexOf('arn:'))).toMatch(/^arn:aws:omics:[^ ]+runBatch\/\d+$/);
		expect(detail).toMatch(/› [A-Z]{3,4} +\S+/);
		tmux('send-keys', '-t', 'sizes', 'q');
		await waitFor((shown) => shown.includes('exit=0'), 'exit=0 on the normal screen');
	});
});
