import {once} from 'node:events';

/**
 * Writes lines (already guarded) to a stream and waits while its buffer is full, so that a slow reader
 * (`| less`) holds the producer back instead of the output piling up in memory.
 */
export function streamLineWriter(stream: NodeJS.WritableStream): (line: string) => Promise<void> {
	return async (line) => {
		if (!stream.write(`${line}\n`)) await once(stream, 'drain');
	};
}
