import {DEFAULT_MAX_TEXT_LENGTH, sanitizeText} from './sanitize-text.js';

/** One failed submission or run: its reason code, free text and the id to show as an example. */
export interface FailureItem {
	readonly reason?: string;
	readonly message?: string;
	/** runSettingId for failed submissions, runId (or runSettingId) for failed runs. */
	readonly example: string;
	/** The batch entry's id (failed submissions, from ListRunsInBatch). */
	readonly runSettingId?: string;
	/** The run's id (failed runs, from GetRun). */
	readonly runId?: string;
}

export interface FailureGroup {
	readonly key: string;
	readonly reason: string;
	/** The first message seen for the group, sanitised. */
	readonly message: string;
	readonly count: number;
	readonly examples: readonly string[];
}

// A message is kept whole up to the length every other API text is (the detail pane wraps and scrolls it);
// ids are 1-128 characters in the API, so an example id is never cut.
const MAX_MESSAGE_LENGTH = DEFAULT_MAX_TEXT_LENGTH;
const MAX_ID_LENGTH = 128;

/**
 * Reduces a message to its shape, so "sample 12 failed" and "sample 13 failed" group together: only
 * numbers, uuids, S3 URIs and ARNs are blurred; any other difference, case included, is another group.
 */
export function normalizeFailureMessage(message: string): string {
	return sanitizeText(message, MAX_MESSAGE_LENGTH)
		.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
		.replace(/s3:\/\/\S+/gi, '<uri>')
		.replace(/arn:[^\s"']+/g, '<arn>')
		.replace(/\d+/g, '#');
}

/** A failure's reason and message as groups show them (sanitised), and the key of its group. */
export interface FailureKey {
	readonly key: string;
	readonly reason: string;
	readonly message: string;
}

/** The group a failure belongs to: its reason and its message's shape (normalizeFailureMessage). */
export function failureKeyOf(item: FailureItem): FailureKey {
	const reason = sanitizeText(item.reason, 64) || 'Unknown';
	const message = sanitizeText(item.message, MAX_MESSAGE_LENGTH);
	return {key: `${reason}|${normalizeFailureMessage(message)}`, reason, message};
}

/** An id from the API as the screen shows it: sanitised, and never cut (ids are 1-128 characters). */
export function failureId(id: string | undefined): string {
	return sanitizeText(id, MAX_ID_LENGTH);
}

/** Groups failures by reason and message shape, largest group first, with a few example ids each. */
export function groupFailures(items: Iterable<FailureItem>, maxExamples = 3): FailureGroup[] {
	const groups = new Map<string, {reason: string; message: string; count: number; examples: string[]}>();
	for (const item of items) {
		const {key, reason, message} = failureKeyOf(item);
		let group = groups.get(key);
		if (!group) {
			group = {reason, message, count: 0, examples: []};
			groups.set(key, group);
		}
		group.count += 1;
		if (group.examples.length < maxExamples) group.examples.push(failureId(item.example));
	}
	return [...groups.entries()]
		.map(([key, group]) => ({key, ...group}))
		.sort((a, b) => b.count - a.count || ties().compare(a.reason, b.reason) || ties().compare(a.key, b.key));
}

// String#localeCompare makes a collator per call; groups are sorted again as failure reasons load.
// The same order (the default locale's) from one collator, made the first time two groups tie.
let collator: Intl.Collator | undefined;
const ties = (): Intl.Collator => (collator ??= new Intl.Collator());
