import type {FailureGroup} from '../domain/failure-groups.js';
import type {BatchSnapshot, FailureList, PollerSnapshot} from '../poller/poller-state.js';
import type {FailureKind} from './failure-text.js';

// In --plain and --json nobody opens a detail pane, so the watch itself asks the poller for failure
// reasons when failures appear. A 100,000-run batch can have thousands of failures: reasons are read
// a page at a time at low priority (the poller's budget gives polls first claim), at most
// FAILURES_READ_PER_KIND per kind per batch, and what is logged is new *groups* (reason and message
// shape), at most GROUPS_LOGGED_PER_KIND per kind per batch, never one line per failure.

/** Failures of one kind whose reasons a script watch reads per batch: 10 pages of ListRuns and their GetRuns. */
export const FAILURES_READ_PER_KIND = 1_000;
/** New failure groups logged per kind per batch; past it, one line says more are not logged. */
export const GROUPS_LOGGED_PER_KIND = 20;
/** How long a watch whose batches have all finished waits for the failure reasons it is still reading. */
export const FINISH_GRACE_MS = 10_000;
/** After a failed load, the wait before asking again (the poller's own errors back off the same way). */
export const FAILURE_RETRY_MS = 30_000;

/** A failure group seen for the first time, or the note that a batch has more than are logged. */
export type NewFailureGroup =
	| {
			readonly id: string;
			readonly kind: FailureKind;
			readonly group: FailureGroup;
			/** Failures of this kind read so far (the group's count is out of these). */
			readonly loaded: number;
			/** The batch's count of this kind, from GetBatch. */
			readonly failed: number;
	  }
	| {readonly id: string; readonly kind: FailureKind; readonly overflow: number};

interface Followed {
	/** Failure counts when reasons were last asked for. */
	asked?: {readonly runs: number; readonly submissions: number};
	readonly logged: Record<FailureKind, Set<string>>;
	readonly overflowed: Record<FailureKind, boolean>;
}

const KINDS: ReadonlyArray<readonly [FailureKind, 'runs' | 'submissions']> = [
	['submission', 'submissions'],
	['run', 'runs'],
];

/**
 * Decides, per notification, which batches' failure reasons to read next and which groups are new.
 * A kind is read while it has failures not yet read (below the cap) and either more pages or counts
 * that grew since the last ask: a listing that ended short of the count (a broken or lagging list) is
 * not read again until the count moves, so nothing loops.
 */
export class FailureFollower {
	readonly #followed = new Map<string, Followed>();

	#entry(id: string): Followed {
		let entry = this.#followed.get(id);
		if (!entry) {
			entry = {
				logged: {run: new Set(), submission: new Set()},
				overflowed: {run: false, submission: false},
			};
			this.#followed.set(id, entry);
		}
		return entry;
	}

	/** The batches whose next page of failure reasons should be asked for now; marks them asked. */
	toLoad(snapshot: PollerSnapshot, now: number): string[] {
		const ids: string[] = [];
		for (const batch of snapshot.batches) {
			if (this.#wants(batch, now)) {
				const view = batch.view!;
				this.#entry(batch.id).asked = {runs: view.runs.failed, submissions: view.submissions.failed};
				ids.push(batch.id);
			}
		}
		return ids;
	}

	/** Whether reasons are being read, or would be asked for now: a watch whose batches finished waits for them a little. */
	reading(snapshot: PollerSnapshot, now: number): boolean {
		return snapshot.batches.some((batch) => batch.failures?.loading || this.#wants(batch, now));
	}

	#wants(batch: BatchSnapshot, now: number): boolean {
		const view = batch.view;
		if (!view || view.runs.failed + view.submissions.failed === 0) return false;
		const detail = batch.failures;
		if (detail?.loading) return false;
		if (detail?.error && now - detail.error.at < FAILURE_RETRY_MS) return false;
		const asked = this.#followed.get(batch.id)?.asked;
		return KINDS.some(([, key]) => {
			const failed = key === 'runs' ? view.runs.failed : view.submissions.failed;
			const list: FailureList | undefined = detail?.[key];
			const loaded = list?.loaded ?? 0;
			if (failed <= loaded || loaded >= FAILURES_READ_PER_KIND) return false;
			return !asked || !list || !list.complete || failed > asked[key];
		});
	}

	/** The groups not logged before, in the order the poller ranks them (largest first); marks them logged. */
	newGroups(snapshot: PollerSnapshot): NewFailureGroup[] {
		const found: NewFailureGroup[] = [];
		for (const batch of snapshot.batches) {
			if (!batch.failures || !batch.view) continue;
			const entry = this.#entry(batch.id);
			for (const [kind, key] of KINDS) {
				const list = batch.failures[key];
				const failed = key === 'runs' ? batch.view.runs.failed : batch.view.submissions.failed;
				const logged = entry.logged[kind];
				for (const group of list.groups) {
					if (logged.has(group.key)) continue;
					if (logged.size >= GROUPS_LOGGED_PER_KIND) {
						if (!entry.overflowed[kind]) found.push({id: batch.id, kind, overflow: logged.size});
						entry.overflowed[kind] = true;
						break;
					}
					logged.add(group.key);
					found.push({id: batch.id, kind, group, loaded: list.loaded, failed});
				}
			}
		}
		return found;
	}
}
