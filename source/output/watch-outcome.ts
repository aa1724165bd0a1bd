import {batchVerdict} from '../domain/batch-verdict.js';
import {ExitCode} from '../domain/exit-policy.js';
import type {PollerSnapshot} from '../poller/poller-state.js';

/**
 * Exit code from how the batches ended: 3 if one FAILED or was CANCELLED, 2 if one was never found,
 * 1 if some runs failed, else 0.
 */
export function verdictExitCode(snapshot: PollerSnapshot): {code: number; reason: string} {
	const verdicts = snapshot.batches
		.filter((batch) => batch.view)
		.map((batch) => batchVerdict(batch.view!).kind);
	const failed = snapshot.batches.filter(
		(batch) => batch.view && (batch.view.status === 'FAILED' || batch.view.status === 'CANCELLED'),
	);
	const unknown = snapshot.batches.filter((batch) => !batch.view && batch.lastError?.kind === 'not-found');
	const unknownNote = unknown.length
		? `; unknown batch${unknown.length === 1 ? '' : 'es'} ${unknown.map((batch) => batch.id).join(', ')}`
		: '';
	if (failed.length > 0)
		return {
			code: ExitCode.batchFailed,
			reason: `${failed.map((batch) => `${batch.id} ${batch.view?.status}`).join(', ')}${unknownNote}`,
		};
	if (unknown.length > 0)
		return {
			code: ExitCode.usage,
			reason: `unknown batch${unknown.length === 1 ? '' : 'es'} ${unknown.map((batch) => batch.id).join(', ')}; check the IDs and the region`,
		};
	const someFailed = verdicts.filter(
		(kind) => kind === 'some-failed' || kind === 'runs-delete-failed',
	).length;
	const running = snapshot.batches.filter((batch) => batch.view?.statusClass === 'active').length;
	const failing = snapshot.batches.filter(
		(batch) => batch.view && batch.view.runs.failed + batch.view.submissions.failed > 0,
	).length;
	if (someFailed > 0 || (failing > 0 && running > 0))
		return {
			code: ExitCode.someFailed,
			reason: `runs or submissions failed in ${Math.max(someFailed, failing)} batch${Math.max(someFailed, failing) === 1 ? '' : 'es'}`,
		};
	return {
		code: ExitCode.ok,
		reason: snapshot.batches.length === 1 ? 'it succeeded' : `all ${snapshot.batches.length} succeeded`,
	};
}

/** Whether every watched batch is terminal and confirmed (or could never be read). */
export function allFinished(snapshot: PollerSnapshot): boolean {
	return (
		snapshot.batches.length > 0 &&
		snapshot.batches.every((batch) => batch.done || (!batch.view && batch.lastError?.kind === 'not-found'))
	);
}
