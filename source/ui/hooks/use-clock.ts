import {useEffect, useState} from 'react';

/**
 * A clock for what moves with time alone: `now` every `intervalMs`, and a frame count. No timer runs
 * when `intervalMs` is undefined. When the interval changes (the detail pane opens and shows seconds)
 * the clock reads the time again at once, so nothing is shown from an old reading.
 */
export function useClock(intervalMs: number | undefined): {now: number; frame: number} {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		if (intervalMs === undefined) return undefined;
		const tick = () => setNow(Date.now());
		const first = setTimeout(tick, 0);
		const timer = setInterval(tick, intervalMs);
		return () => {
			clearTimeout(first);
			clearInterval(timer);
		};
	}, [intervalMs]);
	return {now, frame: intervalMs === undefined ? 0 : Math.floor(now / intervalMs)};
}
