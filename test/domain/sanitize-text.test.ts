import {describe, expect, it} from 'vitest';
import {sanitizeText} from '../../source/domain/sanitize-text.js';

describe('sanitizeText', () => {
	it.each([
		['CSI colour', 'a\u001b[31mred\u001b[0m b', 'ared b'],
		['CSI with parameters', '\u001b[2J\u001b[3J\u001b[1;1Hclear', 'clear'],
		['8-bit CSI', 'x\u009b6ny', 'xy'],
		['OSC title ended by BEL', '\u001b]0;pwned\u0007after', 'after'],
		['OSC hyperlink ended by ST', '\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\', 'link'],
		['DCS', '\u001bPq#0;2;0;0;0\u001b\\text', 'text'],
		['unterminated OSC', 'ok\u001b]0;swallow the rest', 'ok'],
		['C0 and DEL', 'a\u0000b\u0007c\u007fd', 'abcd'],
		['newlines and tabs become spaces', 'line1\r\nline2\tend', 'line1 line2 end'],
		['bidi override', 'abc\u202edef', 'abcdef'],
		['lone ESC', 'a\u001bb', 'a'],
		['Arabic letter mark', 'a\u061cb', 'ab'],
		['soft hyphen', 'pass\u00adword', 'password'],
		['Mongolian vowel separator', 'a\u180eb', 'ab'],
		['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
		['next line (C1 NEL)', 'a\u0085b', 'a b'],
		['interlinear annotation marks', 'a\ufff9b\ufffac\ufffbd', 'abcd'],
		['tag characters (U+E0000-U+E007F)', 'ok\u{e0001}\u{e0041}\u{e007f}!', 'ok!'],
		['bidi isolates and embeddings', 'a\u2066b\u2067c\u2068d\u2069e\u202af\u202cg', 'abcdefg'],
		['zero-width space, joiners, word joiner, BOM', 'a\u200bb\u200cc\u200dd\u2060e\ufefff', 'abcdef'],
		['8-bit OSC ended by ST', 'x\u009d0;title\u009cy', 'xy'],
	])('removes %s', (_label, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});

	it('turns lone UTF-16 surrogates into U+FFFD and keeps pairs, so output is valid UTF-8', () => {
		const clean = sanitizeText('a\ud800b\udc00c😀');
		expect(clean).toBe('a\ufffdb\ufffdc😀');
		expect(Buffer.from(clean, 'utf8').toString('utf8')).toBe(clean);
		expect(clean.isWellFormed()).toBe(true);
	});

	it('keeps ordinary Unicode text', () => {
		expect(sanitizeText('Échantillon «α-β» 样本 ✓')).toBe('Échantillon «α-β» 样本 ✓');
	});

	it('makes a 10,000-character hostile string harmless and bounded', () => {
		const hostile = Array.from({length: 500}, (_, i) => `\u001b[${i}m\u001b]0;t${i}\u0007\u009b2J${i}\r\n`)
			.join('')
			.padEnd(10_000, '\u0007x');
		const clean = sanitizeText(hostile, 300);
		expect(clean.length).toBeLessThanOrEqual(300);
		expect(clean).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		expect(clean.endsWith('…')).toBe(true);
	});

	it('turns undefined and null into the empty string and non-strings into text', () => {
		expect(sanitizeText(undefined)).toBe('');
		expect(sanitizeText(null)).toBe('');
		expect(sanitizeText(42)).toBe('42');
	});
});
