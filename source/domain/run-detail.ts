// What a failed run looks like from the command line and the drill-down: GetRun essentials, its failed
// tasks (ListRunTasks + GetRunTask) and the tail of a log stream. Every string here has been sanitised.

/** GetRun, reduced to what a user looks at when a run failed. */
export interface RunDetail {
	readonly id: string;
	readonly arn?: string;
	readonly name?: string;
	readonly status: string;
	readonly failureReason?: string;
	readonly statusMessage?: string;
	readonly batchId?: string;
	readonly creationTime?: Date;
	readonly startTime?: Date;
	readonly stopTime?: Date;
	readonly outputUri?: string;
	readonly runOutputUri?: string;
	/** The run's parameters as one JSON line (sanitised, bounded). */
	readonly parameters?: string;
	readonly priority?: number;
	readonly storageCapacity?: number;
	readonly storageType?: string;
	readonly engineLogStream?: string;
	readonly runLogStream?: string;
}

/** One failed task, as GetRunTask describes it. */
export interface FailedTask {
	readonly taskId: string;
	readonly name?: string;
	readonly status: string;
	readonly failureReason?: string;
	readonly statusMessage?: string;
	readonly instanceType?: string;
	readonly cpus?: number;
	/** GiB. */
	readonly memory?: number;
	readonly gpus?: number;
	readonly startTime?: Date;
	readonly stopTime?: Date;
	/** The task's log stream ARN. */
	readonly logStream?: string;
}

/** One line of a log. */
export interface LogLine {
	readonly timestamp?: Date;
	readonly message: string;
}

/** The newest lines of a stream, oldest first, and the token that reads the lines before them. */
export interface LogTail {
	readonly lines: readonly LogLine[];
	/** GetLogEvents' nextBackwardToken; absent when nothing older can be read. */
	readonly olderToken?: string;
}

/** A CloudWatch Logs stream named by its ARN. */
export interface LogStreamName {
	readonly region: string;
	readonly account: string;
	readonly group: string;
	readonly stream: string;
}

/**
 * `arn:aws:logs:REGION:ACCOUNT:log-group:GROUP:log-stream:STREAM` → its parts; undefined for anything
 * else. The group cannot contain `:`; the stream name may (everything after `:log-stream:`).
 */
export function parseLogStreamArn(arn: string): LogStreamName | undefined {
	const match = /^arn:[a-z-]+:logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+):log-stream:(.+)$/.exec(arn);
	if (!match) return undefined;
	const [, region = '', account = '', group = '', stream = ''] = match;
	return {region, account, group, stream};
}
