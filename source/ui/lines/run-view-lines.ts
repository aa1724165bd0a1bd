import type {LogView, RunView} from '../../poller/drill-down-state.js';
import type {RunLog} from '../state/drill-level.js';
import {formatCount, formatDuration} from '../text/format.js';
import {lineWidth, type Line, type Span} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap-line.js';
import type {Glyphs} from '../theme/glyphs.js';
import {labelledLines, wrappedLines} from './wrapped-lines.js';

const LABEL = 16;

/** The run view's lines, and what its log can still do. */
export interface RunViewDocument {
	readonly lines: readonly Line[];
	/** The log shown has older lines to read (and is not reading them now). */
	readonly olderLoadable: boolean;
	/** The log shown: `task <name>` or `engine log`, for the breadcrumb. */
	readonly logName: string;
	/** The shown log's stream ARN, for `y`. */
	readonly logStream?: string;
}

const iso = (date: Date | undefined) => date?.toISOString().replace('.000Z', 'Z');
const span = (start: Date | undefined, stop: Date | undefined): string | undefined => {
	if (!start) return undefined;
	const from = iso(start) ?? '';
	if (!stop) return `${from} (not stopped)`;
	return `${from} ${String.fromCodePoint(0x2192)} ${iso(stop) ?? ''} (${formatDuration(stop.getTime() - start.getTime())})`;
};

/** A log's lines as a tail shows them, oldest first: `HH:MM:SS  message`, long lines wrapped under the message. */
function logLines(
	log: LogView | undefined,
	title: string,
	width: number,
	glyphs: Glyphs,
): {lines: Line[]; older: boolean} {
	const lines: Line[] = [];
	const ellipsis = glyphs.ellipsis;
	if (!log) {
		lines.push([{text: title, bold: true}]);
		lines.push([{text: '  no log stream named for it', dim: true}]);
		return {lines, older: false};
	}
	const count = formatCount(log.lines.length);
	const state = log.loading
		? `reading${ellipsis}`
		: log.complete
			? `all ${count} lines`
			: log.capped
				? `the newest ${count}, as many as batchtop keeps; y copies an aws logs line for the rest`
				: `the newest ${count}; l or scrolling up reads older lines`;
	const heading: Line = [
		{text: title, bold: true},
		{text: `  (${state})`, dim: true},
	];
	if (lineWidth(heading) <= width) lines.push(heading);
	else {
		for (const line of wrappedLines(title, width, 0, {bold: true})) lines.push(line);
		for (const line of wrappedLines(`(${state})`, width, 2, {dim: true})) lines.push(line);
	}
	if (log.error)
		for (const line of wrappedLines(`Could not read the log: ${log.error.message}`, width, 2, {color: 'red'}))
			lines.push(line);
	if (log.complete && log.lines.length > 0) lines.push([{text: '  (the start of the log)', dim: true}]);
	else if (!log.complete && log.lines.length > 0)
		lines.push([{text: `  ${glyphs.up} older lines not read yet`, dim: true}]);
	if (log.lines.length === 0 && !log.loading && !log.error) lines.push([{text: '  (no lines)', dim: true}]);
	for (const entry of log.lines) {
		const time = entry.timestamp ? entry.timestamp.toISOString().slice(11, 19) : '--:--:--';
		const row: Span[] = [{text: `  ${time}  `, dim: true}, {text: entry.message}];
		for (const line of wrapLine(row, width, 12)) lines.push(line);
	}
	return {lines, older: !log.loading && !log.complete && log.capped !== true};
}

/**
 * One failed run: GetRun's essentials, each failed task (GetRunTask) and the tail of one log, the
 * failed task's or the engine's (`log`), last, so that the newest lines sit at the bottom of the pane.
 * Every value is whole, wrapped to `width`.
 */
export function runViewLines(view: RunView, log: RunLog, width: number, glyphs: Glyphs): RunViewDocument {
	const lines: Line[] = [];
	const add = (group: readonly Line[]) => {
		for (const line of group) lines.push(line);
	};
	const field = (label: string, value: string | number | undefined, style: Omit<Span, 'text'> = {}) => {
		if (value === undefined || value === '') return;
		add(
			labelledLines(`  ${label}`, String(value), width, {
				labelColumns: LABEL,
				underIndent: 4,
				labelStyle: {dim: true},
				valueStyle: style,
			}),
		);
	};
	const run = view.run;
	lines.push([
		{text: `Run ${view.runId}`, bold: true},
		{
			text: run ? `  ${run.status}` : `  loading${glyphs.ellipsis}`,
			bold: true,
			...(run?.status === 'FAILED' ? {color: 'red' as const} : {}),
		},
	]);
	if (view.error)
		add(wrappedLines(`Could not read the run: ${view.error.message}`, width, 2, {color: 'red'}));
	if (run) {
		field('Name', run.name);
		field('runSettingId', view.runSettingId);
		field('Reason', run.failureReason, {color: 'red'});
		field('Message', run.statusMessage);
		field('Ran', span(run.startTime, run.stopTime));
		field('Created', iso(run.creationTime));
		field('Output URI', run.outputUri);
		field('Run output', run.runOutputUri);
		field('Parameters', run.parameters);
		field('Priority', run.priority);
		field(
			'Storage',
			[run.storageType, run.storageCapacity !== undefined ? `${run.storageCapacity} GiB` : undefined]
				.filter(Boolean)
				.join(', '),
		);
		field('ARN', run.arn);
	}
	const tasks = view.tasks;
	lines.push([]);
	if (tasks === undefined) lines.push([{text: `Failed tasks: looking up${glyphs.ellipsis}`, dim: true}]);
	else if (tasks.length === 0)
		lines.push([{text: 'Failed tasks: none (the run failed outside its tasks)', dim: true}]);
	for (const {task} of tasks ?? []) {
		lines.push([
			{text: `Failed task ${task.name ?? task.taskId}`, bold: true, color: 'red'},
			{text: `  (task ${task.taskId}, ${task.status})`, dim: true},
		]);
		field('Reason', task.failureReason, {color: 'red'});
		field('Message', task.statusMessage);
		const resources = [
			task.instanceType,
			task.cpus !== undefined ? `${task.cpus} vCPU` : undefined,
			task.memory !== undefined ? `${task.memory} GiB` : undefined,
			task.gpus !== undefined ? `${task.gpus} GPU` : undefined,
		].filter(Boolean);
		field('Resources', resources.join(` ${glyphs.dot} `));
		field('Ran', span(task.startTime, task.stopTime));
		field('Log stream', task.logStream);
	}
	lines.push([]);
	const first = tasks?.[0];
	const showTask = log === 'task' && first !== undefined;
	const shown = showTask ? first.log : view.engineLog;
	const logName = showTask ? `task ${first.task.name ?? first.task.taskId}` : 'engine log';
	const title = showTask
		? `Log of task ${first.task.name ?? first.task.taskId}`
		: log === 'task' && tasks !== undefined
			? 'Engine log (no failed task has a log)'
			: 'Engine log';
	const tail = logLines(shown, title, width, glyphs);
	add(tail.lines);
	const stream = showTask ? first.task.logStream : run?.engineLogStream;
	return {lines, olderLoadable: tail.older, logName, ...(stream ? {logStream: stream} : {})};
}
