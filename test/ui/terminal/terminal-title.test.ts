import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {POP_TITLE, PUSH_TITLE, setTitleBytes, titleText} from '../../../source/ui/terminal/terminal-title.js';
import {TITLE_INTERVAL_MS, TitleUpdates} from '../../../source/ui/terminal/title-updates.js';

describe('the terminal title', () => {
	it('says how many batches are active and failed, and stale ones when there are', () => {
		expect(titleText({total: 4, active: 3, done: 0, failed: 1, stale: 0})).toBe(
			'batchtop: 3 active, 1 failed',
		);
		expect(titleText({total: 2, active: 0, done: 0, failed: 0, stale: 2})).toBe(
			'batchtop: 0 active, 0 failed, 2 stale',
		);
	});

	it('is one OSC 2 sequence whose text cannot end it early or carry another sequence', () => {
		expect(setTitleBytes('batchtop: 3 active, 1 failed')).toBe('\u001b]2;batchtop: 3 active, 1 failed\u0007');
		const hostile = setTitleBytes('a\u0007\u001b]52;c;AAAA\u0007\u009d0;x\u009c\u001b[2Jb\nc');
		// One introducer, one terminator, nothing but printable text between.
		expect(hostile.startsWith('\u001b]2;')).toBe(true);
		expect(hostile.endsWith('\u0007')).toBe(true);
		expect(hostile.slice(4, -1)).toMatch(/^[\x20-\x7e]*$/);
	});

	it('is saved and restored with the xterm title stack (XTWINOPS 22;0 and 23;0)', () => {
		expect(PUSH_TITLE).toBe('\u001b[22;0t');
		expect(POP_TITLE).toBe('\u001b[23;0t');
	});
});

describe('TitleUpdates', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('writes a change at once, then at most once per interval, and only the latest text', () => {
		const written: string[] = [];
		const titles = new TitleUpdates((text) => written.push(text));
		titles.update('a');
		expect(written).toEqual(['a']);
		titles.update('b');
		titles.update('c');
		expect(written).toEqual(['a']);
		vi.advanceTimersByTime(TITLE_INTERVAL_MS - 1);
		expect(written).toEqual(['a']);
		vi.advanceTimersByTime(1);
		expect(written).toEqual(['a', 'c']);
		titles.update('c');
		vi.advanceTimersByTime(5 * TITLE_INTERVAL_MS);
		expect(written).toEqual(['a', 'c']);
		titles.update('d');
		expect(written).toEqual(['a', 'c', 'd']);
		titles.dispose();
	});

	it('drops a change that went back to what is shown, and one still waiting at dispose', () => {
		const written: string[] = [];
		const titles = new TitleUpdates((text) => written.push(text));
		titles.update('a');
		titles.update('b');
		titles.update('a');
		vi.advanceTimersByTime(TITLE_INTERVAL_MS);
		expect(written).toEqual(['a']);
		titles.update('e');
		titles.update('f');
		titles.dispose();
		vi.advanceTimersByTime(TITLE_INTERVAL_MS);
		expect(written).toEqual(['a', 'e']);
	});
});
