import {describe, expect, it} from 'vitest';
import {seededRandom as random} from '../../helpers/seeded-random.js';
import {resolveParameters} from '../../../source/emulator/model/batch-parameters.js';
import {RunStates} from '../../../source/emulator/model/run-states.js';
import {
	runTimeline,
	type TimelineContext,
	type TimelineEntry,
} from '../../../source/emulator/model/run-timeline.js';
import {unitHash} from '../../../source/emulator/model/seeded-random.js';
import {Sub} from '../../../source/emulator/model/statuses.js';
import {SubmissionCurve} from '../../../source/emulator/model/submission-curve.js';
import {TimelineBuffer} from '../../../source/emulator/model/timeline-buffer.js';

// The catch-up's buffer must hold, run for run, exactly the timeline runTimeline (the reference)
// returns, whatever the batch's parameters, quota share, cancel and delete; and a run brought to a
// read time from the buffer must reach the codes and counters the reference's entries give.

const START = Date.parse('2026-11-01T00:00:00Z');

function planContext(next: () => number): TimelineContext {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
	const whole = next() < 0.35;
	const range = (low: number, high: number): [number, number] => {
		const a = whole ? Math.floor(low + next() * (high - low)) : low + next() * (high - low);
		return whole || next() < 0.2 ? [a, a] : [a, a + next() * (high - low)];
	};
	const parameters = resolveParameters({
		submitRate: pick([0.5, 2, 8, 1000]),
		submissionFailureShare: pick([0, 0.05, 0.5, 1]),
		runFailureShare: pick([0, 0.02, 0.3, 1]),
		cancelFailureShare: pick([0, 0.2, 1]),
		deleteFailureShare: pick([0, 0.1, 1]),
		durations: {
			creating: range(0, 3),
			validating: range(0, 8),
			pending: range(0, 40),
			starting: range(0, 60),
			running: range(0, 1800),
			stopping: range(0, 30),
		},
	});
	const submittingAt = START + Math.floor(next() * 60) * 1000;
	const curve = new SubmissionCurve();
	if (next() < 0.5) {
		curve.setRate(submittingAt, parameters.submitRate);
	} else {
		// A batch paced by an account quota it shares: its share moves, so some StartRuns are throttled.
		const group = new SubmissionCurve();
		let at = submittingAt - 5000;
		for (let change = 0; change < 5; change++) {
			group.setRate(at, pick([0.2, 1, 3, 8]));
			at += Math.floor(next() * 60_000);
		}
		curve.follow(group, submittingAt, pick([1, 4, 8]));
		if (next() < 0.3) curve.stopAt(submittingAt + next() * 120_000);
	}
	const seed = Math.floor(next() * 2 ** 32) - (next() < 0.2 ? 2 ** 31 : 0);
	const context: {-readonly [K in keyof TimelineContext]: TimelineContext[K]} = {
		seed,
		parameters,
		submittingAt,
		curve,
	};
	if (next() < 0.5) {
		context.cancelAt = submittingAt + (whole ? Math.floor(next() * 200) * 1000 : next() * 200_000);
		if (next() < 0.7) context.cancelSpreadMs = pick([1, 1000, 30_000]);
	}
	if (next() < 0.4) {
		context.deleteAt = submittingAt + next() * 4_000_000;
		if (next() < 0.7) context.deleteSpreadMs = pick([1, 1000, 30_000]);
	}
	return context;
}

function entriesOf(buffer: TimelineBuffer): TimelineEntry[] {
	return Array.from({length: buffer.length}, (_, at) => ({
		time: buffer.times[at] as number,
		sub: buffer.subs[at] as number,
		run: buffer.runs[at] as number,
	}));
}

describe('TimelineBuffer', () => {
	it('holds runTimeline’s entries for every run of many contexts', () => {
		const next = random(14);
		const buffer = new TimelineBuffer();
		let runs = 0;
		const kinds = new Set<number>();
		for (let contextNo = 0; contextNo < 400; contextNo++) {
			const context = planContext(next);
			for (let index = 0; index < 120; index++) {
				const reference = runTimeline(context, index);
				if (reference[0]!.time === Number.POSITIVE_INFINITY) break;
				buffer.fill(context, index);
				expect(entriesOf(buffer), `context ${contextNo}, run ${index}`).toEqual(reference);
				// With the submission time handed in, as the window does.
				buffer.fill(context, index, reference[0]!.time);
				expect(entriesOf(buffer)).toEqual(reference);
				// Known to be submitted, as a live run in the heap is.
				if (reference[0]!.sub !== Sub.FAILED) {
					buffer.fill(context, index, reference[0]!.time, true);
					expect(entriesOf(buffer)).toEqual(reference);
				}
				kinds.add(reference.length * 16 + (reference.at(-1)?.sub ?? 0));
				runs += 1;
			}
		}
		expect(runs).toBeGreaterThan(20_000);
		// Failed submissions, natural ends, cancels (failed and not, from PENDING and later), deletes all occurred.
		expect(kinds.size).toBeGreaterThan(8);
	});

	it('treats a CancelRun landing exactly on one of the run’s changes as the reference does', () => {
		const next = random(21);
		const buffer = new TimelineBuffer();
		let exact = 0;
		for (let contextNo = 0; contextNo < 300; contextNo++) {
			const base = planContext(next);
			const {cancelAt: _cancel, deleteAt: _delete, ...natural} = base;
			for (let index = 0; index < 20; index++) {
				const entries = runTimeline(natural, index);
				const target = entries[Math.floor(next() * entries.length)]!.time;
				if (!Number.isFinite(target)) break;
				// cancelAt such that the run's CancelRun lands at `target` (kept when float arithmetic is exact).
				const spread = 1000;
				const delay = (0.05 + 0.95 * unitHash(base.seed, index, 9)) * spread;
				const context = {...natural, cancelAt: target - delay, cancelSpreadMs: spread};
				if (context.cancelAt + delay !== target || entries[0]!.time > context.cancelAt) continue;
				exact += 1;
				buffer.fill(context, index);
				expect(entriesOf(buffer)).toEqual(runTimeline(context, index));
			}
		}
		expect(exact).toBeGreaterThan(500);
	});

	it('brings a run to any read time as applying the reference’s entries one by one does', () => {
		const next = random(6);
		const buffer = new TimelineBuffer();
		for (let contextNo = 0; contextNo < 200; contextNo++) {
			const context = planContext(next);
			const fast = new RunStates(60);
			const slow = new RunStates(60);
			for (let index = 0; index < 60; index++) {
				const reference = runTimeline(context, index);
				if (reference[0]!.time === Number.POSITIVE_INFINITY) break;
				const last = reference.at(-1)!.time;
				let read = reference[0]!.time - 1000;
				// A few reads in increasing order, some exactly on an entry's time (inclusive or not).
				for (let step = 0; step < 4; step++) {
					const onEntry = next() < 0.4;
					read = onEntry
						? Math.max(read, reference[Math.floor(next() * reference.length)]!.time)
						: read + next() * (last - read + 2000);
					const inclusive = next() < 0.5;
					buffer.fill(context, index);
					const fastLast = fast.applyUntil(index, buffer, read, inclusive);
					let slowLast = Number.NEGATIVE_INFINITY;
					for (let at = slow.steps[index]!; at < reference.length; at++) {
						const entry = reference[at]!;
						if (inclusive ? entry.time > read : entry.time >= read) break;
						slow.apply(index, entry);
						slowLast = entry.time;
					}
					expect(fastLast).toBe(slowLast);
					expect(fast.steps[index]).toBe(slow.steps[index]);
					expect(fast.subCodes[index]).toBe(slow.subCodes[index]);
					expect(fast.runCodes[index]).toBe(slow.runCodes[index]);
				}
			}
			expect([...fast.runCounts]).toEqual([...slow.runCounts]);
			expect(fast.submissions).toEqual(slow.submissions);
		}
	});
});
