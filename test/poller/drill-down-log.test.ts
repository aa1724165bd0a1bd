import {describe, expect, it} from 'vitest';
import {MAX_LOG_LINES, logView, newLog, prependOlder} from '../../source/poller/drill-down-log.js';

const line = (second: number, message = `line ${second}`) => ({timestamp: new Date(second * 1000), message});

describe('prependOlder', () => {
	it('puts an older page before the lines read, the repeated boundary once (GetLogEvents backward pages can repeat it)', () => {
		const read = [line(3), line(4), line(5)];
		expect(prependOlder([line(1), line(2), line(3)], read)).toEqual([
			line(1),
			line(2),
			line(3),
			line(4),
			line(5),
		]);
		expect(prependOlder([line(1), line(2), line(3), line(4)], read)).toEqual([
			line(1),
			line(2),
			line(3),
			line(4),
			line(5),
		]);
	});

	it('keeps lines that only look alike: the same text at another time is another line', () => {
		const read = [line(3, 'retrying'), line(4)];
		expect(prependOlder([line(1), line(2, 'retrying')], read)).toEqual([
			line(1),
			line(2, 'retrying'),
			line(3, 'retrying'),
			line(4),
		]);
		expect(prependOlder([], read)).toEqual(read);
	});
});

describe('logView', () => {
	it('says a log is capped when it holds MAX_LOG_LINES and older lines remain, never when it is complete', () => {
		const log = newLog('arn:stream');
		log.started = true;
		log.lines = Array.from({length: MAX_LOG_LINES}, (_, index) => ({message: `line ${index}`}));
		expect(logView(log).capped).toBe(true);
		log.complete = true;
		expect(logView(log).capped).toBeUndefined();
		log.complete = false;
		log.lines = log.lines.slice(1);
		expect(logView(log).capped).toBeUndefined();
	});
});
