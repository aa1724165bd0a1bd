// What GetBatch and ListBatch return, as the SDK boundary hands it over: every member optional,
// as the service model says. The omics layer converts SDK outputs into these; nothing here imports the SDK.

export interface RawSubmissionSummary {
	successfulStartSubmissionCount?: number;
	failedStartSubmissionCount?: number;
	pendingStartSubmissionCount?: number;
	successfulCancelSubmissionCount?: number;
	failedCancelSubmissionCount?: number;
	successfulDeleteSubmissionCount?: number;
	failedDeleteSubmissionCount?: number;
}

export interface RawRunSummary {
	pendingRunCount?: number;
	startingRunCount?: number;
	runningRunCount?: number;
	stoppingRunCount?: number;
	completedRunCount?: number;
	deletedRunCount?: number;
	failedRunCount?: number;
	cancelledRunCount?: number;
}

export interface RawBatch {
	id?: string;
	arn?: string;
	uuid?: string;
	name?: string;
	status?: string;
	tags?: Record<string, string>;
	totalRuns?: number;
	defaultRunSetting?: Record<string, unknown>;
	submissionSummary?: RawSubmissionSummary;
	runSummary?: RawRunSummary;
	creationTime?: Date;
	submittedTime?: Date;
	processedTime?: Date;
	failedTime?: Date;
	failureReason?: string;
}

/** A ListBatch item. */
export interface BatchListing {
	id: string;
	name?: string;
	status?: string;
	createdAt?: Date;
	totalRuns?: number;
	workflowId?: string;
}
