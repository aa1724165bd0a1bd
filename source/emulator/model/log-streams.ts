// Names of the CloudWatch Logs streams HealthOmics writes a run to, in the group /aws/omics/WorkflowLog:
// `run/<runId>/engine`, `run/<runId>/task/<taskId>` (both seen in public HealthOmics tooling) and the run
// log, which the model only calls "the log stream ARN for the run log": here `run/<runId>/run`.

/** The only log group the emulator serves. */
export const WORKFLOW_LOG_GROUP = '/aws/omics/WorkflowLog';

/** The run log's stream name. */
export const runLogStreamName = (runId: string): string => `run/${runId}/run`;
/** The workflow engine's stream name. */
export const engineLogStreamName = (runId: string): string => `run/${runId}/engine`;
/** A task's stream name. */
export const taskLogStreamName = (runId: string, taskId: string): string => `run/${runId}/task/${taskId}`;

/** The ARN of a stream of the workflow log group, in the region and account of a resource ARN. */
export function logStreamArn(resourceArn: string, streamName: string): string {
	const [, , , region, accountId] = resourceArn.split(':');
	return `arn:aws:logs:${region ?? ''}:${accountId ?? ''}:log-group:${WORKFLOW_LOG_GROUP}:log-stream:${streamName}`;
}

/** The ARN of the workflow log group itself. */
export function logGroupArn(region: string, accountId: string): string {
	return `arn:aws:logs:${region}:${accountId}:log-group:${WORKFLOW_LOG_GROUP}`;
}
