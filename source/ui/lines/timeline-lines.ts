import {sanitizeText} from '../../domain/sanitize-text.js';
import type {BatchSnapshot, PollerEvent} from '../../poller/poller-state.js';
import {formatClock, formatCount} from '../text/format.js';
import {fit, widthOf, type ColorName, type Line, type Span} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap-line.js';
import type {Glyphs} from '../theme/glyphs.js';
import {BatchIndex} from '../../poller/batch-index.js';
import {rowName, shortenMiddle} from './batch-names.js';

/** The batches by id, kept from one snapshot to the next: an event finds its batch's name without a map of all. */
const INDEX = new BatchIndex();

/** The name column never takes more than this share of the row: the event's words need the rest. */
const NAME_SHARE = 0.4;

const plural = (count: number, word: string) => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

/** What an event says, and in which colour; undefined for events the timeline does not show. */
function eventWords(event: PollerEvent, arrow: string): {text: string; color?: ColorName} | undefined {
	switch (event.type) {
		case 'batch-seen':
			return {text: `appeared ${event.status}`};
		case 'batch-discovered':
			return {text: 'discovered'};
		case 'status-changed':
			return {text: `${event.from} ${arrow} ${event.to}`, color: 'cyan'};
		case 'failure-appeared': {
			const parts = [
				event.runs > 0 ? `${plural(event.runs, 'run')} failed` : '',
				event.submissions > 0 ? `${plural(event.submissions, 'submission')} failed` : '',
			].filter(Boolean);
			return {text: `+${parts.join(', ')}`, color: 'red'};
		}
		case 'failure-group':
			return {
				text: `new ${event.kind} failure group: ${event.reason}${event.message ? `: ${event.message}` : ''}`,
				color: 'red',
			};
		case 'batch-finished':
			return {text: `finished ${event.status}: ${event.verdict.label}`, color: 'green'};
		case 'anomaly':
			return {text: `answer does not add up: ${event.anomalies[0] ?? ''}`, color: 'magenta'};
		case 'error':
			return {text: `${event.id ? '' : 'ListBatch '}error: ${event.error.kind}`, color: 'red'};
		case 'recovered':
			return {text: event.id ? 'answers again' : 'ListBatch answers again', color: 'green'};
		case 'credentials-problem':
			return {text: `credentials: ${event.error.kind}`, color: 'red'};
		case 'counts-changed':
			return undefined;
	}
}

/**
 * The event timeline, newest first: `HH:MM:SS  name  what happened` (status transitions, failures
 * appearing, batches seen and finished, errors and recoveries). Names come from the batches' sanitised
 * labels; an id no longer watched goes through the sanitiser too. Every line fits `width`.
 */
export function timelineLines(
	events: readonly PollerEvent[],
	batches: readonly BatchSnapshot[],
	width: number,
	glyphs: Glyphs,
	ascii = false,
): Line[] {
	const arrow = ascii ? '->' : '→';
	const index = INDEX.update(batches);
	const nameOf = (event: PollerEvent) => {
		if (!('id' in event) || event.id === undefined) return 'discovery';
		const batch = index.get(event.id);
		return batch ? rowName(batch) : sanitizeText(event.id, 64);
	};
	// A batch discovery found is soon seen: once seen, "appeared" says it, and "discovered" would repeat it.
	const seen = new Set(events.flatMap((event) => (event.type === 'batch-seen' ? [event.id] : [])));
	const shown = events.flatMap((event) => {
		if (event.type === 'batch-discovered' && seen.has(event.id)) return [];
		const words = eventWords(event, arrow);
		return words ? [{event, words, name: nameOf(event)}] : [];
	});
	const widest = shown.reduce((most, entry) => Math.max(most, widthOf(entry.name)), 0);
	const nameWidth = Math.min(widest, Math.max(8, Math.floor(width * NAME_SHARE)));
	return shown.flatMap(({event, words, name}) => {
		const spans: Span[] = [
			{text: formatClock(event.at), dim: true},
			{text: '  '},
			{text: fit(shortenMiddle(name, nameWidth, glyphs.ellipsis), nameWidth)},
			{text: '  '},
			{text: words.text, ...(words.color ? {color: words.color} : {})},
		];
		// Wrapped under the words, never cut: rows for the timeline are counted from these lines.
		return wrapLine(spans, width, Math.min(Math.floor(width / 2), 8 + 2 + nameWidth + 2));
	});
}
