/** Which kind of failure a group holds: failed submissions (no run) or failed runs. */
export type FailureKind = 'submission' | 'run';

/** A failure group of the selected batch, named by its kind and key (FailureGroup.key), stable while groups reorder. */
export interface GroupRef {
	readonly kind: FailureKind;
	readonly key: string;
}

/** A failure group opened from the detail pane: its entries, with a cursor. */
export interface GroupLevel extends GroupRef {
	readonly type: 'group';
	/** The group's reason and count when opened, for the breadcrumb (the count on screen is the live one). */
	readonly reason: string;
	/** The selected entry (index in the group's load order). */
	readonly cursor: number;
	/** The first entry shown (a hint: the view keeps the cursor on screen whatever it is). */
	readonly top: number;
}

/** Which log the run view shows: its failed task's (the first failed task) or the workflow engine's. */
export type RunLog = 'task' | 'engine';

/** One run opened from a group's entries. */
export interface RunLevel {
	readonly type: 'run';
	readonly runId: string;
	/** Lines scrolled up from the end (0: the newest log lines at the bottom, as a tail shows them). */
	readonly fromEnd: number;
	readonly log: RunLog;
}

/** A level of the drill-down below the detail pane. */
export type DrillLevel = GroupLevel | RunLevel;
