import {CANCELLABLE, RUNS_DELETABLE, type BatchStatus} from './statuses.js';
import type {BatchAction} from '../scenario/scenario-schema.js';

/** A scheduled intervention in absolute virtual time (scenario `actions`). */
export interface ScheduledAction {
	readonly at: number;
	readonly do: BatchAction['do'];
	readonly reason?: string;
}

/**
 * Whether a scenario action can happen in a status: now, later (wait for the status it needs),
 * or never (drop it: e.g. cancelling a batch that has already finished).
 */
export function actionEligibility(action: BatchAction['do'], status: BatchStatus): 'now' | 'wait' | 'drop' {
	switch (action) {
		case 'cancel':
			if (CANCELLABLE.has(status)) return 'now';
			return status === 'CREATING' ? 'wait' : 'drop';
		case 'fail':
			return ['CREATING', 'PENDING', 'SUBMITTING', 'INPROGRESS'].includes(status) ? 'now' : 'drop';
		case 'deleteRuns':
			if (RUNS_DELETABLE.has(status)) return 'now';
			return ['FAILED', 'RUNS_DELETING', 'RUNS_DELETED', 'RUNS_DELETE_FAILED'].includes(status)
				? 'drop'
				: 'wait';
	}
}
