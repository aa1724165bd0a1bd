/**
 * The batch statuses CancelRunBatch accepts. The installed SDK's model (@aws-sdk/client-omics
 * CancelRunBatchCommand) says: "Cancel is only allowed on batches in PENDING, SUBMITTING, or
 * INPROGRESS state."
 */
export const CANCELLABLE_STATUSES = ['PENDING', 'SUBMITTING', 'INPROGRESS'] as const;

const CANCELLABLE: ReadonlySet<string> = new Set(CANCELLABLE_STATUSES);

/** Whether CancelRunBatch accepts a batch in `status`. */
export function isCancellable(status: string): boolean {
	return CANCELLABLE.has(status);
}

/** Why a batch in `status` cannot be cancelled (one line, for the `c` key's notice), or undefined when it can. */
export function cancelRefusal(status: string): string | undefined {
	if (isCancellable(status)) return undefined;
	return `batch is ${status}; only PENDING, SUBMITTING, INPROGRESS can be cancelled`;
}

/**
 * Whether what the user typed is the batch's name exactly: no trimming, no case folding, so that a
 * confirmation is never the lucky prefix or near miss of another batch's name.
 */
export function confirmsName(typed: string, name: string): boolean {
	return name !== '' && typed === name;
}

/** What became of one CancelRunBatch request, as the UI reports it. */
export type CancelOutcome =
	| {readonly kind: 'sent'}
	/** ConflictException: the batch's state changed meanwhile, or another cancel or delete is running. */
	| {readonly kind: 'conflict'; readonly message: string}
	/** Anything else the service (or the network, or the credentials) said; `message` is sanitised. */
	| {readonly kind: 'refused'; readonly message: string};
