import {describe, expect, it} from 'vitest';
import {groupFailures, type FailureItem} from '../../source/domain/failure-groups.js';
import type {RawBatch} from '../../source/domain/raw-batch.js';
import {
	FAILURE_RETRY_MS,
	FAILURES_READ_PER_KIND,
	FailureFollower,
	GROUPS_LOGGED_PER_KIND,
} from '../../source/output/failure-follow.js';
import type {FailureDetail, FailureList} from '../../source/poller/poller-state.js';
import {batchSnapshot} from '../helpers/static-poller.js';
import {pollerSnapshot} from '../helpers/poller-snapshot.js';

const NOW = 1_000_000;
const batch = (failedRuns: number, failedStarts = 0): RawBatch => ({
	id: '42',
	name: 'wgs',
	status: 'INPROGRESS',
	totalRuns: 100_000,
	submissionSummary: {
		successfulStartSubmissionCount: 100_000 - failedStarts,
		failedStartSubmissionCount: failedStarts,
	},
	runSummary: {runningRunCount: 100_000 - failedStarts - failedRuns, failedRunCount: failedRuns},
});
const list = (items: FailureItem[], complete: boolean, loaded = items.length): FailureList => ({
	groups: groupFailures(items),
	loaded,
	complete,
});
const empty = list([], false);
const at = (raw: RawBatch, failures?: FailureDetail) =>
	pollerSnapshot({batches: [batchSnapshot(raw, failures ? {failures} : {})]});
const runs = (n: number, reason = 'TASK_FAILED', message = 'exited with status 137'): FailureItem[] =>
	Array.from({length: n}, (_, index) => ({reason, message, example: String(3_000_000 + index)}));

describe('what a script watch reads of failure reasons', () => {
	it('asks for nothing while a batch has no failures, and for a page as soon as it has some', () => {
		const follower = new FailureFollower();
		expect(follower.toLoad(at(batch(0)), NOW)).toEqual([]);
		expect(follower.toLoad(at(batch(3)), NOW)).toEqual(['42']);
	});

	it('asks one page at a time: never while a load is in flight, and again while pages remain', () => {
		const follower = new FailureFollower();
		expect(follower.toLoad(at(batch(250)), NOW)).toEqual(['42']);
		const loading = {runs: empty, submissions: empty, loading: true};
		expect(follower.toLoad(at(batch(250), loading), NOW)).toEqual([]);
		expect(follower.reading(at(batch(250), loading), NOW)).toBe(true);
		const onePage = {runs: list(runs(100), false), submissions: empty, loading: false};
		expect(follower.toLoad(at(batch(250), onePage), NOW)).toEqual(['42']);
		const all = {runs: list(runs(250), true), submissions: empty, loading: false};
		expect(follower.toLoad(at(batch(250), all), NOW)).toEqual([]);
		expect(follower.reading(at(batch(250), all), NOW)).toBe(false);
	});

	it('a listing that ended short of the count is not read again until the count grows: no loop', () => {
		const follower = new FailureFollower();
		follower.toLoad(at(batch(30)), NOW);
		const short = {runs: list(runs(20), true), submissions: empty, loading: false};
		// Asked once more: the count had not grown since the ask, the list is complete.
		expect(follower.toLoad(at(batch(30), short), NOW)).toEqual([]);
		expect(follower.toLoad(at(batch(30), short), NOW + 60_000)).toEqual([]);
		expect(follower.toLoad(at(batch(31), short), NOW)).toEqual(['42']);
	});

	it('waits after a failed load before asking again', () => {
		const follower = new FailureFollower();
		follower.toLoad(at(batch(30)), NOW);
		const failed: FailureDetail = {
			runs: empty,
			submissions: empty,
			loading: false,
			error: {kind: 'throttled', message: 'slow down', at: NOW},
		};
		expect(follower.toLoad(at(batch(30), failed), NOW + FAILURE_RETRY_MS - 1)).toEqual([]);
		expect(follower.toLoad(at(batch(30), failed), NOW + FAILURE_RETRY_MS)).toEqual(['42']);
	});

	it(`reads at most ${FAILURES_READ_PER_KIND} failures of a kind in a batch with thousands`, () => {
		const follower = new FailureFollower();
		const read = (n: number) => ({runs: list(runs(n), false), submissions: empty, loading: false});
		expect(follower.toLoad(at(batch(5000), read(FAILURES_READ_PER_KIND - 100)), NOW)).toEqual(['42']);
		expect(follower.toLoad(at(batch(5000), read(FAILURES_READ_PER_KIND)), NOW)).toEqual([]);
		// The other kind is still read below its own cap.
		const both = {...read(FAILURES_READ_PER_KIND), submissions: list([], false)};
		expect(follower.toLoad(at(batch(5000, 40), both), NOW)).toEqual(['42']);
	});
});

describe('which failure groups a script watch logs', () => {
	it('logs each group once, with its reason, message, example and what was read', () => {
		const follower = new FailureFollower();
		const first = {runs: list(runs(3), false), submissions: empty, loading: false};
		const found = follower.newGroups(at(batch(10), first));
		expect(found).toEqual([
			{
				id: '42',
				kind: 'run',
				group: expect.objectContaining({
					reason: 'TASK_FAILED',
					message: 'exited with status 137',
					count: 3,
					examples: ['3000000', '3000001', '3000002'],
				}),
				loaded: 3,
				failed: 10,
			},
		]);
		const more = {
			runs: list([...runs(5), ...runs(1, 'INPUT_NOT_FOUND', 'no such key')], false),
			submissions: empty,
			loading: false,
		};
		const next = follower.newGroups(at(batch(10), more));
		expect(next.map((entry) => ('group' in entry ? entry.group.reason : entry))).toEqual(['INPUT_NOT_FOUND']);
		expect(follower.newGroups(at(batch(10), more))).toEqual([]);
	});

	it(`logs at most ${GROUPS_LOGGED_PER_KIND} groups per kind per batch, then says once that more are not logged`, () => {
		const follower = new FailureFollower();
		const many = Array.from({length: GROUPS_LOGGED_PER_KIND + 5}, (_, index) => ({
			reason: `REASON_${index}`,
			example: String(index),
		}));
		const detail = {runs: empty, submissions: list(many, true), loading: false};
		const found = follower.newGroups(at(batch(0, many.length), detail));
		expect(found).toHaveLength(GROUPS_LOGGED_PER_KIND + 1);
		expect(found.at(-1)).toEqual({id: '42', kind: 'submission', overflow: GROUPS_LOGGED_PER_KIND});
		expect(follower.newGroups(at(batch(0, many.length), detail))).toEqual([]);
	});
});
