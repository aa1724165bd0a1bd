import {mix32} from './seeded-random.js';
import {logStreamArn, taskLogStreamName} from './log-streams.js';
import {runId} from './batch-views.js';
import type {BatchRecord} from './account.js';
import type {TaskView} from './run-tasks.js';

// ListRunTasks items and GetRunTask bodies, shaped as the service model's TaskListItem and
// GetRunTaskResponse. Timestamps are RFC 3339 strings, as the SDK expects for iso8601 members.

const iso = (ms: number): string => new Date(Math.floor(ms)).toISOString();

function taskUuid(record: BatchRecord, index: number, ordinal: number): string {
	const hex = [1, 2, 3, 4]
		.map((part) =>
			mix32(record.sim.context.seed, index, 0x7a5e + ordinal, part)
				.toString(16)
				.padStart(8, '0'),
		)
		.join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-b${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** ListRunTasks item. */
export function taskListItem(record: BatchRecord, index: number, view: TaskView): Record<string, unknown> {
	const {plan} = view;
	return {
		taskId: plan.taskId,
		status: view.status,
		name: plan.template.name,
		cpus: plan.template.cpus,
		cacheHit: false,
		memory: plan.template.memory,
		creationTime: iso(plan.createdAt),
		...(view.startTime === undefined ? {} : {startTime: iso(view.startTime)}),
		...(view.stopTime === undefined ? {} : {stopTime: iso(view.stopTime)}),
		gpus: plan.template.gpus,
		instanceType: plan.template.instanceType,
		uuid: taskUuid(record, index, plan.ordinal),
	};
}

/** GetRunTask response body. */
export function getRunTaskBody(record: BatchRecord, index: number, view: TaskView): Record<string, unknown> {
	const {plan} = view;
	const failed = view.status === 'FAILED' && plan.failure;
	const digest = [1, 2, 3, 4, 5, 6, 7, 8]
		.map((part) =>
			mix32(0x1a6e, plan.template.image.length, plan.template.cpus, part).toString(16).padStart(8, '0'),
		)
		.join('');
	return {
		...taskListItem(record, index, view),
		...(failed ? {statusMessage: plan.failure.message, failureReason: plan.failure.reason} : {}),
		...(view.status === 'CANCELLED' ? {statusMessage: 'Task cancelled'} : {}),
		logStream: logStreamArn(record.arn, taskLogStreamName(runId(record, index), plan.taskId)),
		imageDetails: {
			image: plan.template.image,
			imageDigest: `sha256:${digest}`,
			sourceImage: plan.template.image,
		},
	};
}
