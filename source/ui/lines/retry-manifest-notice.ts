import {sanitizeText} from '../../domain/sanitize-text.js';
import {formatCount} from '../text/format.js';
import type {RetryManifestOutcome} from '../hooks/use-ui-effects.js';

/** What `e` wrote, in one line: the path, how many runSettingIds, and what it could not rebuild and how to. */
export function retryManifestNotice(outcome: RetryManifestOutcome): string {
	const path = sanitizeText(outcome.path, 512);
	const written = `e: wrote ${path} (${formatCount(outcome.entries)} runSettingIds)`;
	if (!outcome.incomplete) return written;
	const missing = formatCount(outcome.missing.length);
	return `${written}; incomplete: ${missing} failed submissions need the original settings: batchtop failures --retry-manifest FILE --settings ORIGINAL.json`;
}
