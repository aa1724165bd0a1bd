import {useEffect, useMemo, useSyncExternalStore} from 'react';
import type {BatchSnapshot} from '../../poller/poller-state.js';
import {maxScrollOffset} from '../layout/scroll-window.js';
import {breadcrumbLines} from '../lines/breadcrumb-lines.js';
import {failureEntryLines} from '../lines/failure-entry-lines.js';
import {runViewLines} from '../lines/run-view-lines.js';
import {runCopyTargets, type AwsCliContext} from '../state/copy-targets.js';
import type {DrillDownHandle, FailureEntry} from '../../poller/drill-down-state.js';
import type {GroupLevel, RunLevel} from '../state/drill-level.js';
import type {DrillFacts} from '../state/drill-reducer.js';
import {entryPage} from '../state/entry-page.js';
import type {UiState} from '../state/ui-state.js';
import {formatCount} from '../text/format.js';
import type {Line} from '../text/styled-line.js';
import type {Glyphs} from '../theme/glyphs.js';

/** What the pane shows at a level of the drill-down below the detail pane. */
export interface DrillView {
	readonly title: string;
	readonly status?: {readonly text: string; readonly spinner: boolean};
	readonly breadcrumb: readonly Line[];
	/** The body's lines: a page of entries, or the whole run view (scrolled by `offset`). */
	readonly body: readonly Line[];
	/** Lines scrolled from the top (a run view); undefined: `body` is one page as it is. */
	readonly offset?: number;
	readonly rows: number;
	readonly facts: Omit<DrillFacts, 'groups'>;
}

const noSubscribe = () => () => {};
const zero = () => 0;

/** The drill-down's data version: a component reading it renders again when anything loaded. */
export function useDrillVersion(drill: DrillDownHandle | undefined): number {
	return useSyncExternalStore(
		drill?.subscribe.bind(drill) ?? noSubscribe,
		drill?.version.bind(drill) ?? zero,
		drill?.version.bind(drill) ?? zero,
	);
}

interface DrillInput {
	readonly drill: DrillDownHandle | undefined;
	readonly state: UiState;
	readonly batch: BatchSnapshot | undefined;
	readonly width: number;
	/** Rows of the pane below its title. */
	readonly rows: number;
	readonly glyphs: Glyphs;
	readonly focused: boolean;
	readonly cli: AwsCliContext;
	readonly paused: boolean;
}

/** A group's live count and loading state, from the batch's failure groups. */
function groupCount(batch: BatchSnapshot | undefined, level: GroupLevel): number {
	const list = level.kind === 'run' ? batch?.failures?.runs : batch?.failures?.submissions;
	return list?.groups.find((group) => group.key === level.key)?.count ?? 0;
}

/**
 * The drill-down's current level as lines and screen facts: a failure group's entries (loaded as they
 * come, their runs' runSettingId and failed task looked up for the entries on screen), or one run
 * (opened while shown, its calls stopped when left). Undefined at the detail pane itself.
 */
export function useDrillView(input: DrillInput): DrillView | undefined {
	const {drill, state, batch, width, rows, glyphs, focused, cli, paused} = input;
	const version = useDrillVersion(drill);
	const levels = state.drill;
	const level = levels.at(-1);
	const batchId = batch?.id;
	const runLevel = level?.type === 'run' ? level : undefined;
	const openRunId = runLevel?.runId;
	useEffect(() => {
		if (!drill || openRunId === undefined || batchId === undefined) return undefined;
		drill.openRun(batchId, openRunId);
		return () => drill.closeRun(openRunId);
	}, [drill, batchId, openRunId]);

	const crumbs = useMemo(() => {
		const parts = [batch?.view?.label ?? batch?.id ?? ''];
		for (const step of levels) {
			if (step.type === 'group')
				parts.push(`${step.reason} (${formatCount(batch ? groupCount(batch, step) : 0)})`);
			else parts.push(`run ${step.runId}`);
		}
		return parts;
	}, [batch, levels]);

	const entries = useMemo(
		() =>
			level?.type === 'group' && drill && batchId !== undefined
				? groupPage(drill, batchId, level, {width, rows, glyphs, focused, crumbs, cli, batch, paused})
				: undefined,
		// The handle changes under the same object: `version` says when it did.
		// eslint-disable-next-line react-hooks/exhaustive-deps -- version is the handle's change counter
		[level, drill, batchId, width, rows, glyphs, focused, crumbs, cli, batch, paused, version],
	);
	const wanted = entries?.runIds.join(',') ?? '';
	useEffect(() => {
		if (drill && batchId !== undefined && wanted) drill.wantEntryFacts(batchId, wanted.split(','));
	}, [drill, batchId, wanted]);

	const run = useMemo(
		() =>
			runLevel && drill && batchId !== undefined
				? runPage(drill, runLevel, {width, rows, glyphs, focused, crumbs, cli, batch, paused})
				: undefined,
		// eslint-disable-next-line react-hooks/exhaustive-deps -- version is the handle's change counter
		[runLevel, drill, batchId, width, rows, glyphs, focused, crumbs, cli, batch, paused, version],
	);
	return entries?.view ?? run;
}

/** A title's loading status: a spinner while it loads, none (and why) while polling is paused. */
const loadingStatus = (text: string, paused: boolean) =>
	paused ? {text: `${text}; paused (p resumes)`, spinner: false} : {text, spinner: true};

interface PageInput {
	/** Polling is paused: nothing loads, so nothing spins. */
	readonly paused: boolean;
	readonly width: number;
	readonly rows: number;
	readonly glyphs: Glyphs;
	readonly focused: boolean;
	readonly crumbs: readonly string[];
	readonly cli: AwsCliContext;
	readonly batch: BatchSnapshot | undefined;
}

/** A page of a group's entries around its cursor, the facts the keys need, and the runs on it. */
function groupPage(
	drill: DrillDownHandle,
	batchId: string,
	level: GroupLevel,
	input: PageInput,
): {view: DrillView; runIds: string[]} {
	const {width, glyphs, focused} = input;
	const breadcrumb = breadcrumbLines(input.crumbs, width, glyphs);
	const total = groupCount(input.batch, level);
	const rows = Math.max(1, input.rows - breadcrumb.length - 1);
	const from = Math.max(0, Math.min(level.top, level.cursor) - rows);
	const window = drill.failureEntries(batchId, level.kind, level.key, from, rows * 3 + 1);
	const loaded = window.loaded;
	const cursor = Math.min(level.cursor, Math.max(0, loaded - 1));
	const linesOf = new Map<number, Line[]>();
	const entryAt = (index: number): FailureEntry | undefined => window.entries[index - from];
	const lines = (index: number): Line[] | undefined => {
		const entry = entryAt(index);
		if (!entry) return undefined;
		let built = linesOf.get(index);
		if (!built) {
			const facts = entry.runId ? drill.entryFacts(entry.runId) : undefined;
			built = failureEntryLines(entry, facts, width, glyphs, index === cursor, focused);
			linesOf.set(index, built);
		}
		return built;
	};
	const page = entryPage(
		level.top,
		cursor,
		rows,
		Math.min(loaded, from + window.entries.length),
		(index) => lines(index)?.length,
	);
	const body: Line[] = [];
	const runIds: string[] = [];
	for (let index = page.start; index < page.end; index += 1) {
		for (const line of lines(index) ?? []) body.push(line);
		const runId = entryAt(index)?.runId;
		if (runId) runIds.push(runId);
	}
	const loading = input.batch?.failures?.loading ?? false;
	const what = level.kind === 'run' ? 'failed runs' : 'failed submissions';
	const heading: Line = [
		{text: `${formatCount(total)} ${what}`, bold: true},
		{
			text: `  ${formatCount(loaded)} loaded${loaded < total ? (loading ? `, loading${glyphs.ellipsis}` : '; l loads more') : ''}`,
			dim: true,
		},
	];
	const selected = entryAt(cursor);
	const facts = selected?.runId ? drill.entryFacts(selected.runId) : undefined;
	const at = `entry:${level.kind}:${selected?.runId ?? selected?.runSettingId ?? ''}`;
	const targets =
		selected?.kind === 'submission'
			? selected.runSettingId
				? [{label: 'runSettingId', text: selected.runSettingId}]
				: []
			: runCopyTargets({runId: selected?.runId, runSettingId: facts?.runSettingId}, input.cli);
	return {
		runIds,
		view: {
			title: 'Failures',
			...(loading
				? {status: loadingStatus(`grouped ${formatCount(loaded)} of ${formatCount(total)}`, input.paused)}
				: {}),
			breadcrumb,
			body: [heading, ...body],
			rows: input.rows - breadcrumb.length,
			facts: {
				entries: {
					loaded,
					pageEntries: Math.max(1, page.end - page.start),
					...(selected
						? {selected: {kind: selected.kind, ...(selected.runId ? {runId: selected.runId} : {})}}
						: {}),
				},
				copy: {at, targets},
			},
		},
	};
}

/** One run's view, scrolled from its end, and the facts the keys need. */
function runPage(drill: DrillDownHandle, level: RunLevel, input: PageInput): DrillView {
	const {width, glyphs} = input;
	const view = drill.runView(level.runId) ?? {
		runId: level.runId,
		batchId: input.batch?.id ?? '',
		loading: true,
	};
	const document = runViewLines(view, level.log, width, glyphs);
	const breadcrumb = breadcrumbLines([...input.crumbs, document.logName], width, glyphs);
	const rows = Math.max(1, input.rows - breadcrumb.length);
	const highest = maxScrollOffset(document.lines.length, rows);
	const loading =
		view.loading || (view.tasks ?? []).some((task) => task.log?.loading) || view.engineLog?.loading === true;
	return {
		title: 'Run',
		...(loading ? {status: loadingStatus(`reading the run${glyphs.ellipsis}`, input.paused)} : {}),
		breadcrumb,
		body: document.lines,
		offset: Math.max(0, highest - Math.min(level.fromEnd, highest)),
		rows,
		facts: {
			run: {
				lines: document.lines.length,
				rows,
				olderLoadable: document.olderLoadable,
				...(document.logStream ? {stream: document.logStream} : {}),
			},
			copy: {
				at: `run:${level.runId}:${level.log}`,
				targets: runCopyTargets(
					{
						runId: level.runId,
						runSettingId: view.runSettingId,
						arn: view.run?.arn,
						logStream: document.logStream,
					},
					input.cli,
				),
			},
		},
	};
}
