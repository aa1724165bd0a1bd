import {EventHeap} from './event-heap.js';
import {SubmissionCurve} from './submission-curve.js';

/**
 * The account's default StartRun throughput quota, in calls per second per Region. The HealthOmics
 * user guide's "HealthOmics API quotas" page lists StartRun under the workflow API quotas as adjustable;
 * its current copy gives 0.1 TPS (an older copy said 1 TPS):
 * https://docs.aws.amazon.com/omics/latest/dev/api-quotas.html
 */
export const DOCUMENTED_START_RUN_TPS = 0.1;

/** What the quota needs to know of a batch that will submit runs. */
export interface QuotaClaim {
	/** When its first StartRun may go out. */
	readonly submittingAt: number;
	readonly totalRuns: number;
	/** The most StartRun calls per second it makes even when the quota has room. */
	readonly ceiling: number;
	/** When it stops submitting early (cancel, fail); Infinity if it does not. */
	haltAt: number;
	readonly curve: SubmissionCurve;
}

/** The batches submitting with one ceiling: they all get the same rate, so they share one count curve. */
interface CeilingGroup {
	readonly ceiling: number;
	readonly curve: SubmissionCurve;
	/** Members by the group count at which their last run goes out. */
	readonly finishes: EventHeap;
	size: number;
}

interface Member {
	readonly claim: QuotaClaim;
	readonly group: CeilingGroup;
	submitting: boolean;
}

/**
 * One token bucket per account, refilled at `tps`, with room for a single token (no burst): its tokens
 * are shared max-min fairly by the batches submitting at each moment, so while k batches submit each
 * gets tps/k (a batch whose ceiling is lower takes only that, the others split the rest). The shares
 * only change when a batch starts or stops submitting, so StartRun times are piecewise-linear curves,
 * extended lazily up to the time of the latest request: no timer, no state per run.
 *
 * The fair share is a water level: a batch gets min(its ceiling, level). Batches with the same ceiling
 * therefore always get the same rate, so they share one curve (a fair-share clock per ceiling) and a
 * batch's count is that clock's rise since it joined; a change costs O(distinct ceilings + log batches),
 * not O(batches submitting), and 10,000 batches submitting at once cost linear time.
 */
export class StartRunQuota {
	readonly tps: number;
	/** Claims that have not started submitting yet, by submittingAt (joined ones are before #nextJoin). */
	readonly #waiting: QuotaClaim[] = [];
	#nextJoin = 0;
	readonly #members: Member[] = [];
	readonly #byClaim = new Map<QuotaClaim, number>();
	/**
	 * Submitting members by haltAt, and per group by finishing count: an entry whose member has left (or
	 * halted again, earlier) is stale and costs one change that changes nothing.
	 */
	readonly #halts = new EventHeap(64);
	readonly #groups = new Map<number, CeilingGroup>();
	/** Groups with members submitting, by ceiling. */
	#active: CeilingGroup[] = [];
	#time = Number.NEGATIVE_INFINITY;

	constructor(tps: number) {
		if (!(tps > 0)) throw new RangeError(`startRunTps must be positive, got ${tps}`);
		this.tps = tps;
	}

	/** Adds a batch; it draws on the quota from its submittingAt (which is never before the last sync). */
	add(claim: QuotaClaim): void {
		let low = this.#nextJoin;
		let high = this.#waiting.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((this.#waiting[middle] as QuotaClaim).submittingAt <= claim.submittingAt) low = middle + 1;
			else high = middle;
		}
		this.#waiting.splice(low, 0, claim);
		if (this.#nextJoin > 4096 && this.#nextJoin * 2 > this.#waiting.length) {
			this.#waiting.splice(0, this.#nextJoin);
			this.#nextJoin = 0;
		}
	}

	/** A batch stops submitting at `at` (a CancelRunBatch or a failure); its share goes to the others from then. */
	halt(claim: QuotaClaim, at: number): void {
		if (!(at < claim.haltAt)) return;
		claim.haltAt = Math.max(at, this.#time);
		const id = this.#byClaim.get(claim);
		if (id !== undefined && (this.#members[id] as Member).submitting) this.#halts.push(claim.haltAt, id);
	}

	/** Works out every batch's share up to `target`, so that submission times up to then are final. */
	syncTo(target: number): void {
		this.syncSome(target, Number.POSITIVE_INFINITY);
	}

	/**
	 * syncTo in steps: applies at most `maxChanges` joins and leaves up to `target` and says whether it
	 * got there, so that a long catch-up can let other work run between steps.
	 */
	syncSome(target: number, maxChanges: number): boolean {
		for (let changes = 0; changes < maxChanges; changes++) {
			const at = this.#nextChange();
			if (at > target) return true;
			this.#time = at;
			this.#change(at);
		}
		return this.#nextChange() > target;
	}

	/** The next moment a batch joins or leaves the submitting set (never before the last one). */
	#nextChange(): number {
		let next =
			(this.#waiting[this.#nextJoin] as QuotaClaim | undefined)?.submittingAt ?? Number.POSITIVE_INFINITY;
		next = Math.min(next, this.#halts.peekTime());
		for (const group of this.#active) next = Math.min(next, finishTime(group));
		return Math.max(next, this.#time);
	}

	#change(at: number): void {
		const emptied: CeilingGroup[] = [];
		// Leaves first: members done by now and members halted by now.
		for (const group of this.#active) {
			while (group.finishes.size > 0 && finishTime(group) <= at) {
				const member = this.#members[group.finishes.pop()] as Member;
				if (member.submitting) this.#leave(member, at);
			}
		}
		while (this.#halts.peekTime() <= at) {
			const member = this.#members[this.#halts.pop()] as Member;
			if (member.submitting && member.claim.haltAt <= at) this.#leave(member, at);
		}
		// Then joins.
		while (this.#nextJoin < this.#waiting.length) {
			const claim = this.#waiting[this.#nextJoin] as QuotaClaim;
			if (claim.submittingAt > at) break;
			this.#nextJoin += 1;
			this.#join(claim, at);
		}
		for (const group of this.#active) if (group.size === 0) emptied.push(group);
		this.#active = this.#active.filter((group) => group.size > 0);
		for (const group of emptied) group.curve.setRate(at, 0);
		// Max-min fair shares (water filling): the smallest ceilings are met first, the rest is split evenly.
		let left = this.tps;
		let members = 0;
		for (const group of this.#active) members += group.size;
		for (const group of this.#active) {
			const rate = Math.min(group.ceiling, left / members);
			left -= rate * group.size;
			members -= group.size;
			group.curve.setRate(at, rate);
		}
	}

	#join(claim: QuotaClaim, at: number): void {
		const group = this.#group(claim.ceiling);
		const id = this.#members.length;
		const member: Member = {claim, group, submitting: true};
		this.#members.push(member);
		this.#byClaim.set(claim, id);
		claim.curve.follow(group.curve, at, Math.min(claim.ceiling, this.tps));
		if (claim.haltAt <= at) {
			member.submitting = false;
			claim.curve.stopAt(at);
			return;
		}
		if (group.size === 0) this.#activate(group);
		group.size += 1;
		group.finishes.push(group.curve.countAt(at) + claim.totalRuns - 1, id);
		if (claim.haltAt < Number.POSITIVE_INFINITY) this.#halts.push(claim.haltAt, id);
	}

	#leave(member: Member, at: number): void {
		member.submitting = false;
		member.group.size -= 1;
		member.claim.curve.stopAt(at);
		// Its id stays only in the heaps, as a stale entry; the claim needs no more of the quota.
		this.#byClaim.delete(member.claim);
	}

	#group(ceiling: number): CeilingGroup {
		let group = this.#groups.get(ceiling);
		if (!group) {
			group = {ceiling, curve: new SubmissionCurve(), finishes: new EventHeap(16), size: 0};
			this.#groups.set(ceiling, group);
		}
		return group;
	}

	/** Puts a group back among the submitting ones, keeping them sorted by ceiling. */
	#activate(group: CeilingGroup): void {
		if (this.#active.includes(group)) return;
		let index = this.#active.findIndex((other) => other.ceiling > group.ceiling);
		if (index < 0) index = this.#active.length;
		this.#active.splice(index, 0, group);
	}
}

/** When the group's first member to finish submits its last run, at the group's current rate. */
function finishTime(group: CeilingGroup): number {
	return group.finishes.size > 0 ? group.curve.timeOf(group.finishes.peekTime()) : Number.POSITIVE_INFINITY;
}
