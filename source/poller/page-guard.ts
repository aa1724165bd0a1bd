import {OmicsError} from '../omics/omics-error.js';

/** No account or batch needs more pages than this: 100,000 batches or runs at 100 a page. */
export const MAX_PAGES = 1_000;

/** Most entries one listing keeps: the most runs a batch can have. */
export const MAX_LISTED_ITEMS = 100_000;

/**
 * Keeps a paged listing finite whatever the service answers: a page token seen before (the same one
 * forever, or a cycle) or more than MAX_PAGES pages end it with an error, and an entry seen on an
 * earlier page is listed once.
 */
export class PageGuard {
	readonly #tokens = new Set<string>();
	readonly #ids = new Set<string>();
	#pages = 0;

	constructor(private readonly operation: string) {}

	/** Entries read so far. */
	get count(): number {
		return this.#ids.size;
	}

	/** Items of one page not listed before (in order), up to the MAX_LISTED_ITEMS bound. */
	fresh<T>(items: readonly T[], idOf: (item: T) => string): T[] {
		this.#pages += 1;
		const fresh: T[] = [];
		for (const item of items) {
			const id = idOf(item);
			if (this.#ids.has(id) || this.#ids.size >= MAX_LISTED_ITEMS) continue;
			this.#ids.add(id);
			fresh.push(item);
		}
		return fresh;
	}

	/**
	 * Starts the listing again from its first page (new entries appeared after it ended): page tokens
	 * and the page count start over; entries already listed stay listed, so they are not listed twice.
	 */
	restart(): void {
		this.#tokens.clear();
		this.#pages = 0;
	}

	/** The token to ask for next, or undefined when paging is over; throws when the service loops. */
	next(nextToken: string | undefined): string | undefined {
		if (!nextToken) return undefined;
		if (this.#tokens.has(nextToken)) throw this.#error('repeated a page token');
		if (this.#pages >= MAX_PAGES) throw this.#error(`went on past ${MAX_PAGES} pages`);
		this.#tokens.add(nextToken);
		return nextToken;
	}

	#error(what: string): OmicsError {
		return new OmicsError(
			'bad-response',
			`HealthOmics ${this.operation} paging ${what}; stopped after ${this.#pages} page${this.#pages === 1 ? '' : 's'} (${this.#ids.size} ${this.#ids.size === 1 ? 'entry' : 'entries'})`,
			{operation: this.operation, code: 'PagingLoop'},
		);
	}
}
