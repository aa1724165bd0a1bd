import type {CancelOutcome} from '../../domain/cancel-rules.js';

/** What a key asks for, before the state it lands on decides what it means (j moves in the list, scrolls in the detail pane and help). */
export type UiAction =
	| {readonly type: 'move'; readonly delta: number}
	| {readonly type: 'first'}
	| {readonly type: 'last'}
	| {readonly type: 'jump'; readonly index: number}
	| {readonly type: 'page'; readonly delta: number}
	| {readonly type: 'toggle-detail'}
	| {readonly type: 'toggle-focus'}
	| {readonly type: 'toggle-timeline'}
	/** No key for HOLD_ORDER_MS: the list may sort again. */
	| {readonly type: 'release-order'}
	| {readonly type: 'start-filter'}
	| {readonly type: 'filter-text'; readonly text: string}
	| {readonly type: 'filter-backspace'}
	| {readonly type: 'commit-filter'}
	| {readonly type: 'escape'}
	| {readonly type: 'toggle-failures-only'}
	| {readonly type: 'cycle-sort'}
	| {readonly type: 'refresh'}
	| {readonly type: 'toggle-pause'}
	| {readonly type: 'load-more-failures'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'quit'}
	| {readonly type: 'interrupt'}
	| {readonly type: 'suspend'}
	| {readonly type: 'redraw'}
	/** n/N: the next or previous failure group in the detail pane. */
	| {readonly type: 'next-group'; readonly delta: number}
	/** Enter below the list: open the selected group, or the selected entry's run. */
	| {readonly type: 'open'}
	/** Backspace in the drill-down: one level up (Esc does the same through `escape`). */
	| {readonly type: 'back'}
	/** y: copy the selected thing (again: its next form) to the clipboard. */
	| {readonly type: 'copy'}
	/** o: the run view shows the other log (task ↔ engine). */
	| {readonly type: 'other-log'}
	/** l in the run view, or scrolling to the top of its log: read older log lines. */
	| {readonly type: 'older-lines'}
	/** e: write a retry manifest for the selected batch. */
	| {readonly type: 'retry-manifest'}
	/** What something started by a key came to, later (the retry manifest written). */
	| {readonly type: 'notice'; readonly text: string}
	// The `c` key (--allow-cancel) and its typed-name prompt (state/cancel-step.ts).
	/** The App was given a canceller: `c` may open the prompt. */
	| {readonly type: 'allow-cancel'}
	| {readonly type: 'start-cancel'}
	| {readonly type: 'cancel-text'; readonly text: string}
	| {readonly type: 'cancel-backspace'}
	| {readonly type: 'cancel-submit'}
	| {readonly type: 'cancel-dismiss'}
	/** CancelRunBatch answered. */
	| {
			readonly type: 'cancel-result';
			readonly id: string;
			readonly name: string;
			readonly outcome: CancelOutcome;
	  };

/** What an action asks of the world outside the UI state: the poller, the terminal, the process. */
export type UiEffect =
	| {readonly type: 'refresh'}
	| {readonly type: 'pause'}
	| {readonly type: 'resume'}
	| {readonly type: 'load-failures'; readonly id: string}
	| {readonly type: 'quit'; readonly reason: 'quit' | 'interrupt'}
	| {readonly type: 'suspend'}
	| {readonly type: 'redraw'}
	/** OSC 52: put `text` (batchtop's own sanitised text) on the clipboard. */
	| {readonly type: 'copy'; readonly text: string}
	| {readonly type: 'older-lines'; readonly runId: string; readonly stream: string}
	| {readonly type: 'retry-manifest'; readonly id: string}
	/** Send CancelRunBatch for batch `id` (its name typed and matched). */
	| {readonly type: 'cancel-batch'; readonly id: string; readonly name: string};
