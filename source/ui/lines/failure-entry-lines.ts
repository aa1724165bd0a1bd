import type {FailureEntry, RunEntryFacts} from '../../poller/drill-down-state.js';
import {widthOf, type Line, type Span} from '../text/styled-line.js';
import {wrapText} from '../text/wrap-text.js';
import type {Glyphs} from '../theme/glyphs.js';

const MESSAGE_INDENT = 4;

/** What a failed run's entry says about the lookup of its runSettingId and failed task. */
function runFacts(facts: RunEntryFacts | undefined, ellipsis: string): string[] {
	if (!facts || (facts.loading && !facts.runSettingId && !facts.failedTask)) return [`looking up${ellipsis}`];
	const parts: string[] = [];
	parts.push(facts.runSettingId ? `setting ${facts.runSettingId}` : 'setting ?');
	if (facts.failedTask) parts.push(`task ${facts.failedTask}`);
	else if (!facts.loading && !facts.error) parts.push('no failed task');
	if (facts.error) parts.push(`(lookup failed: ${facts.error.message})`);
	return parts;
}

/**
 * One failed entry of a group, whole: the ids on the first lines (a failed run: `run 3628869`, its
 * runSettingId and failed task once looked up; a failed submission: its runSettingId), the status
 * message wrapped under them. The selected entry is marked, and inverse while the pane has the focus.
 */
export function failureEntryLines(
	entry: FailureEntry,
	facts: RunEntryFacts | undefined,
	width: number,
	glyphs: Glyphs,
	selected: boolean,
	focused: boolean,
): Line[] {
	const marker = selected ? `${glyphs.selected} ` : '  ';
	const id =
		entry.kind === 'run'
			? `run ${entry.runId ?? '?'}`
			: `setting ${entry.runSettingId ?? '(no runSettingId)'}`;
	const extra = entry.kind === 'run' ? runFacts(facts, glyphs.ellipsis) : [];
	const idStyle: Omit<Span, 'text'> = {bold: true, ...(selected && focused ? {inverse: true} : {})};
	const room = width - widthOf(marker);
	// The id and the facts as words of one text, wrapped whole: an id is never cut.
	const lines: Line[] = wrapText([id, ...extra].join(` ${glyphs.dot} `), room).map((part, index) => {
		const pad: Span = {text: index === 0 ? marker : ' '.repeat(widthOf(marker)), bold: true};
		if (index !== 0 || !part.startsWith(id)) return [pad, {text: part, dim: !selected}];
		const rest = part.slice(id.length);
		return [pad, {...idStyle, text: id}, ...(rest ? [{text: rest, dim: !selected}] : [])];
	});
	const indent = ' '.repeat(MESSAGE_INDENT);
	for (const part of wrapText(entry.message || '(no message)', width - MESSAGE_INDENT))
		lines.push([{text: indent}, {text: part, dim: !selected}]);
	return lines;
}
