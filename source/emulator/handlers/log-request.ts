import {invalidParameter, logsNotFound} from '../http/logs-protocol.js';
import {logGroupArn, WORKFLOW_LOG_GROUP} from '../model/log-streams.js';
import type {Account} from '../model/account.js';
import type {PageTokens} from '../http/page-token.js';
import type {TaskCatalog} from '../model/task-catalog.js';

// The Logs operations' input checks, in the service's wording, and what every one of them is handed.

/** What every Logs operation is handed: the account, page tokens, the task catalogue, and whether its caller has gone. */
export interface LogsContext {
	readonly account: Account;
	readonly tokens: PageTokens;
	readonly taskCatalog?: TaskCatalog;
	/** Whether the caller has gone (its connection closed, or the emulator stopped): a long scan ends then. */
	readonly abandoned?: () => boolean;
}

/** A request or answer body. */
export type Json = Record<string, unknown>;

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;

export /** An InvalidParameterException in the service's constraint wording. */
function constraint(field: string, value: unknown, rule: string): Error {
	const shown = typeof value === 'string' ? value : JSON.stringify(value);
	return invalidParameter(
		`1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${rule}`,
	);
}

/** A string member within its length and pattern, or undefined when absent. */
export function optionalString(
	input: Json,
	field: string,
	min: number,
	max: number,
	pattern?: RegExp,
): string | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw constraint(field, value, 'Member must be a string');
	if ([...value].length < min || [...value].length > max)
		throw constraint(field, value, `Member must have length between ${min} and ${max}`);
	if (pattern && !pattern.test(value))
		throw constraint(field, value, `Member must satisfy regular expression pattern: ${pattern.source}`);
	return value;
}

/** An integer member within its range, or undefined when absent. */
export function optionalInteger(input: Json, field: string, min: number, max: number): number | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw constraint(field, value, 'Member must be an integer');
	if (value < min) throw constraint(field, value, `Member must have value greater than or equal to ${min}`);
	if (value > max) throw constraint(field, value, `Member must have value less than or equal to ${max}`);
	return value;
}

/** A boolean member, or undefined when absent. */
export function optionalBoolean(input: Json, field: string): boolean | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw constraint(field, value, 'Member must be a boolean');
	return value;
}

/** logGroupName or logGroupIdentifier (a name or an ARN), exactly one; only the workflow log group exists. */
export function checkGroup(input: Json, context: LogsContext): void {
	const name = optionalString(input, 'logGroupName', 1, 512, GROUP_NAME);
	const identifier = optionalString(input, 'logGroupIdentifier', 1, 2048, /^[\w#+=/:,.@-]*$/);
	if (name !== undefined && identifier !== undefined)
		throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
	if (name === undefined && identifier === undefined)
		throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
	const arn = logGroupArn(context.account.region, context.account.accountId);
	const group = name ?? identifier;
	if (group !== WORKFLOW_LOG_GROUP && group !== arn && group !== `${arn}:*`)
		throw logsNotFound('The specified log group does not exist.');
}

/** A page token this emulator issued for `scope`; anything else is an InvalidParameterException. */
export function readToken(context: LogsContext, scope: string, token: string, length: number): number[] {
	try {
		return context.tokens.read(scope, token, length);
	} catch {
		throw invalidParameter('The specified nextToken is invalid.');
	}
}
