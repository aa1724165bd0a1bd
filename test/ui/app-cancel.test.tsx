import React from 'react';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {GetBatchCommand} from '@aws-sdk/client-omics';
import {startEmulator, type Emulator, type Scenario} from '../../source/emulator/index.js';
import type {RawBatch} from '../../source/domain/raw-batch.js';
import {createCancelApi} from '../../source/omics/cancel-api.js';
import {createOmicsClient} from '../../source/omics/omics-client.js';
import {createBatchCanceller, type BatchCanceller} from '../../source/poller/batch-canceller.js';
import {App, type QuitReason} from '../../source/ui/components/app.js';
import {UNICODE_GLYPHS} from '../../source/ui/theme/glyphs.js';
import {FAST_ACCOUNT, LONG_RUNNING_DEFAULTS} from '../helpers/fast-scenario.js';
import {omicsClient} from '../helpers/omics-test-client.js';
import {KEYS, plain} from '../helpers/render-app.js';
import {StaticPoller, batchSnapshot} from '../helpers/static-poller.js';

const SCENARIO: Scenario = {
	seed: 3,
	account: FAST_ACCOUNT,
	defaults: LONG_RUNNING_DEFAULTS,
	batches: [
		{name: 'wgs-trio-2026', totalRuns: 40},
		{name: 'old-done', totalRuns: 3, createdAgo: 100_000},
	],
};

/** The monitor on a poller stand-in holding the emulator's own GetBatch answers, with or without a canceller. */
function renderMonitor(poller: StaticPoller, canceller?: BatchCanceller) {
	const quits: QuitReason[] = [];
	const app = render(
		<App
			poller={poller}
			target="the emulator"
			glyphs={UNICODE_GLYPHS}
			color={false}
			ascii={false}
			stallMs={5 * 60_000}
			size={{columns: 100, rows: 30}}
			onQuit={(reason) => quits.push(reason)}
			initialSort="name"
			{...(canceller ? {canceller} : {})}
		/>,
	);
	const frame = () => plain(app.lastFrame() ?? '');
	const waitForFrame = async (check: (text: string) => boolean, what: string) => {
		for (let attempt = 0; attempt < 400; attempt++) {
			if (check(frame())) return frame();
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		throw new Error(`frame never showed ${what}; last frame:\n${frame()}`);
	};
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			app.stdin.write(key);
			await new Promise((resolve) => setTimeout(resolve, 15));
		}
	};
	return {app, frame, waitForFrame, press, quits};
}

describe('the c key and its typed-name prompt (ink-testing-library, the emulator behind the canceller)', () => {
	let emulator: Emulator;
	let view: ReturnType<typeof renderMonitor> | undefined;
	beforeAll(async () => {
		emulator = await startEmulator({scenario: SCENARIO, speed: 20, catchUpFirst: true});
	});
	afterAll(async () => emulator.stop());
	afterEach(() => view?.app.unmount());

	const running = () => emulator.batchIds[0] ?? '';
	const statusOf = async (batchId: string) =>
		(await omicsClient(emulator.url).send(new GetBatchCommand({batchId}))).status ?? '';
	/** A StaticPoller showing what GetBatch says of every batch now. */
	const pollerNow = async () => {
		const poller = new StaticPoller();
		const batches = [];
		for (const batchId of emulator.batchIds) {
			const {$metadata: _metadata, ...raw} = await omicsClient(emulator.url).send(
				new GetBatchCommand({batchId}),
			);
			batches.push(batchSnapshot(raw as RawBatch));
		}
		poller.set(batches);
		return poller;
	};
	const canceller = () =>
		createBatchCanceller(
			createCancelApi(
				createOmicsClient({
					endpointUrl: emulator.url,
					region: 'us-east-1',
					credentials: {accessKeyId: 'a', secretAccessKey: 'b'},
					direct: true,
				}),
			),
		);

	it('without --allow-cancel, c says how to enable it', async () => {
		view = renderMonitor(await pollerNow());
		await view.waitForFrame((text) => text.includes('wgs-trio-2026'), 'the batches');
		await view.press('c');
		await view.waitForFrame(
			(text) => text.includes('c: cancelling is off; start batchtop with --allow-cancel'),
			'the notice',
		);
		expect(view.frame()).not.toContain('type its name');
	});

	it('a PROCESSED batch: c explains the refused state and opens no prompt', async () => {
		view = renderMonitor(await pollerNow(), canceller());
		await view.waitForFrame((text) => text.includes('old-done'), 'the batches');
		// Sorted by name: old-done first.
		await view.press('c');
		await view.waitForFrame(
			(text) => text.includes('c: batch is PROCESSED; only PENDING, SUBMITTING, INPROGRESS can be cancelled'),
			'the refusal',
		);
		expect(view.frame()).not.toContain('type its name');
	});

	it('the prompt: typing shows, a wrong name is refused, Esc sends nothing, the exact name cancels the batch', async () => {
		const poller = await pollerNow();
		view = renderMonitor(poller, canceller());
		await view.waitForFrame((text) => text.includes('wgs-trio-2026'), 'the batches');
		await view.press('j', 'c');
		await view.waitForFrame((text) => text.includes('Cancel batch wgs-trio-2026'), 'the prompt');
		expect(view.frame()).toMatch(/type its name: wgs-trio-2026/);
		// j, q, / and 1 are typed into the prompt, not obeyed.
		await view.press('w', 'g', 's', 'q', KEYS.backspace, 'j', '1');
		await view.waitForFrame((text) => /typed: +wgsj1/.test(text), 'the typed text');
		await view.press(KEYS.enter);
		await view.waitForFrame(
			(text) => text.includes('the name does not match: nothing was sent'),
			'the mismatch',
		);
		expect(view.quits).toEqual([]);
		await view.press(KEYS.escape);
		await view.waitForFrame((text) => text.includes('c: not cancelled; wgs-trio-2026 keeps running'), 'Esc');
		expect(['SUBMITTING', 'INPROGRESS']).toContain(await statusOf(running()));

		await view.press('c', ...'wgs-trio-2026', KEYS.enter);
		await view.waitForFrame((text) => text.includes('c: cancel of wgs-trio-2026 sent'), 'the answer');
		expect(['STOPPING', 'CANCELLED']).toContain(await statusOf(running()));
		expect(poller.requests).toContain(`refresh:${running()}`);
	});

	it('Ctrl-C still interrupts while the prompt is open', async () => {
		// A fresh emulator batch is not needed: the prompt opens on any cancellable status the snapshot shows.
		const poller = new StaticPoller();
		poller.set([batchSnapshot({id: '4444444', name: 'pending-one', status: 'PENDING', totalRuns: 4})]);
		view = renderMonitor(poller, canceller());
		await view.waitForFrame((text) => text.includes('pending-one'), 'the batch');
		await view.press('c');
		await view.waitForFrame((text) => text.includes('Cancel batch pending-one'), 'the prompt');
		await view.press(KEYS.ctrlC);
		expect(view.quits).toEqual(['interrupt']);
	});
});
