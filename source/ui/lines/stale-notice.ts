import type {BatchSnapshot} from '../../poller/poller-state.js';
import type {OmicsErrorKind} from '../../omics/omics-error.js';
import {formatClock, formatDuration} from '../text/format.js';
import type {Line} from '../text/styled-line.js';
import {ageMs} from '../../domain/age.js';

const REASONS: Record<OmicsErrorKind, string> = {
	'not-found': 'batch not found',
	'access-denied': 'access denied',
	throttled: 'throttled',
	unavailable: 'unreachable or not answering',
	tls: 'TLS certificate not trusted',
	invalid: 'request rejected',
	'bad-response': 'unreadable answer',
	'expired-credentials': 'credentials expired',
	'no-credentials': 'no credentials',
	'no-region': 'no region',
	unknown: 'error',
};

/** "as of HH:MM:SS (2m ago): throttled, retrying" — never show stale numbers as live. */
export function staleNotice(batch: BatchSnapshot, now: number): Line {
	const error = batch.lastError;
	const reason = error ? REASONS[error.kind] : 'stale';
	const retry =
		batch.nextPollAt !== undefined && batch.nextPollAt > now
			? `, retry in ${formatDuration(batch.nextPollAt - now)}`
			: batch.polling
				? ', retrying'
				: '';
	const asOf =
		batch.lastUpdated === undefined
			? 'no data yet'
			: `as of ${formatClock(batch.lastUpdated)} (${formatDuration(ageMs(now, batch.lastUpdated))} ago)`;
	const detail = error?.kind === 'access-denied' && error.action ? ` (${error.action})` : '';
	return [{text: `${asOf}: ${reason}${detail}${retry}`, color: 'magenta'}];
}
