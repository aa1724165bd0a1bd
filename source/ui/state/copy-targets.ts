import {parseLogStreamArn} from '../../domain/run-detail.js';
import type {CopyTarget} from './drill-reducer.js';

/** Where the aws CLI lines point: the endpoint and region the monitor itself uses, when not the defaults. */
export interface AwsCliContext {
	readonly region?: string;
	readonly endpointUrl?: string;
	readonly profile?: string;
}

/** A word for a POSIX shell: as it is when it has nothing the shell reads, else single-quoted. */
export function shellWord(text: string): string {
	return /^[A-Za-z0-9_/.:@%+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

const connectionArgs = (cli: AwsCliContext, region?: string): string[] => {
	const args: string[] = [];
	if (cli.profile) args.push('--profile', shellWord(cli.profile));
	const where = region ?? cli.region;
	if (where) args.push('--region', shellWord(where));
	if (cli.endpointUrl) args.push('--endpoint-url', shellWord(cli.endpointUrl));
	return args;
};

/** The forms `y` copies on a batch: its id, its ARN, a ready `aws omics get-batch`. */
export function batchCopyTargets(
	batch: {id: string; arn?: string | undefined},
	cli: AwsCliContext,
): CopyTarget[] {
	const targets: CopyTarget[] = [{label: 'batch id', text: batch.id}];
	if (batch.arn) targets.push({label: 'batch ARN', text: batch.arn});
	targets.push({
		label: 'aws omics get-batch command',
		text: ['aws omics get-batch --batch-id', shellWord(batch.id), ...connectionArgs(cli)].join(' '),
	});
	return targets;
}

/** The forms `y` copies on a failed entry or run: the ids, the run's ARN and ready aws lines for it and its log. */
export function runCopyTargets(
	run: {
		runId?: string | undefined;
		runSettingId?: string | undefined;
		arn?: string | undefined;
		logStream?: string | undefined;
	},
	cli: AwsCliContext,
): CopyTarget[] {
	const targets: CopyTarget[] = [];
	if (run.runId) targets.push({label: 'run id', text: run.runId});
	if (run.runSettingId) targets.push({label: 'runSettingId', text: run.runSettingId});
	if (run.arn) targets.push({label: 'run ARN', text: run.arn});
	if (run.runId)
		targets.push({
			label: 'aws omics get-run command',
			text: ['aws omics get-run --id', shellWord(run.runId), ...connectionArgs(cli)].join(' '),
		});
	const stream = run.logStream ? parseLogStreamArn(run.logStream) : undefined;
	if (run.logStream) targets.push({label: 'log stream ARN', text: run.logStream});
	if (stream)
		targets.push({
			label: 'aws logs get-log-events command',
			text: [
				'aws logs get-log-events --log-group-name',
				shellWord(stream.group),
				'--log-stream-name',
				shellWord(stream.stream),
				'--no-start-from-head --limit 100',
				...connectionArgs(cli, stream.region),
			].join(' '),
		});
	return targets;
}
