import {FAILURE_FIELDS, type FailureRecord} from '../domain/failure-record.js';
import {guardJson, guardLine} from './output-guard.js';

/** One NDJSON line (README "batchtop failures"): every field, null where the API gave nothing. */
export function failureJsonLine(record: FailureRecord): string {
	return guardJson(Object.fromEntries(FAILURE_FIELDS.map((field) => [field, record[field]])));
}

/** An RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: string | null): string {
	if (value === null) return '';
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV header row: the NDJSON field names, in the same order. */
export function failureCsvHeader(): string {
	return FAILURE_FIELDS.join(',');
}

/** One CSV row (guarded first: no control character, so no line break, ever reaches a field). */
export function failureCsvRow(record: FailureRecord): string {
	return FAILURE_FIELDS.map((field) =>
		csvField(record[field] === null ? null : guardLine(record[field])),
	).join(',');
}

/**
 * One readable line: `run 3628869 rs-0007 TASK_FAILED: message · task bwa_mem (1234567) OOM: message ·
 * log ARN`, or `submission rs-0012 ValidationException: message`.
 */
export function failurePlainLine(record: FailureRecord): string {
	const who =
		record.kind === 'run'
			? `run ${record.runId ?? '?'} ${record.runSettingId ?? '(run setting unknown)'}`
			: `submission ${record.runSettingId ?? '?'}`;
	const why = (reason: string | null, message: string | null) =>
		[reason ?? '(no reason)', message].filter((part) => part !== null && part !== '').join(': ');
	const parts = [`${who} ${why(record.reason, record.message)}`];
	if (record.taskName !== null || record.taskId !== null)
		parts.push(
			`task ${record.taskName ?? '?'}${record.taskId ? ` (${record.taskId})` : ''} ${why(record.taskReason, record.taskMessage)}`,
		);
	if (record.logStream !== null) parts.push(`log ${record.logStream}`);
	return guardLine(parts.join(' · '));
}
