import type {PollerSnapshot} from '../../poller/poller-state.js';
import {clipLine, type Line, type Span} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

/** The header: app, where it looks, batches by state, request rate against budget, paused/stale flags. */
export function headerLine(snapshot: PollerSnapshot, target: string, width: number, glyphs: Glyphs): Line {
	let active = 0;
	let done = 0;
	let failed = 0;
	let stale = 0;
	for (const batch of snapshot.batches) {
		if (batch.lastError) stale += 1;
		const view = batch.view;
		if (!view) continue;
		if (view.status === 'FAILED' || view.status === 'RUNS_DELETE_FAILED') failed += 1;
		else if (view.statusClass === 'terminal') done += 1;
		else active += 1;
	}
	const spans: Span[] = [
		{text: 'batchtop', bold: true, color: 'cyan'},
		{text: `  ${target}  `, dim: true},
		{text: `${snapshot.batches.length} batches: `},
		{text: `${active} active`, color: 'cyan'},
		{text: ` ${glyphs.dot} `},
		{text: `${done} done`, color: 'green'},
		{text: ` ${glyphs.dot} `},
		{text: `${failed} failed`, color: failed > 0 ? 'red' : 'gray'},
		{text: `  ${snapshot.requestsPerSecond.toFixed(1)}/${snapshot.budgetPerSecond} req/s`, dim: true},
	];
	if (snapshot.paused) spans.push({text: '  PAUSED', color: 'yellow', bold: true});
	if (stale > 0) spans.push({text: `  ${glyphs.warning} ${stale} stale`, color: 'yellow', bold: true});
	if (snapshot.credentialsError)
		spans.push({text: `  ${glyphs.warning} ${snapshot.credentialsError.message}`, color: 'red', bold: true});
	return clipLine(spans, width, glyphs.ellipsis);
}
