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
	/** Send CancelRunBatch for batch `id` (its name typed and matched). */
	| {readonly type: 'cancel-batch'; readonly id: string; readonly name: string};
