import {describe, expect, it} from 'vitest';
import {notificationBytes} from '../../source/output/notifier.js';

describe('notificationBytes', () => {
	it('rings the bell and sends OSC 9 and OSC 777', () => {
		expect(notificationBytes('batchtop: wgs PROCESSED', 'succeeded', {})).toBe(
			'\u0007\u001b]9;batchtop: wgs PROCESSED: succeeded\u0007\u001b]777;notify;batchtop: wgs PROCESSED;succeeded\u0007',
		);
	});

	it('wraps each sequence for tmux passthrough, doubling inner escapes', () => {
		const bytes = notificationBytes('t', 'b', {TMUX: '/tmp/tmux-0/default,1,0'});
		expect(bytes).toBe(
			'\u0007\u001bPtmux;\u001b\u001b]9;t: b\u0007\u001b\\\u001bPtmux;\u001b\u001b]777;notify;t;b\u0007\u001b\\',
		);
	});

	it('cannot be broken out of by hostile batch names', () => {
		const bytes = notificationBytes('x\u0007\u001b]0;owned\u0007', 'a;b\u001b[2J', {});
		expect(bytes).toBe('\u0007\u001b]9;x: a,b\u0007\u001b]777;notify;x;a,b\u0007');
	});
});
