import {useEffect, useState} from 'react';

/**
 * The one animation clock: spinner frame and "ago" times both derive from it. It ticks only while
 * something on screen changes with time (an active batch, a stale age); otherwise no timer runs.
 */
export function useClock(running: boolean, intervalMs = 1000): {now: number; frame: number} {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		if (!running) return undefined;
		const timer = setInterval(() => setNow(Date.now()), intervalMs);
		return () => clearInterval(timer);
	}, [running, intervalMs]);
	return {now, frame: Math.floor(now / intervalMs)};
}
