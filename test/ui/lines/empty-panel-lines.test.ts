import {describe, expect, it} from 'vitest';
import {emptyPanelLines} from '../../../source/ui/lines/empty-panel-lines.js';
import {UNICODE_GLYPHS} from '../../../source/ui/theme/glyphs.js';
import {pollerSnapshot} from '../../helpers/poller-snapshot.js';

const snapshot = pollerSnapshot;
const text = (lines: ReturnType<typeof emptyPanelLines>) =>
	lines.map((line) => line.map((span) => span.text).join(''));

describe('the panel with no batch selected', () => {
	it('says it is looking only while nothing has answered', () => {
		expect(text(emptyPanelLines(snapshot(), UNICODE_GLYPHS, 60))).toEqual(['Looking for batches…']);
	});

	it('shows a refused ListBatch whole, wrapped to the width, with what to do', () => {
		const lines = text(
			emptyPanelLines(
				snapshot({
					discoveryError: {
						kind: 'access-denied',
						message: 'access denied: these credentials may not call omics:ListBatch',
						at: Date.UTC(2026, 0, 1, 12),
						action: 'omics:ListBatch',
						requestId: 'req-7',
					},
				}),
				UNICODE_GLYPHS,
				30,
			),
		);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
		const joined = lines.join(' ');
		expect(joined).toContain('may not call omics:ListBatch');
		expect(joined).toContain('ask for that IAM permission');
		expect(joined).toContain('request id req-7');
		expect(joined).not.toContain('Looking for batches');
	});

	it('says when a listing found nothing to watch', () => {
		const [line] = text(emptyPanelLines(snapshot({lastDiscoveryAt: Date.now()}), UNICODE_GLYPHS, 80));
		expect(line).toMatch(/^No batches to watch/);
	});
});
