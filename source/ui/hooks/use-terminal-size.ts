import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export interface TerminalSize {
	readonly columns: number;
	readonly rows: number;
}

const read = (stdout: NodeJS.WriteStream): TerminalSize => ({
	columns: stdout.columns || 80,
	rows: stdout.rows || 24,
});

/** Columns and rows, re-read on resize after 100 ms of quiet (Ink itself tracks only columns). */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => fixed ?? read(stdout));
	useEffect(() => {
		if (fixed) return undefined;
		let timer: NodeJS.Timeout | undefined;
		const onResize = () => {
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => setSize(read(stdout)), 100);
		};
		stdout.on('resize', onResize);
		return () => {
			if (timer) clearTimeout(timer);
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed]);
	return fixed ?? size;
}
