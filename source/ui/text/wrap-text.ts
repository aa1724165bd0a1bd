import {widthOf} from './styled-line.js';

// Where a word longer than the line may break, best first: after a path or list separator, then after
// other punctuation, then (a bucket or host too long for the line) after a URI's `://`. Never inside
// `://` (`s3:` alone on a line reads as no URI at all).
const SEPARATORS = new Set(['/', ',', ';', '&', '?', '|']);
const PUNCTUATION = new Set([':', '.', '_', '-', '=', '@', '+', ')', ']', '}']);
const SCHEME = new Set(['/']);
const LEVELS: ReadonlyArray<ReadonlySet<string>> = [SEPARATORS, PUNCTUATION, SCHEME];

/** Whether a break may follow `word[index]`: a break character of the level, and not inside `://`. */
function breaksAfter(word: string, index: number, breaks: ReadonlySet<string>): boolean {
	const character = word[index] ?? '';
	if (!breaks.has(character) || index === word.length - 1) return false;
	const afterScheme = word.slice(index - 2, index) === ':/';
	if (character === ':') return !word.startsWith('//', index + 1);
	if (character === '/') return word[index + 1] !== '/' && (breaks === SCHEME || !afterScheme);
	return true;
}

/** Splits a word after each break character of `breaks` (the pieces joined give the word back). */
function piecesOf(word: string, breaks: ReadonlySet<string>): string[] {
	const pieces: string[] = [];
	let start = 0;
	for (let index = 0; index < word.length; index++) {
		if (!breaksAfter(word, index, breaks)) continue;
		pieces.push(word.slice(start, index + 1));
		start = index + 1;
	}
	if (start < word.length) pieces.push(word.slice(start));
	return pieces;
}

/** Cuts a run of characters into chunks of at most `width` columns, losing nothing (no ellipsis). */
function hardChunks(text: string, width: number): string[] {
	const chunks: string[] = [];
	let chunk = '';
	let used = 0;
	for (const character of text) {
		const characterWidth = widthOf(character);
		if (chunk && used + characterWidth > width) {
			chunks.push(chunk);
			chunk = '';
			used = 0;
		}
		chunk += character;
		used += characterWidth;
	}
	if (chunk) chunks.push(chunk);
	return chunks;
}

/** The smallest parts of a word that must stay together on a line no wider than `width`. */
function atomsOf(word: string, width: number, level = 0): string[] {
	if (widthOf(word) <= width) return [word];
	const breaks = LEVELS[level];
	if (!breaks) return hardChunks(word, width);
	return piecesOf(word, breaks).flatMap((piece) => atomsOf(piece, width, level + 1));
}

/**
 * Wraps text into lines of at most `width` columns (the first line `firstWidth`) without losing a
 * character: at spaces; a word that fits a line is never split, so a URI, path, ARN or id that fits
 * stays whole on one line. A word wider than the line starts a line of its own and breaks after `/`
 * (or `,` `;`), then after other punctuation, and only a part with none of those is cut, with no ellipsis.
 * The spaces at the breaks are dropped; joining the lines with the break's space gives the text back.
 */
export function wrapText(text: string, width: number, firstWidth = width): string[] {
	const lines: string[] = [];
	let line = '';
	let used = 0;
	const room = () => Math.max(1, lines.length === 0 ? firstWidth : width);
	const flush = () => {
		lines.push(line);
		line = '';
		used = 0;
	};
	for (const word of text.split(' ')) {
		if (word === '') continue;
		const wordWidth = widthOf(word);
		if (line && used + 1 + wordWidth <= room()) {
			line += ` ${word}`;
			used += 1 + wordWidth;
			continue;
		}
		if (line) flush();
		if (wordWidth <= room()) {
			line = word;
			used = wordWidth;
			continue;
		}
		for (const atom of atomsOf(word, Math.min(room(), Math.max(1, width)))) {
			const atomWidth = widthOf(atom);
			if (line && used + atomWidth > room()) flush();
			line += atom;
			used += atomWidth;
		}
	}
	if (line || lines.length === 0) lines.push(line);
	return lines;
}
