// The emulator as its own process, as a user would run it: the bench measures it and batchtop apart.
import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {CLI} from '../../../test/helpers/run-cli.js';

export {CLI};

export interface EmulatorProcess {
	readonly url: string;
	readonly pid: number;
	/** GET /__emulator/<path> as JSON. */
	get<T>(path: string): Promise<T>;
	stop(): Promise<void>;
}

/** Writes a scenario object to a temporary file for `--scenario`. */
export async function scenarioFile(name: string, scenario: unknown): Promise<string> {
	const path = join(tmpdir(), `batchtop-bench-${process.pid}-${name}.json`);
	await writeFile(path, JSON.stringify(scenario));
	return path;
}

/** Starts `batchtop emulator` and resolves once it prints its URL. */
export function startEmulatorProcess(args: readonly string[]): Promise<EmulatorProcess> {
	return startListening([CLI, 'emulator', '--port', '0', ...args]);
}

/** Starts the emulator as `--demo` does (history computed after it listens), on a scenario file. */
export function startBackgroundEmulatorProcess(scenarioPath: string): Promise<EmulatorProcess> {
	const script = fileURLToPath(new URL('background-emulator.ts', import.meta.url));
	return startListening(['--import', 'tsx', script, scenarioPath]);
}

async function startListening(argv: readonly string[]): Promise<EmulatorProcess> {
	const child: ChildProcess = spawn(process.execPath, argv, {stdio: ['ignore', 'pipe', 'inherit']});
	const lines = createInterface({input: child.stdout!});
	const url = await new Promise<string>((resolve, reject) => {
		lines.on('line', (line) => {
			const match = /listening on (\S+)/.exec(line);
			if (match?.[1]) resolve(match[1]);
		});
		child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
	});
	return {
		url,
		pid: child.pid!,
		async get<T>(path: string): Promise<T> {
			const response = await fetch(`${url}/__emulator/${path}`);
			return (await response.json()) as T;
		},
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await once(child, 'exit');
		},
	};
}
