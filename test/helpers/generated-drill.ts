import type {
	DrillDownHandle,
	FailureEntryWindow,
	RunEntryFacts,
	RunView,
} from '../../source/poller/drill-down-state.js';

// Text a log line or message may carry that terminals measure differently: the screen must stay true.
const WORDS = [
	'bwa',
	'mem',
	'GRCh38.fa',
	'exit',
	'137',
	'ünïcödé',
	'漢字',
	'a-very-long-token-without-spaces-at-all',
	'✓',
];

/** A small deterministic hash of a string, for sizes and words that differ per key without a seed. */
function hashOf(text: string): number {
	let hash = 2_166_136_261;
	for (const character of text) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 16_777_619) >>> 0;
	return hash;
}

const sentence = (seed: number, length: number) =>
	Array.from({length}, (_, index) => WORDS[(seed + index * 7) % WORDS.length]).join(' ');

/**
 * A drill-down that makes its data up from the keys it is asked about: every failure group has entries,
 * every run a view with a long failed-task log. For the screen-truth walk, which needs every level of
 * the drill-down to be reachable from any random batch, not one test's fixed data.
 */
export class GeneratedDrill implements DrillDownHandle {
	subscribe(): () => void {
		return () => {};
	}

	version(): number {
		return 0;
	}

	failureEntries(
		_batchId: string,
		kind: 'submission' | 'run',
		key: string,
		start: number,
		count: number,
	): FailureEntryWindow {
		const loaded = 1 + (hashOf(key) % 60);
		const entries = [];
		for (let index = start; index < Math.min(loaded, start + count); index++) {
			const runId = String(3_700_000 + ((hashOf(key) + index) % 90_000));
			entries.push({
				kind,
				reason: 'TASK_FAILED',
				message: sentence(index, 3 + (index % 25)),
				...(kind === 'run' ? {runId} : {runSettingId: `rs-${index}-${sentence(index, 1)}`}),
			});
		}
		return {entries, loaded};
	}

	wantEntryFacts(): void {}

	entryFacts(runId: string): RunEntryFacts {
		const seed = hashOf(runId);
		return seed % 5 === 0
			? {loading: true}
			: {
					loading: false,
					runSettingId: `sample-${seed % 1000}`,
					failedTask: sentence(seed, 1 + (seed % 3)).replaceAll(' ', '_'),
				};
	}

	openRun(): void {}

	closeRun(): void {}

	runView(runId: string): RunView {
		const seed = hashOf(runId);
		const stream = `arn:aws:logs:us-east-1:123456789012:log-group:/aws/omics/WorkflowLog:log-stream:run/${runId}/task/${seed % 99_999}`;
		const lines = Array.from({length: 20 + (seed % 150)}, (_, index) => ({
			timestamp: new Date(1_764_000_000_000 + index * 1000),
			message: sentence(seed + index, 1 + ((seed + index) % 30)),
		}));
		return {
			runId,
			batchId: '1',
			loading: false,
			runSettingId: `sample-${seed % 1000}`,
			run: {
				id: runId,
				status: 'FAILED',
				failureReason: 'TASK_FAILED',
				statusMessage: sentence(seed, 12),
				engineLogStream: stream,
			},
			tasks: [
				{
					task: {
						taskId: String(seed % 99_999),
						name: 'bwa_mem',
						status: 'FAILED',
						cpus: 16,
						memory: 32,
						logStream: stream,
					},
					log: {streamArn: stream, loading: false, complete: seed % 2 === 0, lines},
				},
			],
			engineLog: {streamArn: stream, loading: seed % 3 === 0, complete: true, lines: lines.slice(0, 5)},
		};
	}

	loadOlderLines(): void {}
}
