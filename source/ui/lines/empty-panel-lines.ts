import type {PollerSnapshot} from '../../poller/poller-state.js';
import {formatClock} from '../text/format.js';
import type {Line, Span} from '../text/styled-line.js';
import {wrap} from './batch-panel-lines.js';
import type {Glyphs} from '../theme/glyphs.js';

/**
 * The panel when no batch is selected: looking (and, if ListBatch fails, why and what to do),
 * nothing found, or a filter that hides everything. Never "looking" forever in silence.
 */
export function emptyPanelLines(snapshot: PollerSnapshot, glyphs: Glyphs, width: number): Line[] {
	if (snapshot.batches.length > 0)
		return [[{text: 'No batch matches the filter (Esc clears it).', dim: true}]];
	const error = snapshot.discoveryError;
	if (error) {
		const hint =
			error.kind === 'access-denied'
				? `these credentials may not call ${error.action ?? 'omics:ListBatch'}; ask for that IAM permission or use --profile`
				: error.kind === 'throttled'
					? 'retrying after the service asks; lower --max-rps if this persists'
					: 'retrying with backoff';
		// Wrapped, not cut: the message and the fix are the point of this panel.
		const wrapped = (text: string, span: Omit<Span, 'text'>): Line[] =>
			wrap(text, width, 6).map((part) => [{...span, text: part}]);
		return [
			...wrapped(`${glyphs.warning} Cannot list batches: ${error.message}`, {color: 'red', bold: true}),
			...wrapped(`since ${formatClock(error.at)}; ${hint}`, {color: 'magenta'}),
			...(error.requestId ? wrapped(`request id ${error.requestId}`, {dim: true}) : []),
		];
	}
	if (snapshot.lastDiscoveryAt !== undefined)
		return [
			[
				{
					text: `No batches to watch (listed at ${formatClock(snapshot.lastDiscoveryAt)}); new ones appear here.`,
					dim: true,
				},
			],
		];
	return [[{text: `Looking for batches${glyphs.ellipsis}`, dim: true}]];
}
