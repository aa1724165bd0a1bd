// Counter-based randomness: a run's fate is a pure function of (seed, batch, run index, purpose),
// so nothing per run has to be stored and the same seed always replays the same history.

/** Mixes 32-bit integers into one well-distributed 32-bit hash (murmur3 finaliser). */
export function mix32(...parts: readonly number[]): number {
	return mixAll(parts);
}

function mixAll(parts: readonly number[]): number {
	let h = 0x811c9dc5;
	for (const part of parts) {
		h = Math.imul(h ^ (part >>> 0), 0x01000193);
		h ^= h >>> 16;
		h = Math.imul(h, 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
	}
	return h >>> 0;
}

/** A uniform number in [0, 1) derived from the given integers. */
export function unitHash(...parts: number[]): number {
	return mixAll(parts) / 0x1_0000_0000;
}

/** A value between min and max (inclusive range), picked by a unit number. */
export function lerp([min, max]: readonly [number, number], unit: number): number {
	return min + (max - min) * unit;
}

/** A small sequential generator for the account-level choices (ids, uuids, fault draws). */
export class SeededSequence {
	#counter = 0;
	constructor(private readonly seed: number) {}

	/** Next uniform number in [0, 1). */
	next(): number {
		this.#counter += 1;
		return unitHash(this.seed, 0x5eed, this.#counter);
	}

	/** Next integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** An RFC 4122 version-4-shaped uuid built from the sequence. */
	uuid(): string {
		const hex = Array.from({length: 4}, () =>
			mix32(this.seed, this.int(0, 0x7fffffff)).toString(16).padStart(8, '0'),
		).join('');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Number.parseInt(hex[16] ?? '0', 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	}
}
