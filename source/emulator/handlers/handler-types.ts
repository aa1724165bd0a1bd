import type {Account} from '../model/account.js';
import type {PageTokens} from '../http/page-token.js';

/** What a handler gets: the account, the decoded request, and the page-token signer. */
export interface RequestContext {
	readonly account: Account;
	readonly tokens: PageTokens;
	readonly params: Readonly<Record<string, string>>;
	readonly query: URLSearchParams;
	readonly body: unknown;
	/** How many entries an S3 run-settings file is taken to hold (the emulator cannot read S3). */
	readonly s3SettingsRuns: number;
}

/** A successful answer; errors are thrown as ApiError. */
export interface HandlerResult {
	readonly statusCode: number;
	/** Omitted for an empty body (DeleteBatch). */
	readonly body?: unknown;
}

export type Handler = (context: RequestContext) => HandlerResult;
