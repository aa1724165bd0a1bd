import {describe, expect, it} from 'vitest';
import {exitReasonLine, exitSummary} from '../../source/ui/exit-summary.js';
import {pollerSnapshot} from '../helpers/poller-snapshot.js';

const snapshot = pollerSnapshot;

describe('the line left on the normal screen', () => {
	it('says why nothing was watched when the listing was refused', () => {
		const line = exitSummary(
			snapshot({
				discoveryError: {
					kind: 'access-denied',
					message: 'access denied: these credentials may not call omics:ListBatch',
					at: 0,
				},
			}),
			'us-east-1',
		);
		expect(line).toBe(
			'batchtop: watched 0 batches on us-east-1; last error: access denied: these credentials may not call omics:ListBatch',
		);
	});

	it('is the plain count otherwise', () => {
		expect(exitSummary(snapshot(), 'us-east-1')).toBe('batchtop: watched 0 batches on us-east-1');
	});

	it('is followed by the reason, worded as the last line of the plain summary', () => {
		expect(exitReasonLine({code: 130, reason: 'interrupted (q) with 1 batch still running'})).toBe(
			'exit 130: interrupted (q) with 1 batch still running',
		);
	});
});
