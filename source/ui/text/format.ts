import {groupThousands} from '../../domain/thousands.js';

/** 1234567 -> "1,234,567". */
export function formatCount(value: number): string {
	return groupThousands(value);
}

/** A share as a percentage with one decimal below 10%, none above ("0.4%", "57%"); "0%" for an empty total. */
export function formatPercent(part: number, total: number): string {
	if (total <= 0) return '0%';
	const percent = (part / total) * 100;
	if (percent > 0 && percent < 0.1) return '<0.1%';
	return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.floor(percent)}%`;
}

/** A span of time in the two largest units: "45s", "12m 05s", "3h 20m", "2d 4h". */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	const days = Math.floor(seconds / 86_400);
	const hours = Math.floor((seconds % 86_400) / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	const rest = seconds % 60;
	if (days > 0) return `${days}d ${hours}h`;
	if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
	if (minutes > 0) return `${minutes}m ${String(rest).padStart(2, '0')}s`;
	return `${rest}s`;
}

/**
 * A compact age for narrow columns: "now", "20s", "3m", "2h", "5d". Under a minute it moves in 10 s
 * steps: polls come every 5-60 s, and a list of ages ticking every second repaints every row each second.
 */
export function formatAge(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 10) return 'now';
	if (seconds < 60) return `${Math.floor(seconds / 10) * 10}s`;
	if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
	if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
	return `${Math.floor(seconds / 86_400)}d`;
}

/** Local wall-clock time "HH:MM:SS". */
export function formatClock(date: Date | number): string {
	const value = typeof date === 'number' ? new Date(date) : date;
	return [value.getHours(), value.getMinutes(), value.getSeconds()]
		.map((part) => String(part).padStart(2, '0'))
		.join(':');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A timestamp as "HH:MM:SS" today, or "Nov 28 14:02" on another day. */
export function formatTimestamp(date: Date, now: number): string {
	const today = new Date(now);
	if (date.toDateString() === today.toDateString()) return formatClock(date);
	const month = MONTHS[date.getMonth()] ?? '';
	return `${month} ${date.getDate()} ${formatClock(date).slice(0, 5)}`;
}
