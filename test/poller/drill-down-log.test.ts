import {describe, expect, it} from 'vitest';
import {prependOlder} from '../../source/poller/drill-down-log.js';

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
