import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {startEmulator, type Scenario} from '../../source/emulator/index.js';
import {waitForScreen} from '../helpers/wait-for-screen.js';
import {FAST_ACCOUNT, FAST_DEFAULTS} from '../helpers/fast-scenario.js';

// --wait, --exit-status, --fail-fast, --timeout and --stale-timeout in the full-screen monitor: the
// built CLI in a real terminal (tmux), watching the built-in emulator (--demo) on a fast scenario, with
// the shell reporting the exit code. The TUI must end where --plain ends, with the same code, leave the
// alternate screen and print the summary and the reason.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const SCENARIO: Scenario = {
	seed: 3,
	account: FAST_ACCOUNT,
	defaults: FAST_DEFAULTS,
	batches: [
		{name: 'clean', totalRuns: 20},
		{name: 'batch-fails', totalRuns: 200, actions: [{at: 8, do: 'fail', reason: 'ETag changed'}]},
		{name: 'some-runs-fail', totalRuns: 20, runFailureShare: 0.5},
		{name: 'slow', totalRuns: 1000, durations: {running: [100_000, 200_000]}},
	],
};
// 100 virtual seconds per second and polls every 0.2-1 s: the fast batches finish within seconds.
const DEMO = '--speed 100 --interval 0.2:1 --max-rps 50';

let scenarioFile = '';
let ids: Record<string, string> = {};
let socket = '';
/** The pane's byte log of the running test. */
let log = '';
let tests = 0;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const pane = (format: string): string => tmux('display-message', '-p', '-t', 'e2e', format).trim();
const screen = (): string => tmux('capture-pane', '-p', '-J', '-t', 'e2e');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitFor = (check: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> =>
	waitForScreen(screen, check, what, timeoutMs);

/**
 * Runs `batchtop --demo ARGS && echo NEXT-STEP; echo EXIT:$?` in a 100x30 tmux pane, logging every
 * byte; resolves once the monitor has drawn its first frame (seen in the log: it may close quickly).
 */
async function startMonitor(args: string): Promise<void> {
	log = join(mkdtempSync(join(tmpdir(), 'batchtop-flags-')), 'pane.log');
	// Created here: pipe-pane opens it only when the pane first writes.
	writeFileSync(log, '');
	tmux('new-session', '-d', '-s', 'e2e', '-x', '160', '-y', '30', 'bash --norc --noprofile');
	tmux('set-option', '-t', 'e2e', 'remain-on-exit', 'on');
	tmux('pipe-pane', '-t', 'e2e', '-o', `cat >> ${log}`);
	tmux(
		'send-keys',
		'-t',
		'e2e',
		`PS1='$ '; clear; node ${CLI} --demo --scenario ${scenarioFile} ${DEMO} ${args} && echo NEXT-STEP; echo EXIT:$?`,
		'Enter',
	);
	const deadline = Date.now() + 20_000;
	while (!/\u001b\[\?1049h[^]*batch(es)?: /.test(readFileSync(log, 'latin1'))) {
		if (Date.now() > deadline) throw new Error(`no first frame; screen:\n${screen()}`);
		await sleep(100);
	}
}

/** Waits for the shell's EXIT:N, then checks the terminal is restored and returns what the pane shows. */
async function exitOf(): Promise<{code: number; text: string}> {
	const text = await waitFor((shown) => /^EXIT:\d+$/m.test(shown), 'the exit code');
	expect(pane('#{alternate_on}')).toBe('0');
	expect(pane('#{cursor_flag}')).toBe('1');
	const bytes = readFileSync(log, 'latin1');
	expect(bytes.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(bytes.lastIndexOf('\u001b[?1049h'));
	// The summary and the reason are on the normal screen, after the monitor left.
	expect(text).toMatch(/^batchtop: watched \d+ batch(es)? on the demo emulator/m);
	return {code: Number(/^EXIT:(\d+)$/m.exec(text)?.[1]), text};
}

/** The emulator's URL, from the monitor's header (its introspection endpoint changes faults live). */
const emulatorUrl = (text: string): string => /the demo emulator (http:\/\/[\d.:]+)/.exec(text)?.[1] ?? '';

describe('the script flags in the full-screen monitor (tmux)', () => {
	beforeAll(async () => {
		scenarioFile = join(mkdtempSync(join(tmpdir(), 'batchtop-scenario-')), 'fast.json');
		writeFileSync(scenarioFile, JSON.stringify(SCENARIO));
		// Batch ids come from the scenario's seed: the same emulator in-process names them.
		const emulator = await startEmulator({scenario: scenarioFile});
		ids = Object.fromEntries(
			SCENARIO.batches.map((batch, index) => [batch.name ?? '', emulator.batchIds[index] ?? '']),
		);
		await emulator.stop();
	});
	beforeEach(() => {
		tests += 1;
		socket = `batchtop-flags-${process.pid}-${tests}`;
	});
	afterEach(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	it('--wait closes the monitor when the batch has succeeded: exit 0, so `&& next-step` runs', async () => {
		await startMonitor(`${ids['clean']} --wait`);
		const {code, text} = await exitOf();
		expect(code).toBe(0);
		expect(text).toMatch(/^exit 0: the batch finished; it succeeded$/m);
		expect(text).toMatch(/^NEXT-STEP$/m);
	});

	it('--wait ends with 3 when a batch FAILED, and the next step does not run', async () => {
		await startMonitor(`${ids['batch-fails']} ${ids['clean']} --wait`);
		const {code, text} = await exitOf();
		expect(code).toBe(3);
		expect(text).toMatch(new RegExp(`^exit 3: all 2 batches finished; ${ids['batch-fails']} FAILED$`, 'm'));
		expect(text).not.toMatch(/^NEXT-STEP$/m);
	});

	it('--wait --timeout 2s ends with 5 while the batch still runs', async () => {
		await startMonitor(`${ids['slow']} --wait --timeout 2s`);
		const {code, text} = await exitOf();
		expect(code).toBe(5);
		expect(text).toMatch(/^exit 5: timed out after 2s with 1 batch still running$/m);
	});

	it('--fail-fast ends with 1 at the first failed run, while another batch still runs', async () => {
		await startMonitor(`${ids['some-runs-fail']} ${ids['slow']} --fail-fast`);
		const {code, text} = await exitOf();
		expect(code).toBe(1);
		expect(text).toMatch(
			new RegExp(`^exit 1: stopped at the first failure \\(${ids['some-runs-fail']} `, 'm'),
		);
		expect(text).toMatch(/\d INPROGRESS|\d SUBMITTING/);
	});

	it('q before the --wait end is an interruption: exit 130, never 0', async () => {
		await startMonitor(`${ids['slow']} ${ids['batch-fails']} --wait`);
		await waitFor((text) => text.includes('FAILED'), 'the failed batch');
		tmux('send-keys', '-t', 'e2e', 'q');
		const {code, text} = await exitOf();
		expect(code).toBe(130);
		expect(text).toMatch(/^exit 130: interrupted \(q\) with 1 batch still running$/m);
		expect(text).not.toMatch(/^NEXT-STEP$/m);
	});

	it('--wait --stale-timeout 2s ends with 6 when a batch that answered stops answering', async () => {
		await startMonitor(`${ids['slow']} --wait --stale-timeout 2s`);
		const url = emulatorUrl(await waitFor((text) => text.includes('INPROGRESS'), 'the batch running'));
		const put = await fetch(`${url}/__emulator/faults`, {
			method: 'PUT',
			body: JSON.stringify({GetBatch: {error5xx: 1}}),
		});
		expect(put.ok).toBe(true);
		const {code, text} = await exitOf();
		expect(code).toBe(6);
		expect(text).toMatch(new RegExp(`^exit 6: batch ${ids['slow']}: no usable answer for more than 2s`, 'm'));
	});

	it('without script flags the monitor stays open; q after a refused listing exits 4, as --plain does', async () => {
		await startMonitor('--fault ListBatch:deny=1');
		await waitFor((text) => text.includes('omics:ListBatch'), 'the refused listing');
		expect(pane('#{alternate_on}')).toBe('1');
		tmux('send-keys', '-t', 'e2e', 'q');
		const {code, text} = await exitOf();
		expect(code).toBe(4);
		expect(text).toMatch(/^exit 4: access denied: these credentials may not call omics:ListBatch in /m);
	});

	it('without script flags, q after a finished batch exits 0 with the summary alone: the monitor did not close itself', async () => {
		await startMonitor(`${ids['batch-fails']}`);
		await waitFor((text) => text.includes('FAILED'), 'the failed batch');
		// Past the confirming poll (polls are 0.2-1 s apart): a script watch of this ID would have ended.
		await sleep(1_500);
		expect(pane('#{alternate_on}')).toBe('1');
		tmux('send-keys', '-t', 'e2e', 'q');
		const {code, text} = await exitOf();
		expect(code).toBe(0);
		// Closed by itself, it would say why ("exit 0: the batch finished; …"); a plain q needs no reason.
		expect(text).not.toMatch(/^exit \d+:/m);
	});

	it('without script flags, q after HealthOmics stayed unusable past --stale-timeout exits 6', async () => {
		await startMonitor(`${ids['clean']} --stale-timeout 1s --fault GetBatch:error5xx=1`);
		await waitFor((text) => /InternalServer|unreachable/i.test(text), 'the error');
		// Past the stale clock (1 s from the start): a script watch would have ended with 6 by now.
		await sleep(1_500);
		expect(pane('#{alternate_on}')).toBe('1');
		tmux('send-keys', '-t', 'e2e', 'q');
		const {code, text} = await exitOf();
		expect(code).toBe(6);
		expect(text).toMatch(/^exit 6: cannot reach HealthOmics at the demo emulator .*HTTP 500/m);
	});
});
