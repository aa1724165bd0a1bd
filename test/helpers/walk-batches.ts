import {KNOWN_STATUSES} from '../../source/domain/batch-status.js';
import {sanitizeText} from '../../source/domain/sanitize-text.js';
import type {RawBatch} from '../../source/domain/raw-batch.js';
import type {BatchSnapshot, ErrorInfo, FailureDetail} from '../../source/poller/poller-state.js';
import {batchSnapshot} from './static-poller.js';

export {seededRandom} from './seeded-random.js';

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number) => Math.floor(random() * (max + 1));

// Every status the monitor knows, and one it does not.
const STATUSES = [...KNOWN_STATUSES, 'SOMETHING_NEW'];

// Names as users and a hostile or foreign service give them: long, similar, wide (CJK), decomposed accents,
// emoji, zero-width joiners, ambiguous-width signs, escape sequences.
const NAMES = [
	'germline-trio-2026-11',
	'scrna-10x-lanes',
	'rna-seq-quant',
	'ukb-wgs-cohort-2026-part-07',
	'ukb-wgs-cohort-2026-part-08',
	'old-exome-reanalysis-with-a-very-long-name-that-will-not-fit',
	'±3σ § 10°',
	'tab\there',
	'esc\u001b[31mred\u001b[0m',
	'x',
	'',
];

const MESSAGES = [
	"Task 'bwa_mem' exited with status 137",
	'The run settings file s3://omics-batches-123456789012/q4/settings.json was not found',
	'java.lang.IllegalArgumentException: Invalid VCF header line at 12: ##INFO=<ID=AF,Number=A,Type=Float>',
	'Rate exceeded',
	'サンプル 12 が見つかりません',
	'',
];
const REASONS = ['TASK_FAILED', 'STORAGE_FULL', 'ServiceQuotaExceededException', 'ValidationException', 'X'];

/** A GetBatch answer for a random status, with counts that add up to totalRuns (or, sometimes, do not). */
export function randomRawBatch(random: Random, id: string): RawBatch {
	const totalRuns = pick(random, [0, 1, 12, 96, 800, 2_000, 100_000]);
	const share = () => int(random, Math.max(0, Math.floor(totalRuns / 4)));
	const failed = random() < 0.5 ? share() : 0;
	const submitted = Math.min(totalRuns, failed + share() * 3);
	const completed = Math.min(submitted, share());
	const created = new Date(Date.now() - int(random, 6 * 3_600_000));
	const status = pick(random, STATUSES);
	return {
		id,
		name: pick(random, NAMES),
		status,
		totalRuns,
		submissionSummary: {
			successfulStartSubmissionCount: submitted - failed,
			failedStartSubmissionCount: failed,
			pendingStartSubmissionCount: Math.max(0, totalRuns - submitted),
		},
		runSummary: {
			pendingRunCount: share(),
			runningRunCount: share(),
			stoppingRunCount: status === 'STOPPING' ? share() : 0,
			completedRunCount: completed,
			failedRunCount: random() < 0.5 ? share() : 0,
			cancelledRunCount: status === 'CANCELLED' ? share() : 0,
		},
		creationTime: created,
		...(random() < 0.7 ? {submittedTime: new Date(created.getTime() + 60_000)} : {}),
		...(status === 'PROCESSED' && random() < 0.8 ? {processedTime: new Date(Date.now() - 60_000)} : {}),
		...(status === 'FAILED'
			? {failedTime: new Date(Date.now() - 30_000), failureReason: pick(random, MESSAGES)}
			: {}),
	};
}

function randomError(random: Random): ErrorInfo {
	return {
		kind: pick(random, ['unavailable', 'throttled', 'expired-credentials', 'access-denied'] as const),
		message: pick(random, [
			'connect ECONNREFUSED 127.0.0.1:9',
			'Rate exceeded',
			'The security token expired',
		]),
		at: Date.now() - int(random, 120_000),
	};
}

/** Failure reasons as the loader hands them over: a few groups per kind, some pages still to come. */
export function randomFailures(random: Random): FailureDetail {
	const list = () => {
		const groups = Array.from({length: int(random, 5)}, (_, index) => ({
			key: `g${index}`,
			reason: pick(random, REASONS),
			message: pick(random, MESSAGES),
			count: 1 + int(random, 400),
			examples: Array.from({length: 1 + int(random, 3)}, () => String(3_600_000 + int(random, 99_999))),
		}));
		const loaded = groups.reduce((sum, group) => sum + group.count, 0);
		return {groups, loaded, complete: random() < 0.5};
	};
	return {submissions: list(), runs: list(), loading: random() < 0.3};
}

/** One change to the watched batches, as a poll might bring: appear, vanish, move on, fail, recover. */
export function mutateBatches(
	random: Random,
	batches: BatchSnapshot[],
	nextId: () => string,
): BatchSnapshot[] {
	const next = [...batches];
	const at = int(random, Math.max(0, next.length - 1));
	const roll = random();
	if (roll < 0.15 || next.length === 0) {
		next.push(batchSnapshot(randomRawBatch(random, nextId()), {}, Date.now() - int(random, 30_000)));
	} else if (roll < 0.25) {
		next.splice(at, 1);
	} else if (roll < 0.55) {
		const old = next[at]!;
		next[at] = {
			...batchSnapshot(randomRawBatch(random, old.id)),
			...(old.failures ? {failures: old.failures} : {}),
		};
	} else if (roll < 0.7) {
		const old = next[at]!;
		next[at] = {...old, lastError: randomError(random)};
	} else if (roll < 0.8) {
		const {lastError: _dropped, ...old} = next[at]!;
		next[at] = {...old, lastUpdated: Date.now()};
	} else if (roll < 0.92) {
		next[at] = {...next[at]!, failures: randomFailures(random)};
	} else {
		// Listed but not yet read: only ListBatch's name, status and size are known.
		next.push({
			id: nextId(),
			polling: true,
			done: false,
			history: [],
			listing: {name: sanitizeText(pick(random, NAMES), 128), status: pick(random, STATUSES), totalRuns: 40},
		});
	}
	return next;
}
