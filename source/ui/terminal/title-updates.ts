/** At most one title change per this many milliseconds: a title bar that flickers is noise. */
export const TITLE_INTERVAL_MS = 1_000;

/**
 * Writes a title when it changes, at most once per TITLE_INTERVAL_MS: a change within the interval
 * waits for its end, and only the latest text is written then.
 */
export class TitleUpdates {
	#shown: string | undefined;
	#pending: string | undefined;
	#writtenAt = Number.NEGATIVE_INFINITY;
	#timer: NodeJS.Timeout | undefined;

	constructor(private readonly write: (text: string) => void) {}

	/** The title should now say `text`. */
	update(text: string): void {
		if (this.#timer) {
			this.#pending = text;
			return;
		}
		if (text === this.#shown) return;
		const wait = this.#writtenAt + TITLE_INTERVAL_MS - Date.now();
		if (wait <= 0) {
			this.#show(text);
			return;
		}
		this.#pending = text;
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			const next = this.#pending;
			this.#pending = undefined;
			if (next !== undefined && next !== this.#shown) this.#show(next);
		}, wait);
	}

	/** Stops: a change still waiting is dropped. */
	dispose(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	#show(text: string): void {
		this.#shown = text;
		this.#writtenAt = Date.now();
		this.write(text);
	}
}
